using System.Text;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Formats;
using Wgig.Translate.Domain.Segmentation;

namespace Wgig.Translate.Domain.Tests.Documents;

public sealed class SourceUpdateTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<SegmentDraft> Drafts(string markdown) =>
        DocumentSegmentation.Segment(new MarkdownImporter().Split(Encoding.UTF8.GetBytes(markdown)).Value!, "en");

    private static Document Import(string markdown) =>
        Document.Import(Guid.NewGuid(), DocumentPath.Parse("paper.md").Value!, FileFormat.Markdown,
            Encoding.UTF8.GetBytes(markdown), Drafts(markdown), VersionOrigin.Upload, Now);

    private static SourceUpdateSummary Update(Document document, string markdown) =>
        document.ImportVersion(Encoding.UTF8.GetBytes(markdown), Drafts(markdown), VersionOrigin.Upload, Now.AddDays(1));

    private const string Version1 = """
        # Report

        The group met twice. It set a time frame for its work.

        Translation is a priority. Volunteers help.
        """;

    [Fact]
    public void Reimporting_an_unchanged_document_changes_nothing()
    {
        var document = Import(Version1);
        var keys = document.Segments.Select(s => s.Key).ToList();

        var summary = Update(document, Version1);

        Assert.Equal((2, 5, 0, 0, 0, false), (summary.Version, summary.Unchanged, summary.Changed, summary.Added, summary.Retired, summary.TextChanged));
        Assert.Equal(keys, document.Segments.Select(s => s.Key));
        Assert.Equal(2, document.CurrentVersion);
    }

    [Fact]
    public void An_edited_sentence_keeps_its_key_and_shows_its_previous_source()
    {
        var document = Import(Version1);
        var original = document.Segments.Single(s => s.Content.PlainText == "It set a time frame for its work.");

        var summary = Update(document, Version1.Replace("a time frame", "a clear time frame", StringComparison.Ordinal));

        Assert.Equal((4, 1, 0, 0), (summary.Unchanged, summary.Changed, summary.Added, summary.Retired));
        Assert.Equal([original.Id], summary.ChangedSegmentIds);
        Assert.Equal("It set a clear time frame for its work.", original.Content.PlainText);
        Assert.Equal("It set a time frame for its work.", original.PreviousContent!.PlainText);
        Assert.Equal(2, original.ChangedInVersion);
    }

    [Fact]
    public void Inserting_and_removing_paragraphs_elsewhere_keeps_the_other_keys()
    {
        var document = Import(Version1);
        var before = document.Segments.ToDictionary(s => s.Content.PlainText, s => s.Key);

        var summary = Update(document, """
            # Report

            A new opening paragraph. Entirely different words here.

            Translation is a priority. Volunteers help.
            """);

        Assert.Equal((3, 0, 2, 2), (summary.Unchanged, summary.Changed, summary.Added, summary.Retired));
        var active = document.Segments.Where(s => !s.IsRetired).OrderBy(s => s.Ordinal).ToList();
        Assert.Equal([before["Report"], before["Translation is a priority."], before["Volunteers help."]],
            active.Where(s => before.ContainsKey(s.Content.PlainText)).Select(s => s.Key));
        Assert.Equal(["The group met twice.", "It set a time frame for its work."],
            document.Segments.Where(s => s.IsRetired).Select(s => s.Content.PlainText));
        Assert.Equal(Enumerable.Range(1, 5), active.Select(s => s.Ordinal));
    }

    [Fact]
    public void A_sentence_restored_in_a_later_version_comes_back_as_its_old_segment()
    {
        var document = Import(Version1);
        var volunteers = document.Segments.Single(s => s.Content.PlainText == "Volunteers help.");
        Update(document, Version1.Replace(" Volunteers help.", "", StringComparison.Ordinal));
        Assert.True(volunteers.IsRetired);

        var summary = Update(document, Version1);

        Assert.False(volunteers.IsRetired);
        Assert.Equal((5, 0, 0), (summary.Unchanged, summary.Added, summary.Retired));
        Assert.Equal(5, document.Segments.Count);
    }

    [Fact]
    public void Formatting_added_to_a_sentence_is_a_change()
    {
        var document = Import(Version1);

        var summary = Update(document, Version1.Replace("Volunteers help.", "Volunteers **help**.", StringComparison.Ordinal));

        Assert.Equal((4, 1), (summary.Unchanged, summary.Changed));
    }

    [Fact]
    public void A_new_sentence_whose_key_is_taken_gets_a_numbered_key()
    {
        var document = Import("Yes.\n");
        var yes = document.Segments.Single();
        Update(document, "No.\n");

        Update(document, "Maybe.\n\nYes.\n\nYes.\n");

        Assert.Equal([yes.Key, yes.Key + "-2"], document.Segments.Where(s => s.Content.PlainText == "Yes.").Select(s => s.Key));
    }

    [Theory]
    [InlineData("The group met twice.", "The group met twice.", 1.0)]
    [InlineData("The group met twice.", "The group met three times.", 0.67)]
    [InlineData("The group met twice.", "Something else entirely.", 0.0)]
    public void Similarity_is_the_share_of_words_in_common(string a, string b, double expected) =>
        Assert.Equal(expected, SourceUpdate.Similarity(a, b), 2);
}
