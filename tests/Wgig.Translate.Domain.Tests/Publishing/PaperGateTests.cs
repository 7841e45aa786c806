using Wgig.Translate.Domain.Deadlines;
using Wgig.Translate.Domain.Publishing;

namespace Wgig.Translate.Domain.Tests.Publishing;

/// <summary>The publish gate's decision, from the counts the store reads: approved in full, signed off, and why not.</summary>
public sealed class PaperGateTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Sam = Guid.Parse("00000000-0000-0000-0000-0000000000e1");

    private static LanguageReadiness Language(string language, int approved, int segments = 40) =>
        new(language, segments, approved, segments - approved, segments == 0 ? 0 : Math.Round(100.0 * approved / segments, 1), ForecastStatus.OnTrack);

    private static PaperGate Paper(int version, int? signedOff, params LanguageReadiness[] languages) =>
        new(Guid.NewGuid(), "papers/report.md", version, signedOff, signedOff is null ? null : Sam, signedOff is null ? null : "Sam", signedOff is null ? null : Now, languages);

    [Theory]
    [InlineData(40, 40, true)]
    [InlineData(39, 40, false)]
    [InlineData(0, 0, false)] // a document without segments has nothing to publish
    public void A_language_is_approved_in_full_when_every_current_segment_is(int approved, int segments, bool inFull)
    {
        Assert.Equal(inFull, PublishGate.ApprovedInFull(approved, segments));
        Assert.Equal(inFull, Language("fr", approved, segments).Ready);
    }

    [Fact]
    public void A_paper_goes_out_when_every_language_is_approved_in_full_and_its_current_version_is_signed_off()
    {
        var paper = Paper(3, 3, Language("fr", 40), Language("ar", 40));

        Assert.Equal((true, true, true), (paper.Ready, paper.SignedOff, paper.MayPublish));
    }

    [Fact]
    public void One_language_short_of_full_approval_keeps_the_gate_closed_and_says_which_and_how_far()
    {
        var paper = Paper(3, 3, Language("fr", 40), Language("ar", 30), Language("zh", 39));

        Assert.Equal((false, true, false), (paper.Ready, paper.SignedOff, paper.MayPublish));
        Assert.Equal("papers/report.md: not approved in full in ar (75 %), zh (97.5 %)", paper.WhyNot());
    }

    [Fact]
    public void A_sign_off_of_an_earlier_version_does_not_count_and_the_reason_names_both_versions()
    {
        var resigned = Paper(4, 3, Language("fr", 40));
        var never = Paper(4, null, Language("fr", 40));

        Assert.Equal((true, false, false), (resigned.Ready, resigned.SignedOff, resigned.MayPublish));
        Assert.Equal("papers/report.md: not signed off by the secretariat since version 4 (signed off: 3)", resigned.WhyNot());
        Assert.False(never.MayPublish);
        Assert.Equal("papers/report.md: not signed off by the secretariat", never.WhyNot());
    }
}
