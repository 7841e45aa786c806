using Microsoft.Extensions.Localization;
using Wgig.Translate.Api.Web.Shell;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Formats;

namespace Wgig.Translate.Api.Web.Editor;

/// <summary>
/// How a segment is named on a page, by the numbers the paper itself prints: "Paragraph 17",
/// "Paragraph 17, sentence 2", "Section 2.1", "Paragraph (a)"; a segment of an unnumbered block by its place.
/// </summary>
public static class SegmentLabels
{
    public static string Of(Segment segment, IStringLocalizer<EditorText> text, PageContext page)
    {
        if (segment.Number is not { Length: > 0 } printed || printed is "·" or "•" or "-" or "*")
        {
            return text["Row.SegmentLabel", Formats.Number(segment.Ordinal, page)];
        }
        var number = StructuralLabel.Bare(printed);
        var heading = segment.Kind == BlockKind.Heading;
        return segment.Sentence == 0
            ? text[heading ? "Row.SectionLabel" : "Row.ParagraphLabel", number]
            : text[heading ? "Row.SectionSentenceLabel" : "Row.ParagraphSentenceLabel", number, Formats.Number(segment.Sentence + 1, page)];
    }
}
