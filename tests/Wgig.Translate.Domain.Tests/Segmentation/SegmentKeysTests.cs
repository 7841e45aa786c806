using Wgig.Translate.Domain.Segmentation;

namespace Wgig.Translate.Domain.Tests.Segmentation;

public sealed class SegmentKeysTests
{
    [Fact]
    public void Keys_do_not_move_when_paragraphs_are_inserted_or_removed_elsewhere()
    {
        var before = SegmentKeys.Assign(["Alpha.", "Beta.", "Gamma."]);
        var after = SegmentKeys.Assign(["New first.", "Alpha.", "Gamma."]);

        Assert.Equal(before[0], after[1]);
        Assert.Equal(before[2], after[2]);
        Assert.DoesNotContain(before[1], after);
    }

    [Fact]
    public void A_repeated_text_gets_numbered_keys_in_document_order()
    {
        var keys = SegmentKeys.Assign(["Yes.", "No.", "Yes.", "Yes."]);

        Assert.Equal([keys[0], keys[1], keys[0] + "-2", keys[0] + "-3"], keys);
    }

    [Fact]
    public void Spacing_and_unicode_composition_do_not_change_a_key() =>
        Assert.Equal(SegmentKeys.ForText("Café  au\nlait"), SegmentKeys.ForText("Cafe\u0301 au lait"));

    [Fact]
    public void Keys_are_valid_xliff_unit_ids() =>
        Assert.Matches("^s[0-9a-f]{12}$", SegmentKeys.ForText("Any text at all."));
}
