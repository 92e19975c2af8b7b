using PoaBot.Core.Reporting;

namespace PoaBot.Core.Conversations;

/// <summary>What the Dirección's tools say: /invitar (role and councils) and /consejos (list and add).</summary>
[UserTexts("Dirección: /invitar y /consejos")]
public static class DirectorText
{
    // /invitar
    public const string AskRole = "¿Para quién es la invitación?";

    public const string CoordinatorButton = "Coordinador(a)";

    public const string DirectorButton = "Director(a)";

    public const string AskCouncils = "¿De qué consejos será coordinador(a)? Toque para marcar o desmarcar; luego toque «Listo».";

    public static string CouncilToggle(bool selected, string council) => $"{(selected ? "✅" : "⬜")} {Html.Shorten(council, 40)}";

    public const string DoneButton = "Listo";

    public const string ChooseOneCouncil = "Elija al menos un consejo.";

    public const string TapAnOption = "Toque una de las opciones, o Cancelar.";

    public static string Invitation(bool director, string[] councils, DateOnly expires, string link) =>
        $"🔑 Invitación para {Html.Escape(director ? "director(a)" : $"coordinador(a) de {string.Join(", ", councils)}")}. " +
        $"Sirve una sola vez y vence el {Numbers.Date(expires)}.\n" +
        $"Reenvíe este enlace a la persona:\n{Html.Escape(link)}";

    // /consejos
    public static string CouncilsTitle(int count) => $"🏘 <b>Consejos ({count})</b>";

    public static string Council(string council, string locality, string[] coordinators) =>
        $"• <b>{Html.Escape(council)}</b>{(locality.Length > 0 ? $" ({Html.Escape(locality)})" : "")} — " +
        (coordinators.Length == 0 ? "sin coordinador" : Html.Escape(Html.Shorten(string.Join(", ", coordinators), 200)));

    public const string AddCouncilButton = "➕ Agregar consejo";

    public const string AskCouncilName = "Escriba el nombre del nuevo consejo.\nEjemplo: Consejo Colonia Las Flores";

    public static string CouncilExists(string council) => $"Ya existe el consejo «{Html.Escape(council)}». Escriba otro nombre, o toque Cancelar.";

    public static string AskLocality(string council) => $"¿En qué localidad o barrio está «{Html.Escape(council)}»?";

    public static string CouncilAdded(string council, bool added) =>
        added
            ? $"✅ Consejo «{Html.Escape(council)}» agregado. Para invitar a su coordinador(a) use /invitar."
            : $"Ya existe un consejo (o un nombre reservado) «{Html.Escape(council)}»; no se agregó nada. Para intentar con otro nombre: /consejos";

    public const string NameTooLong = "Escriba un nombre de hasta 100 caracteres, o toque Cancelar.";
}
