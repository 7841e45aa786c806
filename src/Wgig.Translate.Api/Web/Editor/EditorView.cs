using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Targets;
using Wgig.Translate.Domain.Work;

namespace Wgig.Translate.Api.Web.Editor;

/// <summary>What a row shows again after a refused post: the text as typed (nothing typed is lost) and why.</summary>
/// <param name="Checks">The checks' findings that refused a submission: errors to correct, or warnings to correct or acknowledge.</param>
/// <param name="Theirs">After a conflict: the version saved meanwhile, shown beside the typed one.</param>
/// <param name="TheirVersion">After a conflict: the current version, so that sending again keeps the typed text knowingly.</param>
public sealed record TypedRow(string Text, string? Error, Domain.Checks.CheckReport? Checks = null, Domain.Segmentation.SegmentContent? Theirs = null,
    string? TheirVersion = null);

/// <summary>Where the editor is (filter, search, page): kept by every form so a post comes back to the same place.</summary>
public sealed record EditorPlace(Guid ProjectId, Guid DocumentId, string Language, SegmentListQuery Query)
{
    public string Url => Work.WorkPages.EditorUrl(ProjectId, DocumentId, Language);

    public string SegmentUrl(Guid segmentId) => $"{Url}/segments/{segmentId}";

    /// <summary>The editor with this filter, search and page, optionally scrolled to a segment.</summary>
    public string With(int? page = null, Guid? segment = null, SegmentFilter? filter = null, string? search = null)
    {
        var parameters = new List<string>();
        var chosen = filter ?? Query.Filter;
        if (chosen != SegmentFilter.All)
        {
            parameters.Add($"filter={chosen}");
        }
        var q = search ?? Query.Search;
        if (!string.IsNullOrWhiteSpace(q))
        {
            parameters.Add($"q={Uri.EscapeDataString(q)}");
        }
        if (segment is { } id)
        {
            parameters.Add($"segment={id}");
        }
        else if ((page ?? Query.Page) is > 1 and var number)
        {
            parameters.Add($"page={number}");
        }
        return Url + (parameters.Count == 0 ? "" : "?" + string.Join('&', parameters)) + (segment is { } anchor ? $"#s-{anchor}" : "");
    }
}

/// <summary>Everything the translation editor shows.</summary>
/// <param name="Claim">The viewer's claim on this document × language, live or lately run out (the soonest to end).</param>
/// <param name="Names">Display names of the people the rows mention (claimants, translators).</param>
/// <param name="Focus">The segment the page opens at (its row is focused and its panel shown).</param>
public sealed record EditorView(
    DocumentLanguage Document, string SourceLanguage, EditorPlace Place, SegmentPage Segments, DateTimeOffset Now, HeldClaim? Claim,
    bool CanTranslate, bool CanReview, int OpenSegments, IReadOnlyDictionary<Guid, string> Names, IReadOnlyDictionary<Guid, TypedRow> Typed,
    Guid? Focus, Shell.FormErrors Errors, SegmentPanelView? Panel);
