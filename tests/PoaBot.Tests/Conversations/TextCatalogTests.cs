using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using PoaBot.Core.Conversations;
using PoaBot.Core.Domain;
using PoaBot.Core.Reporting;
using PoaBot.Core.Samples;

namespace PoaBot.Tests.Conversations;

/// <summary>
/// docs/textos.md shows every user-facing text (every <see cref="UserTextsAttribute"/> class, its methods called with
/// sample values) so the office reviews all wording in one place; a text changed without that file fails here.
/// </summary>
public sealed partial class TextCatalogTests
{
    private const string Regenerate =
        "docs/textos.md no longer matches the texts in the code. Regenerate it with\n" +
        "  UPDATE_TEXTOS=1 dotnet test tests/PoaBot.Tests --filter FullyQualifiedName~TextCatalogTests\n" +
        "then review the difference (git diff docs/textos.md) and commit it with the code.";

    [Fact]
    public void Docs_textos_md_shows_every_text_as_the_code_writes_it()
    {
        var path = Path.Combine(RepoRoot(), "docs", "textos.md");
        var expected = Catalog();
        if (Environment.GetEnvironmentVariable("UPDATE_TEXTOS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
        }

        var actual = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";
        Assert.True(actual == expected, $"{Regenerate}\nFirst difference: {FirstDifference(actual, expected)}");
    }

    [Fact]
    public void Every_text_class_shows_at_least_one_text() =>
        Assert.All(TextClasses(), t => Assert.NotEmpty(Entries(t)));

    /// <summary>
    /// Files whose Spanish stays as data next to the code that uses it, and which docs/textos.md shows in a section
    /// written from that data (see <see cref="Write"/>): each of their Spanish literals must appear in the catalog.
    /// </summary>
    private static readonly string[] CataloguedData =
    [
        "src/PoaBot.Core/Domain/ActivityKind.cs", // the kinds' labels, questions and examples
        "src/PoaBot.Core/Domain/Semaforo.cs", // the semáforo in words
        "src/PoaBot.Core/Reporting/AuditText.cs", // the audit trail's actions and fields in words, and its line
        "src/PoaBot.Core/Domain/DateText.cs", // the words it reads as a day («antes de ayer»); the dates it writes
        "src/PoaBot.Core/Samples/SampleData.cs", // the sample councils of poabot local
    ];

    [Fact]
    public void Spanish_sentences_live_in_text_classes()
    {
        var root = RepoRoot();
        var files = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path: Path.GetRelativePath(root, f).Replace('\\', '/'), Text: File.ReadAllText(f)))
            .Where(f => !f.Text.Contains("[UserTexts(", StringComparison.Ordinal))
            .Select(f => (f.Path, Spanish: SpanishLiterals(f.Text).ToList()));

        var catalog = Catalog();
        var inline = files.SelectMany(f => f.Spanish
                .Where(s => !CataloguedData.Contains(f.Path) || !Catalogued(s[(s.IndexOf(": ", StringComparison.Ordinal) + 2)..], catalog))
                .Select(s => $"{f.Path}:{s}"))
            .ToList();
        Assert.True(
            inline.Count == 0,
            "Spanish text outside a text class ([UserTexts]); move it to the feature's text class (e.g. ReportText):\n" + string.Join("\n", inline));
    }

    /// <summary>Whether a literal's text (its fixed parts, when interpolated) appears in the catalog.</summary>
    private static bool Catalogued(string literal, string catalog)
    {
        var verbatim = literal.StartsWith('@') || literal.StartsWith("$@", StringComparison.Ordinal);
        var text = literal.TrimStart('$', '@')[1..^1];
        var parts = literal.Contains('$', StringComparison.Ordinal) ? Hole().Split(text) : [text];
        return parts.Select(p => verbatim ? p.Replace("\"\"", "\"", StringComparison.Ordinal) : Regex.Unescape(p))
            .Where(p => !string.IsNullOrWhiteSpace(p))
            .All(p => catalog.Contains(p, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex Hole();

    /// <summary>«line: literal» for each string literal that reads as Spanish, outside comments and attributes.</summary>
    private static IEnumerable<string> SpanishLiterals(string source)
    {
        var lines = source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith("//", StringComparison.Ordinal) || line.StartsWith('*') || Attribute().IsMatch(line))
            {
                continue;
            }

            foreach (Match literal in Literal().Matches(line))
            {
                if (Spanish().IsMatch(literal.Value))
                {
                    yield return $"{i + 1}: {literal.Value}";
                }
            }
        }
    }

    [GeneratedRegex(@"(?:\$?@|@\$|\$)?""(?:[^""\\]|\\.)*""")]
    private static partial Regex Literal();

    /// <summary>Spanish letters and marks, or one of its commonest small words.</summary>
    [GeneratedRegex(@"[áéíóúñÁÉÍÓÚÑ¿¡«»]|(?:^|[\s(""])(?:de|el|la|los|las|del|que|una|para|por|con|su|sus|se|y|al|hay|ya)\s", RegexOptions.IgnoreCase)]
    private static partial Regex Spanish();

    [GeneratedRegex(@"^\[\w+(\(|\]|,)")]
    private static partial Regex Attribute();

    /// <summary>The catalog, the same on every machine: sample values formatted without the machine's culture.</summary>
    private static string Catalog()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            return Write();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    private static string Write()
    {
        var text = new StringBuilder()
            .Append("# Textos del bot\n\n")
            .Append("Todo lo que el bot escribe, agrupado por función, con valores de ejemplo. ")
            .Append("Este archivo se genera desde el código (`TextCatalogTests`); no lo edite a mano.\n");
        foreach (var type in TextClasses())
        {
            text.Append($"\n## {type.GetCustomAttribute<UserTextsAttribute>()!.Feature} (`{type.Name}`)\n");
            foreach (var (name, value) in Entries(type))
            {
                text.Append($"\n### {name}\n\n````text\n{value.ReplaceLineEndings("\n")}\n````\n");
            }
        }

        text.Append("\n## Tipos de actividad: nombres y preguntas de cada reporte (`ActivityKinds`)\n");
        foreach (var kind in ActivityKinds.All)
        {
            text.Append($"\n### {kind.Code}\n\n````text\n")
                .Append($"Nombre: {kind.Label}\nEn /reportar: {kind.MenuLabel ?? "(el nombre de la actividad)"}\nHoja del Excel: {kind.Sheet}\n")
                .Append($"Palabras en la línea de comandos: {string.Join(", ", kind.Words)}\n");
            foreach (var field in (IEnumerable<ReportField>)[ReportField.Date with { Label = kind.DateLabel }, .. kind.Fields])
            {
                text.Append($"\n{field.Label}{(field.Optional ? " (opcional)" : "")}\n");
                if (field.Question.Length > 0)
                {
                    text.Append($"Pregunta: {field.Question}\n");
                }

                if (field.Example.Length > 0)
                {
                    text.Append($"Ejemplo en los avisos: {field.Example}\n");
                }
            }

            text.Append("````\n");
        }

        text.Append("\n## Semáforo (`SemaforoText`)\n");
        foreach (var semaforo in Enum.GetValues<Semaforo>())
        {
            var words = new[] { 1, 0 }.Select(progAcum => semaforo.Words(progAcum)).Distinct();
            text.Append($"\n### {semaforo.Code()}\n\n````text\n{string.Join("\n", words)}\n````\n");
        }

        var months = Enumerable.Range(1, 12).Select(m => DateText.Long(new DateOnly(2024, m, 5)));
        text.Append($"\n## Fechas en palabras (`DateText`)\n\n### Long\n\n````text\n{string.Join("\n", months)}\n````\n")
            .Append($"\n### Palabras que lee como fecha\n\n````text\n«{DateText.Article.Trim()}» antes de la fecha (se omite)\n{string.Join("\n", DateText.DaysBack.Keys)}\n````\n");

        var councils = SampleData.Councils.Select(c => $"{c.Name} ({c.Locality})");
        text.Append($"\n## Consejos de ejemplo de «poabot local» (`SampleData`)\n\n````text\n{string.Join("\n", councils)}\n````\n");

        var change = new Core.Storage.AuditRow
        {
            At = new DateTimeOffset(2024, 4, 16, 15, 0, 0, TimeSpan.Zero), Actor = "Ana López (director 123456)", Action = "amend", Field = "event_date",
            OldValue = "2024-04-15", NewValue = null, Reason = "el acta dice otra fecha",
        };
        text.Append("\n## Historial de cambios: /folio y el Excel (`AuditText`)\n")
            .Append($"\n### Actions\n\n````text\n{string.Join("\n", AuditText.Actions.Values)}\n````\n")
            .Append($"\n### Fields\n\n````text\n{string.Join("\n", AuditText.Fields.Values)}\n````\n")
            .Append($"\n### Line\n\n````text\n{AuditText.Line(change, TimeZoneInfo.Utc)}\n````\n");

        return text.ToString();
    }

    private static List<Type> TextClasses() =>
        new[] { typeof(UserTextsAttribute).Assembly, typeof(PoaBot.Telegram.InboxProcessor).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t.GetCustomAttribute<UserTextsAttribute>() is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>Each public text of a class, in declaration order; a method once per combination of sample values.</summary>
    private static List<(string Name, string Value)> Entries(Type type)
    {
        var entries = new List<(int Order, string Name, string Value)>();
        const BindingFlags Public = BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var field in type.GetFields(Public).Where(f => IsText(f.FieldType)))
        {
            entries.Add((field.MetadataToken, field.Name, Show(field.GetValue(null))));
        }

        foreach (var property in type.GetProperties(Public).Where(p => IsText(p.PropertyType)))
        {
            entries.Add((property.MetadataToken, property.Name, Show(property.GetValue(null))));
        }

        foreach (var method in type.GetMethods(Public).Where(m => !m.IsSpecialName && m.ReturnType == typeof(string)))
        {
            var parameters = method.GetParameters();
            foreach (var args in Combinations(parameters.Select(p => Samples(p, method)).ToList()))
            {
                var shown = string.Join(", ", parameters.Zip(args, (p, a) => $"{p.Name}: {Describe(a)}"));
                entries.Add((method.MetadataToken, $"{method.Name}({shown})", Show(method.Invoke(null, args))));
            }
        }

        return entries.OrderBy(e => e.Order).Select(e => (e.Name, e.Value)).ToList();
    }

    /// <summary>A string, or a list of values that write themselves as text (e.g. menu entries).</summary>
    private static bool IsText(Type type) => type == typeof(string) || typeof(IEnumerable).IsAssignableFrom(type);

    private static string Show(object? value) => value switch
    {
        string s => s,
        IEnumerable many => string.Join("\n", many.Cast<object>()),
        _ => throw new InvalidOperationException($"Not a text: {value}"),
    };

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string s => $"«{s}»",
        ActivityProgress p => $"actividad {p.Num}: meta {p.Goal}, programado en bimestres cerrados {p.ProgAcum}, real {p.RealAcum}",
        ActivityPlan a => $"actividad {a.Num} «{a.Name}»",
        IEnumerable many => "[" + string.Join(", ", many.Cast<object?>().Select(Describe)) + "]",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Sample values for a parameter: one for most types, every value for a bool or an enum, and null when it may be null.</summary>
    private static object?[] Samples(ParameterInfo parameter, MethodInfo method)
    {
        var inner = Nullable.GetUnderlyingType(parameter.ParameterType);
        var samples = Samples(inner ?? parameter.ParameterType, parameter.Name!, method);
        return inner is not null || new NullabilityInfoContext().Create(parameter).ReadState == NullabilityState.Nullable ? [.. samples, null] : samples;
    }

    private static object?[] Samples(Type type, string name, MethodInfo method) =>
        type switch
        {
            _ when type == typeof(bool) => [false, true],
            _ when type.IsEnum => Enum.GetValues(type).Cast<object?>().ToArray(),
            _ when type == typeof(string) && name == "role" => ["coordinador", "director", "planeacion"],
            _ when type == typeof(string) => [SampleString(name)],
            _ when type == typeof(int) => [3],
            _ when type == typeof(long) => [1234L],
            _ when type == typeof(decimal) => [12.5m],
            _ when type == typeof(double) => [12.5],
            _ when type == typeof(DateOnly) => [new DateOnly(2024, 3, 15)],
            _ when type == typeof(TimeOnly) => [new TimeOnly(9, 30)],
            _ when type == typeof(TimeSpan) => [TimeSpan.FromMinutes(90)],
            _ when type == typeof(DateTimeOffset) => [new DateTimeOffset(2024, 3, 15, 16, 30, 0, TimeSpan.Zero)],
            _ when type == typeof(DateTime) => [new DateTime(2024, 3, 15, 9, 30, 0, DateTimeKind.Unspecified)],
            _ when type.IsAssignableFrom(typeof(string[])) => [SampleList(name)],
            _ when type.IsAssignableFrom(typeof(int[])) => [new[] { 7, 1 }],
            _ when type == typeof(ActivityKind) => [ActivityKind.Meeting, ActivityKind.Generic],
            _ when type == typeof(ActivityPlan) => [new ActivityPlan(1, "3", "GESTION PARA ATENCION DE SOLICITUDES", "", ActivityKind.Generic, 15, [0, 0, 7, 0, 0, 8])],
            _ when type == typeof(ActivityProgress) =>
            [
                new ActivityProgress("1", "REUNIONES DE CONSEJOS", ActivityKind.Meeting, 20, [], 4, 5, Semaforo.Sobre),
                new ActivityProgress("3", "GESTION PARA ATENCION", ActivityKind.RequestManaged, 15, [], 0, 0, Semaforo.SinPrograma),
            ],
            _ => throw new InvalidOperationException(
                $"{method.DeclaringType!.Name}.{method.Name}: no sample value for a parameter of type {type.Name}; " +
                "give text methods simple parameters or add a sample in TextCatalogTests.Samples."),
        };

    private static string SampleString(string name) => name.ToLowerInvariant() switch
    {
        var n when n.Contains("folio") => "DPC-2024-0007",
        var n when n.Contains("activities") => "3, 4 y 7",
        var n when n.Contains("place") => "entre MARZO/ABRIL y MAYO/JUNIO",
        var n when n.Contains("cells") || n == "prog" => "Ene/Feb 2, Mar/Abr 3",
        var n when n.Contains("bimesters") => "Sep/Oct y Nov/Dic",
        var n when n.Contains("kind") => "Reunión",
        var n when n.Contains("council") => "Consejo Centro",
        var n when n.Contains("activity") => "Reuniones del consejo",
        var n when n.Contains("file") || n.Contains("path") => "POA 2024.xlsx",
        var n when n.Contains("name") || n.Contains("person") || n.Contains("who") => "Ana López",
        var n when n.Contains("date") || n.Contains("day") => "15/03/2024",
        var n when n.Contains("bimester") => "Mar/Abr",
        _ => $"‹{name}›",
    };

    private static string[] SampleList(string name) => name.ToLowerInvariant() switch
    {
        var n when n.Contains("bimester") => ["Mar/Abr", "May/Jun"],
        var n when n.Contains("path") => ["grafica.png", "grafica-2.png"],
        "arguments" => ["NUM", "TIPO"],
        _ => ["Consejo Centro", "Consejo Norte"],
    };

    private static IEnumerable<object?[]> Combinations(List<object?[]> samples)
    {
        IEnumerable<object?[]> all = [[]];
        foreach (var options in samples)
        {
            all = all.SelectMany(prefix => options.Select(o => (object?[])[.. prefix, o]));
        }

        return all;
    }

    private static string FirstDifference(string actual, string expected)
    {
        var (a, e) = (actual.Split('\n'), expected.Split('\n'));
        var i = 0;
        while (i < a.Length && i < e.Length && a[i] == e[i])
        {
            i++;
        }

        return $"line {i + 1}: file has «{(i < a.Length ? a[i] : "(end)")}», code writes «{(i < e.Length ? e[i] : "(end)")}»";
    }

    internal static string RepoRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder!.FullName, "PoaBot.sln")))
        {
            folder = folder.Parent;
        }

        return folder.FullName;
    }
}
