using System.Text.RegularExpressions;

namespace PoaBot.Core.Domain;

/// <summary>What a coordinator reports for an activity; decides the questions the bot asks.</summary>
public enum ActivityKind
{
    Meeting,
    RequestReceived,
    RequestManaged,
    SocialProgram,
    Generic,
}

public static partial class ActivityKinds
{
    /// <summary>Detects the kind from an activity's name, in the order DESIGN.md gives.</summary>
    public static ActivityKind Detect(string name)
    {
        var upper = name.ToUpperInvariant();
        if (Gestion().IsMatch(upper) && upper.Contains("SOLICITUD", StringComparison.Ordinal))
        {
            return ActivityKind.RequestManaged;
        }

        if (upper.Contains("REUNI", StringComparison.Ordinal))
        {
            return ActivityKind.Meeting;
        }

        if (upper.Contains("SOLICITUD", StringComparison.Ordinal))
        {
            return ActivityKind.RequestReceived;
        }

        return upper.Contains("PROGRAMA", StringComparison.Ordinal) ? ActivityKind.SocialProgram : ActivityKind.Generic;
    }

    /// <summary>The code stored in the database.</summary>
    public static string Code(this ActivityKind kind) => kind switch
    {
        ActivityKind.Meeting => "meeting",
        ActivityKind.RequestReceived => "request_received",
        ActivityKind.RequestManaged => "request_managed",
        ActivityKind.SocialProgram => "social_program",
        _ => "generic",
    };

    /// <summary>Spanish name shown to people.</summary>
    public static string Label(this ActivityKind kind) => kind switch
    {
        ActivityKind.Meeting => "reuniones",
        ActivityKind.RequestReceived => "solicitudes recibidas",
        ActivityKind.RequestManaged => "solicitudes gestionadas",
        ActivityKind.SocialProgram => "programas sociales",
        _ => "acciones genéricas",
    };

    /// <summary>Accepts the stored code or a Spanish word (reuniones, solicitudes, gestiones, programas, generica).</summary>
    public static bool TryParse(string text, out ActivityKind kind)
    {
        kind = text.Trim().ToLowerInvariant() switch
        {
            "meeting" or "reunion" or "reuniones" or "reunión" => ActivityKind.Meeting,
            "request_received" or "solicitud" or "solicitudes" or "recibidas" => ActivityKind.RequestReceived,
            "request_managed" or "gestion" or "gestión" or "gestiones" or "gestionadas" => ActivityKind.RequestManaged,
            "social_program" or "programa" or "programas" => ActivityKind.SocialProgram,
            "generic" or "generica" or "genérica" or "acciones" => ActivityKind.Generic,
            _ => (ActivityKind)(-1),
        };
        return Enum.IsDefined(kind);
    }

    public static ActivityKind FromCode(string code) =>
        TryParse(code, out var kind) ? kind : throw new InvalidDataException($"Unknown activity kind '{code}'.");

    [GeneratedRegex("GESTI[OÓ]N")]
    private static partial Regex Gestion();
}
