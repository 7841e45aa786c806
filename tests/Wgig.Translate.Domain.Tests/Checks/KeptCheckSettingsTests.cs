using Microsoft.Extensions.Time.Testing;
using Wgig.Translate.Domain.Checks;
using Wgig.Translate.Domain.Glossary;

namespace Wgig.Translate.Domain.Tests.Checks;

/// <summary>Which kept check settings a change forgets: the changed project's, and those of every project reading its glossary.</summary>
public sealed class KeptCheckSettingsTests
{
    private static readonly Guid Owner = Guid.NewGuid();
    private static readonly Guid Reader = Guid.NewGuid();
    private static readonly Guid Other = Guid.NewGuid();

    private static readonly CheckSettingsQuestion OwnersQuestion = new(Owner, "en", "fr");
    private static readonly CheckSettingsQuestion ReadersQuestion = new(Reader, "en", "fr");
    private static readonly CheckSettingsQuestion OthersQuestion = new(Other, "en", "fr");

    private static CheckSettings ReadingGlossaryOf(params Guid[] projects) =>
        new(new Dictionary<string, CheckLevel>(), TermIndex.Empty("en", "fr"), projects);

    private static KeptCheckSettings Kept()
    {
        var kept = new KeptCheckSettings(new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero)));
        kept.Listening(true);
        kept.Remember(OwnersQuestion, ReadingGlossaryOf(Owner), kept.Changes, kept.Now);
        kept.Remember(ReadersQuestion, ReadingGlossaryOf(Reader, Owner), kept.Changes, kept.Now);
        kept.Remember(OthersQuestion, ReadingGlossaryOf(Other), kept.Changes, kept.Now);
        return kept;
    }

    private static bool[] Still(KeptCheckSettings kept) =>
        [kept.TryGet(OwnersQuestion, out _), kept.TryGet(ReadersQuestion, out _), kept.TryGet(OthersQuestion, out _)];

    [Fact]
    public void A_change_to_a_project_forgets_its_settings_and_those_of_the_projects_reading_its_glossary()
    {
        var kept = Kept();
        kept.ForgetProject(Owner);
        Assert.Equal([false, false, true], Still(kept));
    }

    [Fact]
    public void A_change_to_a_project_reading_another_glossary_leaves_the_owner_kept()
    {
        var kept = Kept();
        kept.ForgetProject(Reader);
        Assert.Equal([true, false, true], Still(kept));
    }

    [Theory]
    [InlineData("project:{owner}", new[] { false, false, true })]
    [InlineData("", new[] { false, false, false })]
    [InlineData("project:not-an-id", new[] { false, false, false })]
    public void A_notice_forgets_the_project_it_names_or_everything(string payload, bool[] still)
    {
        var kept = Kept();
        kept.Heard(payload.Replace("{owner}", Owner.ToString(), StringComparison.Ordinal));
        Assert.Equal(still, Still(kept));
    }
}
