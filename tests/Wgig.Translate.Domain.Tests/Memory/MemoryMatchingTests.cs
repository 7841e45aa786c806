using Wgig.Translate.Domain.Memory;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Tests.Checks;

namespace Wgig.Translate.Domain.Tests.Memory;

public sealed class MemoryMatchingTests
{
    [Fact]
    public void The_word_score_counts_edits_over_the_longer_sentence_and_the_diff_shows_them()
    {
        var (score, diff) = MatchScoring.Compare("The Working Group met in Tunis in 2005.", "The Working Group met in Geneva in 2005.");

        Assert.Equal(88, score); // 1 of 9 units (8 words and the full stop) replaced
        Assert.Equal(
            [(DiffKind.Equal, "The Working Group met in "), (DiffKind.Deleted, "Geneva "), (DiffKind.Inserted, "Tunis "), (DiffKind.Equal, "in 2005.")],
            diff.Select(d => (d.Kind, d.Text)));
    }

    [Theory]
    [InlineData("The group met.", "The group met.", 100)]
    [InlineData("The group met.", "the group  met.", 99)]
    [InlineData("The group met twice.", "The group met.", 80)]
    [InlineData("Internet governance", "Spam and privacy", 0)]
    public void Scores_are_100_only_for_the_same_text(string current, string match, int expected) =>
        Assert.Equal(expected, MatchScoring.Compare(current, match).Score);

    [Fact]
    public void Chinese_is_compared_character_by_character()
    {
        var (score, diff) = MatchScoring.Compare("工作组在突尼斯开会。", "工作组在日内瓦开会。");

        Assert.InRange(score, 60, 80);
        Assert.Contains(diff, d => d is { Kind: DiffKind.Inserted, Text: "突尼斯" });
    }

    [Fact]
    public void A_matchs_codes_are_mapped_onto_the_current_segments_codes_by_kind_and_type()
    {
        // The match: "[b1]WSIS[/b1] met [x2]" ; now the segment has bold 7 and a footnote 9.
        var match = CheckRunner.Source("The {b1}WSIS{/b1} met{x2}.");
        var matchTarget = CheckRunner.Target(match, "Le {b1}SMSI{/b1} s’est réuni{x2}.");
        var current = CheckRunner.Source("The {b7}WSIS{/b7} met{x9}.");

        var (mapped, dropped) = CodeMapping.Map(matchTarget.CodedText, match.Codes, current);

        Assert.Equal(0, dropped);
        Assert.Equal(CheckRunner.Target(current, "Le {b7}SMSI{/b7} s’est réuni{x9}.").CodedText, mapped.CodedText);
    }

    [Fact]
    public void Codes_without_a_counterpart_are_dropped_and_counted()
    {
        var match = CheckRunner.Source("The {b1}WSIS{/b1} met{x2}.");
        var matchTarget = CheckRunner.Target(match, "Le {b1}SMSI{/b1} s’est réuni{x2}.");
        var current = SegmentContent.FromText("The WSIS met.");

        var (mapped, dropped) = CodeMapping.Map(matchTarget.CodedText, match.Codes, current);

        Assert.Equal((3, "Le SMSI s’est réuni."), (dropped, mapped.CodedText));
    }

    [Fact]
    public void Entries_normalise_codes_so_the_same_pair_from_two_documents_is_one_entry()
    {
        var first = CheckRunner.Source("The {b4}WSIS{/b4}  met.");
        var second = CheckRunner.Source("The {b1}WSIS{/b1} met.");
        MemoryEntry Entry(SegmentContent source) => MemoryEntry.Create(Guid.Empty, "en", "fr", source, CheckRunner.Target(source,
            source == first ? "Le {b4}SMSI{/b4} s’est réuni." : "Le {b1}SMSI{/b1} s’est réuni."), null, MemoryOrigin.Approval, DateTimeOffset.UnixEpoch)!;

        var (a, b) = (Entry(first), Entry(second));

        Assert.Equal((a.PairKey, a.SourceKey, a.SourcePlain), (b.PairKey, b.SourceKey, "The WSIS met."));
        Assert.Equal([1, 1], a.Codes.Select(c => c.Id));
        Assert.NotEqual(MemoryText.ContextOf("a", "b"), MemoryText.ContextOf("a", "c"));
    }

    [Fact]
    public void Nothing_is_remembered_for_an_empty_side()
    {
        Assert.Null(MemoryEntry.Create(Guid.Empty, "en", "fr", SegmentContent.FromText("The group met."), SegmentContent.FromText("  "), null, MemoryOrigin.Import, DateTimeOffset.UnixEpoch));
    }
}
