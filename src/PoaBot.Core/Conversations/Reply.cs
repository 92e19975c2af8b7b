namespace PoaBot.Core.Conversations;

/// <summary>An inline button; its label is made safe to show (<see cref="Domain.SafeText.Display"/>).</summary>
public sealed record Button(string Label, string Data)
{
    public string Label { get; init; } = Domain.SafeText.Display(Label);
}

/// <summary>A message the engine wants sent: HTML text, optional inline buttons, optionally the main reply keyboard.</summary>
public sealed record Reply(string Html)
{
    public IReadOnlyList<IReadOnlyList<Button>> Buttons { get; init; } = [];

    /// <summary>Show the persistent keyboard (Reportar / Resumen / Ayuda).</summary>
    public bool MainKeyboard { get; init; }

    /// <summary>A file to send (exports, charts), by path; the text becomes its caption.</summary>
    public string? DocumentPath { get; init; }

    /// <summary>Send <see cref="DocumentPath"/> as a photo (a chart) rather than as a document.</summary>
    public bool DocumentIsPhoto { get; init; }

    /// <summary>
    /// Writes the file at <see cref="DocumentPath"/> (an export, a chart) from a read of the database. Slow work that is not
    /// a database change: the edge runs it after the turn's commit, outside the write transaction, then sends the reply.
    /// </summary>
    public Action<Storage.DbSession>? Render { get; init; }

    /// <summary>Runs <see cref="Render"/>, if any, in a read of the database.</summary>
    public void RenderFile(Storage.Database database)
    {
        if (Render is { } render)
        {
            database.Read(db => { render(db); return true; });
        }
    }

    /// <summary>Evidence to show again, by the file_id Telegram gave this bot; the text becomes its caption.</summary>
    public string? EvidenceFileId { get; init; }

    public bool EvidenceIsPhoto { get; init; }

    /// <summary>
    /// Replies with the same key replace one another while unsent: the photos of an album arrive as one update each, and the
    /// person sees one answer to all of them, not one per photo.
    /// </summary>
    public string? CollapseKey { get; init; }

    /// <summary>
    /// The bot's message this reply replaces (the question whose button was just pressed), edited in place rather than
    /// sent anew; chosen by <see cref="ConversationEngine"/> only. The edge sends a new message if Telegram refuses the edit.
    /// </summary>
    public long? EditMessageId { get; init; }
}

/// <summary>What one input produced: replies to send, and a short answer for a pressed button.</summary>
public sealed record TurnResult(IReadOnlyList<Reply> Replies, string? ButtonAnswer = null)
{
    /// <summary>Renders the replies' files (after the turn's commit), each from its own read of the database.</summary>
    public TurnResult RenderFiles(Storage.Database database)
    {
        foreach (var reply in Replies)
        {
            reply.RenderFile(database);
        }

        return this;
    }
}
