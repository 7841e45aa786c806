using System.Text;
using System.Text.RegularExpressions;
using Wgig.Translate.Domain.Checks;
using Wgig.Translate.Domain.Glossary;
using Wgig.Translate.Domain.Segmentation;

namespace Wgig.Translate.Domain.Tests.Checks;

/// <summary>
/// Runs one check on texts written with a small notation for codes: {b1}…{/b1} is an open/close pair of
/// type b and id 1, {x2} a placeholder with id 2. A target refers to the source's codes the same way. The findings
/// come back as their English sentences, each checked to be one of the codes its check declares.
/// </summary>
public static partial class CheckRunner
{
    [GeneratedRegex(@"\{(?<close>/)?(?<type>[a-z]+)(?<id>\d+)\}")]
    private static partial Regex Token();

    public static List<string> Run<TCheck>(string source, string target, string from = "en", string to = "fr",
        IEnumerable<GlossaryEntry>? glossary = null, IReadOnlyCollection<string>? others = null) where TCheck : ICheck, new()
    {
        var sourceContent = Source(source);
        var input = new CheckInput(sourceContent, Target(sourceContent, target), from, to,
            glossary is null ? null : new TermIndex(glossary, from, to), others);
        var check = new TCheck();
        var messages = check.Run(input).ToList();
        Assert.All(messages, m => Assert.Contains(m.Code, check.Codes));
        return [.. messages.Select(m => CheckText.English(m.Code, m.Arguments))];
    }

    public static SegmentContent Source(string text)
    {
        var codes = new List<InlineCode>();
        var coded = Token().Replace(text, m =>
        {
            var kind = m.Groups["close"].Success ? CodeKind.Close : m.Groups["type"].Value == "x" ? CodeKind.Standalone : CodeKind.Open;
            codes.Add(new InlineCode(int.Parse(m.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture), kind, m.Groups["type"].Value, m.Value));
            return SegmentContent.MarkerFor(codes.Count - 1).ToString();
        });
        return new SegmentContent(coded, codes);
    }

    public static SegmentContent Target(SegmentContent source, string text)
    {
        var coded = Token().Replace(text, m =>
        {
            var kind = m.Groups["close"].Success ? CodeKind.Close : m.Groups["type"].Value == "x" ? CodeKind.Standalone : CodeKind.Open;
            var id = int.Parse(m.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var index = source.Codes.ToList().FindIndex(c => c.Id == id && c.Kind == kind);
            return index < 0 ? m.Value : SegmentContent.MarkerFor(index).ToString();
        });
        return new SegmentContent(coded, source.Codes);
    }

    public static GlossaryEntry Entry(string source, params (string Language, string Text, TermStatus Status)[] terms) =>
        GlossaryEntry.Create(Guid.NewGuid(), "en", new GlossaryEntryDraft(null, null, false,
            [new GlossaryTermDraft("en", source), .. terms.Select(t => new GlossaryTermDraft(t.Language, t.Text, t.Status.ToString()))]), null, DateTimeOffset.UnixEpoch).Value!;

    public static GlossaryEntry KeepAsIs(string source) =>
        GlossaryEntry.Create(Guid.NewGuid(), "en", new GlossaryEntryDraft(null, null, true, [new GlossaryTermDraft("en", source)]), null, DateTimeOffset.UnixEpoch).Value!;
}
