using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Api.Web.Shell;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Claims;
using Wgig.Translate.Domain.Comments;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Suggestions;
using Wgig.Translate.Domain.Targets;
using Wgig.Translate.Domain.Work;

namespace Wgig.Translate.Api.Web.Editor;

/// <summary>Reads what the editor and the segment panel show, through the same Domain queries as the JSON API.</summary>
public sealed class EditorReader(TranslationDb db, MyWork work, ClaimNext claimNext, TranslationWork translations, SuggestionPanel suggestions, SegmentSuggestions aids,
    CommentThreads threads, TimeProvider clock)
{
    public static SegmentListQuery Query(string? filter, string? q, int? page) => new(
        Enum.TryParse<SegmentFilter>(filter, ignoreCase: true, out var chosen) && Enum.IsDefined(chosen) && !int.TryParse(filter, out _) ? chosen : SegmentFilter.All,
        string.IsNullOrWhiteSpace(q) ? null : q.Trim()[..Math.Min(q.Trim().Length, SegmentListQuery.MaxSearchLength)],
        Math.Max(1, page ?? 1));

    public async Task<Result<EditorView>> ReadAsync(HttpContext http, PageContext page, Guid projectId, Guid documentId, string language,
        SegmentListQuery query, bool pageGiven, Guid? focus, IReadOnlyDictionary<Guid, TypedRow> typed, FormErrors errors, CancellationToken cancellationToken)
    {
        if (await WebAccess.ProjectProblemAsync(db, http, projectId) is { } hidden)
        {
            return hidden;
        }
        var found = await DocumentLanguage.FindAsync(db, projectId, documentId, language, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }
        var place = found.Value;
        var me = page.Me;
        var now = clock.GetUtcNow();
        var (canTranslate, canReview) = await DocumentLanguage.RightsAsync(db, place, me, cancellationToken);
        var claims = await work.ClaimsOnAsync(me, documentId, place.Language, ClaimKind.Translation, cancellationToken);
        var claim = claims.Count > 0 ? claims[0] : null;
        // Opened without a place: at the volunteer's first open segment, so a batch starts where it starts.
        if (focus is null && !pageGiven && query.Search is null && claim is { RanOut: false })
        {
            focus = await SegmentList.NextMineAsync(db, place, me, 0, now, cancellationToken);
        }
        if (focus is { } segment && !pageGiven)
        {
            query = query with { Page = await SegmentList.PageOfAsync(db, place, me, query, segment, now, cancellationToken) };
        }
        var segments = await SegmentList.ReadAsync(db, place, me, query, now, cancellationToken);
        if (segments.Page > segments.Pages)
        {
            segments = await SegmentList.ReadAsync(db, place, me, query with { Page = segments.Pages }, now, cancellationToken);
        }
        var names = await AccountNames.ReadAsync(db, segments.Items.SelectMany(s => new[] { s.Target?.ClaimedBy, s.Target?.TranslatorId }), cancellationToken);
        // What is left to claim here matters only when the volunteer has no batch to go on with.
        var open = canTranslate && claim is not { RanOut: false, Remaining: > 0 }
            ? (await claimNext.OpenWorkAsync(me, cancellationToken)).Where(w => w.DocumentId == documentId && w.Language == place.Language).Sum(w => w.Segments)
            : 0;
        var editorPlace = new EditorPlace(projectId, documentId, place.Language, query with { Page = segments.Page });
        var focused = focus is { } f ? segments.Items.FirstOrDefault(s => s.Segment.Id == f) : null;
        // The side panel comes with the focused segment (a script asks for it); without a script, each row links to its own page.
        return new EditorView(place, place.Project.SourceLanguage, editorPlace, segments, now, claim, canTranslate, canReview, open, names, typed,
            focused?.Segment.Id, errors, null);
    }

    /// <summary>The panel of one segment, found for the viewer (who must see the project).</summary>
    public async Task<Result<SegmentPanelView>> PanelAsync(HttpContext http, PageContext page, EditorPlace place, Guid segmentId, FormErrors errors,
        string? typedComment, CancellationToken cancellationToken)
    {
        if (await WebAccess.ProjectProblemAsync(db, http, place.ProjectId) is { } hidden)
        {
            return hidden;
        }
        var found = await translations.FindAsync(place.ProjectId, place.DocumentId, segmentId, place.Language, page.Me, null, cancellationToken);
        return found.Succeeded
            ? await PanelAsync(place with { Language = found.Value.Language }, found.Value, errors, typedComment, cancellationToken)
            : found.Error;
    }

    private async Task<SegmentPanelView> PanelAsync(EditorPlace place, TranslationContext translation, FormErrors errors, string? typedComment,
        CancellationToken cancellationToken)
    {
        var (before, after) = await SegmentList.NeighboursAsync(db, translation.Segment, cancellationToken);
        var request = new SuggestionRequest(translation.Place, translation.Segment, translation.Target, translation.Caller);
        var offered = await suggestions.ForAsync(request, cancellationToken);
        var history = await translations.HistoryAsync(translation, cancellationToken);
        var thread = await threads.ReadAsync(translation, cancellationToken);
        var names = await AccountNames.ReadAsync(db, history.Select(e => e.ActorId).Concat(thread.Select(t => t.AuthorId)).Concat(offered.Select(s => s.AuthorId)),
            cancellationToken);
        var editable = translation.Target is { State: TargetState.Claimed } target && target.ClaimedBy == translation.Caller && target.ClaimExpiresAt > clock.GetUtcNow();
        // The checks on what the volunteer has typed so far (their draft), else on the current translation.
        var shown = editable && translation.Target!.Draft is { } draft ? new SegmentContent(draft, translation.Segment.Content.Codes)
            : translation.Target?.ContentFor(translation.Segment.Content);
        var checks = await aids.CheckAsync(request, shown, cancellationToken);
        return new SegmentPanelView(place, translation, before, after, offered, checks, shown is not null, history, thread, names, editable, errors, typedComment);
    }

    /// <summary>The next segment of the viewer's claims after one, for moving on after a submission.</summary>
    public async Task<Guid?> NextMineAsync(DocumentLanguage place, Guid me, Segment after, CancellationToken cancellationToken) =>
        await SegmentList.NextMineAsync(db, place, me, after.Ordinal, clock.GetUtcNow(), cancellationToken)
        ?? await SegmentList.NextMineAsync(db, place, me, 0, clock.GetUtcNow(), cancellationToken);

    public DateTimeOffset Now => clock.GetUtcNow();

    public Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IEnumerable<Guid?> ids, CancellationToken cancellationToken) =>
        AccountNames.ReadAsync(db, ids, cancellationToken);
}
