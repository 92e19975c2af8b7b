namespace PoaBot.Core.Conversations;

/// <summary>What every list says about choosing from it: by button, by number or by folio.</summary>
[UserTexts("Listas: elegir por botón, número o folio")]
public static class ListText
{
    public static string TypeHint(bool folios) =>
        folios ? "Toque una opción, o escriba su número o su folio." : "Toque una opción o escriba su número.";

    public static string NotInList(string typed, int count, bool folios) =>
        $"No encontré «{Html.Escape(Html.Shorten(typed, 30))}» en la lista. " +
        (count == 1 ? "Escriba 1" : $"Escriba un número del 1 al {count}") + (folios ? " o un folio de la lista" : "") + ", o toque una opción.";

    public static string NotChoosable(string typed) =>
        $"«{Html.Escape(Html.Shorten(typed, 30))}» está en la lista, pero no se puede elegir. Toque otra opción.";
}
