namespace PoaBot.Core.Storage;

/// <summary>Done inbox rows and finished outbox rows older than the cut-off are deleted; records, reports and audit never are.</summary>
public static class Pruning
{
    public static (int Inbox, int Outbox) Run(Database database, DateTimeOffset cutoff) => database.Write(db =>
    {
        var inbox = db.Execute("DELETE FROM inbox WHERE status = 'done' AND done_at < @cutoff", new { cutoff });
        var outbox = db.Execute("DELETE FROM outbox WHERE status IN ('sent', 'failed', 'unreachable') AND created_at < @cutoff", new { cutoff });
        return (inbox, outbox);
    });
}
