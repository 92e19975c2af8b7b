using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using PoaBot.Core.Conversations;
using PoaBot.Core.Samples;
using Xunit.Abstractions;

namespace PoaBot.Tests.Conversations;

/// <summary>
/// A crawl of the chat: for a coordinator and for the director, every command of the table, then breadth-first every
/// inline button of every reply, and in every open question a few typed answers (valid and not), a photo and a document.
/// Every reply must read as a person's message (<see cref="Problems"/>), and every turn must leave a way forward
/// (<see cref="HasWayForward"/>).
/// </summary>
public sealed partial class CrawlTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>How far and how wide one command is followed: presses and answers after the command, states per command.</summary>
    private const int MaxDepth = 12;
    private const int MaxStatesPerCommand = 300;

    /// <summary>Typed answers tried in every open question: a number, a date, a sentence, and a wrong number.</summary>
    private static readonly string[] Typed = ["3", "ayer", "Bacheo de la calle Hidalgo", "-1"];

    /// <summary>English words a Spanish-speaking person should never read (whole words, any case).</summary>
    private static readonly string[] English =
    [
        "null", "true", "false", "exception", "record", "records", "draft", "activity", "council", "reopen", "justify", "void",
        "amend", "pending", "skip", "cancel", "back", "save", "edit", "photo", "meeting", "request", "baseline", "generic", "page",
        "undefined", "step", "state", "the",
    ];

    private static readonly string[] KeyboardWords = ["Reportar", "Resumen", "Ayuda"];

    private readonly ChatWorld world = new(new DateTimeOffset(2024, 5, 2, 18, 0, 0, TimeSpan.Zero));
    /// <summary>Each problem once (numbers aside), with the first path that found it.</summary>
    private readonly Dictionary<string, (string Text, string Path)> problems = new(StringComparer.Ordinal);
    private string snapshot = "";
    private string poaFile = "";

    public void Dispose() => world.Dispose();

    /// <summary>A person in the crawl: whose chat, and which commands of the table they may use.</summary>
    private sealed record Person(string Role, long Id, bool Director);

    [Fact]
    public void Every_button_reachable_from_every_command_leaves_a_way_forward_in_human_text()
    {
        Seed();
        var states = 0;
        foreach (var person in new[] { new Person("coordinador", 1, false), new Person("directora", 900, true) })
        {
            foreach (var command in ChatCommands.All.Where(c => c.Role == CommandRole.Registered || person.Director))
            {
                foreach (var typed in command.Example is { } example ? [$"/{command.Name}", $"/{command.Name} {example(2024, "DPC")}"] : new[] { $"/{command.Name}" })
                {
                    var visited = Crawl(person, typed);
                    output.WriteLine($"{person.Role} {typed}: {visited} states");
                    states += visited;
                }
            }
        }

        output.WriteLine($"Crawl: {states} states visited, {problems.Count} problems.");
        Assert.True(problems.Count == 0, string.Join("\n\n", problems.Select(p => $"{p.Value.Text}\n  ← {p.Value.Path}")));
    }

    /// <summary>
    /// The seed POA 2024 on 02/05/2024 (Ene/Feb locked; Mar/Abr closed, still open to justify), three councils, a coordinator of Consejo Centro with a
    /// meeting, three requests (one managed) and a request of another council pending; the director registered.
    /// </summary>
    private void Seed()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        ana.ReportMeeting();
        ana.ReportRequest("Alumbrado en calle Morelos").ReportRequest("Bacheo en avenida Juárez").ReportRequest("Poda de árboles en el jardín");
        ana.Send("/reportar").Press("Solicitud gestionada").Press("DPC-2024-0008").Send("Obras Públicas").Send("Se turnó a Obras Públicas").Press("Omitir").Press("Guardar");
        world.Coordinator(2, "Consejo San Juan").ReportRequest("Agua potable en la colonia");
        world.Director();
        poaFile = Path.Combine(world.Settings.DataFolder, SampleData.PoaFileName);
        File.WriteAllBytes(poaFile, SampleData.PoaBytes());
        snapshot = Path.Combine(world.Settings.DataFolder, "crawl-snapshot.db");
        Copy(world.Database.Path, snapshot);
    }

    private static void Copy(string from, string to)
    {
        using var source = new SqliteConnection($"Data Source={from};Pooling=False");
        using var target = new SqliteConnection($"Data Source={to};Pooling=False");
        source.Open();
        target.Open();
        source.BackupDatabase(target);
    }

    /// <summary>One node of the crawl: the conversation as saved after the turn, what the turn said, and how it got there.</summary>
    private sealed record Node(string State, TurnResult Turn, string Path, int Depth);

    private int Crawl(Person person, string command)
    {
        Copy(snapshot, world.Database.Path);
        var chat = new Chat(world, person.Id, person.Role);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<Node>();
        var root = Visit(person, chat, $"{person.Role} {command}", () => chat.Send(command));
        if (root is not null)
        {
            queue.Enqueue(root with { Depth = 0 });
        }

        var visited = 0;
        while (queue.TryDequeue(out var node) && visited < MaxStatesPerCommand)
        {
            if (!seen.Add(Key(node)))
            {
                continue;
            }

            visited++;
            if (node.Depth >= MaxDepth)
            {
                continue;
            }

            foreach (var (label, next) in Inputs(chat, node))
            {
                Restore(person.Id, node.State);
                if (Visit(person, chat, $"{node.Path} › {label}", next) is { } child)
                {
                    queue.Enqueue(child with { Depth = node.Depth + 1 });
                }
            }
        }

        return visited;
    }

    /// <summary>What a person could do next: press each button of the turn's replies; in an open question, also type or send a file.</summary>
    private IEnumerable<(string Label, Func<Chat> Next)> Inputs(Chat chat, Node node)
    {
        foreach (var button in node.Turn.Replies.SelectMany(r => r.Buttons).SelectMany(row => row))
        {
            yield return ($"[{button.Label}]", () => chat.PressData(button.Data));
        }

        if (node.State.Contains("\"Task\"", StringComparison.Ordinal))
        {
            foreach (var text in Typed)
            {
                yield return ($"«{text}»", () => chat.Send(text));
            }

            yield return ("(foto)", () => chat.SendPhoto());
            yield return ("(documento)", () => chat.SendDocument(poaFile));
        }
    }

    /// <summary>Runs one input from a restored state and checks its replies; the state it leaves, or null if it threw.</summary>
    private Node? Visit(Person person, Chat chat, string path, Func<Chat> input)
    {
        TurnResult turn;
        try
        {
            turn = input().Last;
        }
        catch (Exception e)
        {
            Found($"excepción: {e.GetType().Name}: {e.Message}", path);
            return null;
        }

        foreach (var reply in turn.Replies)
        {
            foreach (var problem in Problems(Html.ToPlain(reply.Html)))
            {
                Found($"{problem}: {Html.ToPlain(reply.Html)}", path);
            }
        }

        if (!HasWayForward(turn, person.Director))
        {
            Found($"sin salida: {string.Join(" ⏎ ", turn.Replies.Select(r => Html.ToPlain(r.Html)))}{(turn.ButtonAnswer is { Length: > 0 } a ? $" (aviso: {a})" : "")}", path);
        }

        return new Node(SavedState(person.Id), turn, path, 0);
    }

    private void Found(string problem, string path) => problems.TryAdd(Digits().Replace(problem, "#"), (problem, path));

    /// <summary>What makes a reply text unfit for a person: too long for a phone, an ISO date, an internal id, an English word.</summary>
    public static IEnumerable<string> Problems(string text)
    {
        text = InviteLink().Replace(text, "/start"); // an invitation's token is meant to be forwarded
        if (text.Length > 1_000)
        {
            yield return $"{text.Length} caracteres (más de 1,000)";
        }

        if (IsoDate().Match(text) is { Success: true } iso)
        {
            yield return $"fecha ISO «{iso.Value}»";
        }

        if (InternalId().Match(text) is { Success: true } id)
        {
            yield return $"dato interno «{id.Value}»";
        }

        var words = Word().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToHashSet();
        if (English.FirstOrDefault(words.Contains) is { } english)
        {
            yield return $"palabra en inglés «{english}»";
        }
    }

    /// <summary>
    /// A turn leaves a way forward when its last reply (the one at the bottom of the chat) offers inline buttons, asks a
    /// question («?»), says what to do («toque…», «escriba…», «envíe…», «elija…»), or names a command the person may use
    /// («/folio»; «Reportar» on a message that shows the keyboard). A file (an export, a chart, evidence) is what was asked
    /// for, and counts as one.
    /// </summary>
    public static bool HasWayForward(TurnResult turn, bool director)
    {
        if (turn.Replies.Count == 0 || turn.Replies[^1] is not { } last)
        {
            return false;
        }

        var text = Html.ToPlain(last.Html);
        return last.Buttons.Count > 0
            || last.DocumentPath is not null || last.EvidenceFileId is not null
            || text.Contains('?', StringComparison.Ordinal)
            || Imperative().IsMatch(text)
            || Slash().Matches(text).Any(m => ChatCommands.Find(new Command(m.Groups[1].Value.ToLowerInvariant(), "")) is { } c && (c.Role == CommandRole.Registered || director))
            || (last.MainKeyboard && KeyboardWords.Any(w => text.Contains(w, StringComparison.Ordinal)));
    }

    /// <summary>Two nodes are one state when the conversation is the same up to sequence numbers, times and typed values, and the same buttons show.</summary>
    private static string Key(Node node)
    {
        var state = JsonNode.Parse(node.State)!.AsObject();
        state.Remove("Seq");
        state.Remove("At");
        state.Remove("Question");
        if (state["Task"] is JsonObject task)
        {
            foreach (var name in new[] { "RecordId", "PersonId", "Value", "Path", "Name", "Days" })
            {
                task.Remove(name);
            }

            if (task["Draft"] is JsonObject draft)
            {
                foreach (var (name, _) in draft.ToList().Where(p => p.Key is "Date" or "EvidenceFileId" or "EvidenceHash"))
                {
                    draft[name] = "*";
                }

                if (draft["Answers"] is JsonObject answers)
                {
                    foreach (var (name, _) in answers.ToList())
                    {
                        answers[name] = "*";
                    }
                }
            }
        }

        var buttons = node.Turn.Replies.SelectMany(r => r.Buttons).SelectMany(row => row).Select(b => b.Label);
        return state.ToJsonString() + "|" + string.Join("|", buttons);
    }

    private string SavedState(long chatId) =>
        world.Database.Read(db => db.Single<string>("SELECT state FROM conversation WHERE chat_id = @chatId", new { chatId })) ?? "{}";

    private void Restore(long chatId, string state) =>
        world.Database.Write(db => db.Execute("UPDATE conversation SET state = @state WHERE chat_id = @chatId", new { state, chatId }));

    [GeneratedRegex(@"/start \S+")]
    private static partial Regex InviteLink();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}")]
    private static partial Regex IsoDate();

    /// <summary>Snake-case names, hashes, callback data, «(director 900)».</summary>
    [GeneratedRegex(@"\b[a-z]+_[a-z_]+\b|\b[0-9a-f]{12,}\b|\b[a-z]{1,6}:\d+\b|\((director|coordinador)\s+\d+\)|\b(id|ID)\s*\d+")]
    private static partial Regex InternalId();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();

    [GeneratedRegex(@"\b(toque|escriba|envíe|elija)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Imperative();

    [GeneratedRegex(@"/([a-záéíóú]+)", RegexOptions.IgnoreCase)]
    private static partial Regex Slash();
}
