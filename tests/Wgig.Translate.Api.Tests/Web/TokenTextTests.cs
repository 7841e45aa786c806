using Wgig.Translate.Api.Web.Editor;
using Wgig.Translate.Domain.Formats;
using Wgig.Translate.Domain.Segmentation;

namespace Wgig.Translate.Api.Tests.Web;

/// <summary>The target field's text without a script: codes as ⟦n⟧ tokens, taken only as the source's codes.</summary>
public sealed class TokenTextTests
{
    // "The [Working Group](…) met in **Geneva**.[^1]"
    private static readonly SegmentContent Source = Build();

    private static SegmentContent Build()
    {
        var builder = new ContentBuilder().Text("The ");
        var link = builder.Open("link", "[", "https://wgig.org");
        builder.Text("Working Group").Close(link, "link", "](https://wgig.org)").Text(" met in ");
        var bold = builder.Open("bold", "**");
        return builder.Text("Geneva").Close(bold, "bold", "**").Text(".").Standalone("footnote", "[^1]").Build();
    }

    [Fact]
    public void A_content_and_its_token_text_go_back_and_forth_unchanged()
    {
        var text = TokenText.Format(Source);

        Assert.Equal("The ⟦1⟧Working Group⟦/1⟧ met in ⟦2⟧Geneva⟦/2⟧.⟦3/⟧", text);
        Assert.Equal(Source, TokenText.Parse(text, Source).Content);
    }

    [Fact]
    public void Moved_codes_are_taken_and_left_out_codes_are_listed()
    {
        var (content, error) = TokenText.Parse("Le ⟦2⟧⟦1⟧Groupe de travail⟦/1⟧⟦/2⟧ s’est réuni à Genève.", Source);

        Assert.Null(error);
        Assert.Equal("Le Groupe de travail s’est réuni à Genève.", content!.PlainText);
        Assert.Equal(["footnote"], TokenText.Missing(content, Source).Select(c => c.Type));
    }

    [Theory]
    [InlineData("Le ⟦1 Groupe", TokenProblem.Broken, "⟦1 Gro")]
    [InlineData("Le ⟦x⟧ Groupe", TokenProblem.Broken, "⟦x⟧")]
    [InlineData("Le Groupe⟧", TokenProblem.Broken, "⟧")]
    [InlineData("Le ⟦7⟧Groupe⟦/7⟧", TokenProblem.Unknown, "⟦7⟧")]
    [InlineData("Le ⟦3⟧", TokenProblem.Unknown, "⟦3⟧")]
    [InlineData("⟦3/⟧ Le ⟦3/⟧", TokenProblem.Repeated, "⟦3/⟧")]
    [InlineData("Le ⟦/1⟧Groupe⟦1⟧", TokenProblem.Misnested, "⟦/1⟧")]
    [InlineData("⟦1⟧Le ⟦2⟧Groupe⟦/1⟧ réuni⟦/2⟧", TokenProblem.Misnested, "⟦/1⟧")]
    public void A_broken_unknown_repeated_or_crossing_code_is_refused_naming_it(string typed, TokenProblem problem, string token)
    {
        var (content, error) = TokenText.Parse(typed, Source);

        Assert.Null(content);
        Assert.Equal(new TokenError(problem, token), error);
    }

    [Fact]
    public void Private_use_characters_typed_by_hand_never_become_codes()
    {
        var (content, _) = TokenText.Parse("Le \uE000Groupe\uE001.", Source);

        Assert.Equal("Le Groupe.", content!.CodedText);
    }
}
