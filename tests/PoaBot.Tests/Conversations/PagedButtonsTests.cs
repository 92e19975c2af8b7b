using PoaBot.Core.Conversations;
using PoaBot.Core.Import;
using PoaBot.Tests.Import;

namespace PoaBot.Tests.Conversations;

/// <summary>Long lists of buttons (120 activities) are shown ten at a time: Telegram refuses more than 100 buttons in a message.</summary>
public sealed class PagedButtonsTests : IDisposable
{
    private readonly ChatWorld world = new();

    public void Dispose() => world.Dispose();

    [Fact]
    public void With_120_activities_reportar_shows_ten_at_a_time_with_mas_and_anteriores_and_any_page_can_be_chosen()
    {
        ImportActivities(120);
        var ana = world.Coordinator(1, "Consejo Centro");

        ana.Send("/reportar");
        var first = ana.Last.Replies.Single().Buttons;
        Assert.True(first.Sum(r => r.Count) <= 13, "at most ten options, «Más», «Cancelar»");
        Assert.Contains("Página 1 de 12", ana.Said, StringComparison.Ordinal);
        Assert.DoesNotContain(ana.Buttons, b => b.Label == Texts.PreviousPage);

        ana.Press(Texts.NextPage).Press(Texts.NextPage);
        Assert.Contains("Página 3 de 12", ana.Said, StringComparison.Ordinal);
        ana.Press(Texts.PreviousPage);
        Assert.Contains("Página 2 de 12", ana.Said, StringComparison.Ordinal);
        ana.Press("15. ");

        Assert.DoesNotContain("¿Qué desea reportar?", ana.Said, StringComparison.Ordinal);
        Assert.DoesNotContain(ana.Buttons, b => b.Label == Texts.NextPage);
        Assert.DoesNotContain("Página", ana.Said, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_button_of_an_older_question_is_answered_as_old()
    {
        ImportActivities(30);
        var ana = world.Coordinator(1, "Consejo Centro");
        ana.Send("/reportar");
        var more = ana.Buttons.Single(b => b.Label == Texts.NextPage).Data;
        ana.Press(Texts.NextPage);

        ana.PressData(more);

        Assert.Equal(Texts.StaleButton, ana.Last.ButtonAnswer);
    }

    private void ImportActivities(int count) =>
        PoaImporter.Import(world.Database, PoaDocumentParser.Parse(SeedDocuments.WithActivities(count)), "prueba", "poa.txt", world.Time.GetUtcNow());
}
