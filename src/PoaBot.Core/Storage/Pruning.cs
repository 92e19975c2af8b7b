namespace PoaBot.Core.Storage;

/// <summary>Done inbox rows and finished outbox rows older than the cut-off are deleted; records, reports and audit never are.</summary>
public static class Pruning
{
    public static (int Inbox, int Outbox) Run(Database database, DateTimeOffset cutoff) => database.Write(db =>
    {
        var at = Instants.Format(cutoff);
        var inbox = db.Execute("DELETE FROM inbox WHERE status = 'done' AND done_at < @at", new { at });
        var outbox = db.Execute("DELETE FROM outbox WHERE status IN ('sent', 'failed', 'unreachable') AND created_at < @at", new { at });
        return (inbox, outbox);
    });
}
