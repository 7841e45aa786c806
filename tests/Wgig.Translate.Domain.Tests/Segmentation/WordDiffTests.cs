using Wgig.Translate.Domain.Segmentation;

namespace Wgig.Translate.Domain.Tests.Segmentation;

public sealed class WordDiffTests
{
    private static string Show(IReadOnlyList<DiffPiece> pieces) => string.Concat(pieces.Select(p => p.Operation switch
    {
        DiffOperation.Removed => $"[-{p.Text}]",
        DiffOperation.Added => $"[+{p.Text}]",
        _ => p.Text,
    }));

    [Fact]
    public void Changed_words_are_marked_whole_and_the_rest_stays()
    {
        var pieces = WordDiff.Compare("Le rapport va au deuxième Comité.", "Le rapport est transmis au deuxième Comité préparatoire.");

        Assert.Equal("Le rapport [-va ][+est transmis ]au deuxième Comité[+ préparatoire].", Show(pieces));
        Assert.True(WordDiff.Changed(pieces));
    }

    [Fact]
    public void Text_written_without_spaces_is_compared_character_by_character()
    {
        var pieces = WordDiff.Compare("工作组在日内瓦举行会议。", "工作组在纽约举行会议。");

        Assert.Equal("工作组在[-日内瓦][+纽约]举行会议。", Show(pieces));
    }

    [Fact]
    public void Arabic_words_keep_their_marks_and_a_moved_code_is_a_change()
    {
        var pieces = WordDiff.Compare("اجتمع \uE000الفريق\uE001 العامل", "اجتمع الفريق \uE000العامل\uE001");

        Assert.Equal("اجتمع [-\uE000]الفريق[-\uE001 ][+ \uE000]العامل[+\uE001]", Show(pieces));
    }

    [Fact]
    public void Only_white_space_is_no_change_and_identical_texts_are_one_piece()
    {
        Assert.False(WordDiff.Changed(WordDiff.Compare("Le rapport.", "Le  rapport.")));
        Assert.Equal([new DiffPiece(DiffOperation.Same, "Le rapport.")], WordDiff.Compare("Le rapport.", "Le rapport."));
    }

    [Fact]
    public void Very_long_texts_become_a_replacement_rather_than_a_slow_comparison()
    {
        var before = string.Join(' ', Enumerable.Range(0, 3000).Select(i => $"w{i}"));
        var after = string.Join(' ', Enumerable.Range(0, 3000).Select(i => $"x{i}"));

        var pieces = WordDiff.Compare(before, after);

        Assert.Equal([DiffOperation.Removed, DiffOperation.Added], pieces.Select(p => p.Operation));
    }
}
