using PoaBot.Core.Reporting;

namespace PoaBot.Core.Conversations;

/// <summary>What /coordinadores says: the people registered, and deactivating one (bajas) with their councils passed on.</summary>
[UserTexts("Personas: /coordinadores y bajas")]
public static class PeopleText
{
    public const string Title = "<b>Personas registradas</b>";

    /// <summary>One person: name, role, whether messages reach them, and their last report.</summary>
    public static string Person(string name, string role, bool active, bool unreachable, DateOnly? lastReport) =>
        $"<b>{Html.Escape(name)}</b> — {Role(role)}, " +
        (!active ? "inactivo(a)" : unreachable ? "⚠️ no se le pueden enviar mensajes" : "activo(a), recibe mensajes") +
        (lastReport is { } last ? $"; último reporte {Numbers.Date(last)}" : "; sin reportes");

    /// <summary>A role as people read it: «coordinador(a)», «director(a)», «Planeación».</summary>
    public static string Role(string role) => role switch
    {
        People.Roles.Coordinator => "coordinador(a)",
        People.Roles.Director => "director(a)",
        People.Roles.Planning => "Planeación",
        _ => role,
    };

    public static string Councils(IReadOnlyList<string> councils) => $"\n  {Html.Escape(Html.Shorten(string.Join(", ", councils), 200))}";

    public const string TapToDeactivate = "Para dar de baja a alguien, toque su botón.";

    public static string DeactivateButton(string name) => $"Dar de baja: {Html.Shorten(name, 40)}";

    public const string TapAPerson = "Toque a una de las personas de la lista; no se cambió nada.";

    public static string AskSuccessor(string name) => $"¿A quién pasan los consejos de <b>{Html.Escape(name)}</b>?";

    public const string NoReassign = "No reasignar";

    public const string TapSuccessor = "Toque a quién pasan los consejos, o «No reasignar».";

    public static string ConfirmDeactivation(string name, string? successor, int councils) =>
        $"¿Confirma que desea dar de baja a <b>{Html.Escape(name)}</b>? Ya no podrá usar el bot; le avisaré por mensaje." +
        (councils == 0 ? "" : successor is null ? " Sus consejos quedarán sin coordinador(a)." : $" Sus consejos pasarán a {Html.Escape(successor)}.");

    public const string ConfirmButton = "✅ Sí, dar de baja";

    public const string TapConfirm = "Toque «Sí, dar de baja» para confirmar, o «Cancelar» para no hacer nada.";

    public const string NoLongerActive = "Esa persona ya no está activa; no se cambió nada. Escriba /coordinadores para ver la lista de nuevo.";

    /// <summary>Sent to the person deactivated, in their own chat.</summary>
    public static string YouWereDeactivated(string directorate) =>
        $"Se le dio de baja en este bot en {DirectorateText.The(directorate)}, así que ya no podrá registrar reportes para ella aquí. " +
        "Si cree que se trata de un error, comuníquese con esa dirección.";

    public static string Deactivated(string name, string? successor) =>
        successor is null
            ? $"{Html.Escape(name)} quedó dado(a) de baja. Personas: /coordinadores"
            : $"{Html.Escape(name)} quedó dado(a) de baja. Sus consejos pasaron a {Html.Escape(successor)}. Personas: /coordinadores";
}
