using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wgig.Translate.Api.Web.Editor;
using Wgig.Translate.Api.Web.Shell;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Claims;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;
using Wgig.Translate.Domain.Work;

namespace Wgig.Translate.Api.Web.Review;

/// <summary>
/// The review page of one document × language: the reviewer's batch, each translation beside its source
/// with what changed since its previous version, and the decisions (approve, reject with a comment, edit
/// and approve; the whole batch at once after reading it).
/// </summary>
public static class ReviewPages
{
    public static RouteGroupBuilder MapReviewPages(this RouteGroupBuilder web)
    {
        var review = web.MapGroup("/projects/{projectId:guid}/documents/{documentId:guid}/{language}");
        review.MapGet("/review", Show);
        review.MapPost("/segments/{segmentId:guid}/review", Decide);
        review.MapPost("/review/claims/{claimId:guid}/approve", ApproveBatch);
        return web;
    }

    private static async Task<IResult> Show(Guid projectId, Guid documentId, string language, int? approved, HttpContext http, PageContexts pages,
        TranslationDb db, MyWork work, ReviewNext reviews, TimeProvider clock, CancellationToken cancellationToken)
    {
        var page = await pages.ForAsync(http);
        var view = await ReadAsync(http, page, projectId, documentId, language, new Dictionary<Guid, ReviewTyped>(), FormErrors.None, approved, db, work,
            reviews, clock, cancellationToken);
        return view.Succeeded ? WebResults.Render<ReviewPage>(new { Page = page, View = view.Value }) : WebResults.Error(page, view.Error);
    }

    private static async Task<IResult> Decide(Guid projectId, Guid documentId, string language, Guid segmentId, [FromForm] string? decision,
        [FromForm] string? comment, [FromForm] string? text, [FromForm] string? version, [FromForm] string? confirmMissing, HttpContext http,
        PageContexts pages, TranslationDb db, TranslationWork translations, MyWork work, ReviewNext reviews, TimeProvider clock,
        IStringLocalizer<EditorText> editorText, IStringLocalizer<ReviewText> reviewText, IStringLocalizer<ShellText> shell, CancellationToken cancellationToken)
    {
        var page = await pages.ForAsync(http);
        var found = await translations.FindAsync(projectId, documentId, segmentId, language, page.Me, LanguageRight.Review, cancellationToken);
        if (!found.Succeeded)
        {
            return http.Request.WantsPartial()
                ? Results.Text(WebErrors.Describe(found.Error, shell), statusCode: Problems.DomainErrorResults.StatusFor(found.Error))
                : WebResults.Error(page, found.Error);
        }
        var source = found.Value.Segment.Content;
        string? refusal = null;
        var askMissing = false;
        ReviewDecision? chosen = decision switch
        {
            "approve" => new ReviewDecision(ReviewVerdict.Approve),
            "reject" => new ReviewDecision(ReviewVerdict.Reject, comment),
            _ => null,
        };
        if (decision == "edit")
        {
            var (correction, tokenError) = TokenText.Parse(text, source);
            if (tokenError is not null)
            {
                refusal = editorText[$"Row.Token.{tokenError.Problem}", tokenError.Token];
            }
            else if (TokenText.Missing(correction!, source) is { Count: > 0 } missing && confirmMissing != "on")
            {
                refusal = editorText["Row.MissingCodes", string.Join(", ", missing.Select(c => CodeNames.Name(c, editorText)))];
                askMissing = true;
            }
            else
            {
                chosen = new ReviewDecision(ReviewVerdict.Edit, Correction: correction);
            }
        }
        if (chosen is not null)
        {
            var done = await translations.ReviewAsync(found.Value, chosen, version, cancellationToken);
            if (done.Succeeded)
            {
                return http.Request.WantsPartial()
                    ? WebResults.Fragment<ReviewDecided>(page, new { Segment = found.Value.Segment, Verdict = chosen.Verdict })
                    : WebResults.SeeOther($"{Work.WorkPages.ReviewUrl(projectId, documentId, found.Value.Language)}#review-list");
            }
            refusal = WebErrors.Describe(done.Error, shell);
        }
        refusal ??= reviewText["Review.Error.Decision"];
        var typed = new ReviewTyped(comment, text, refusal, askMissing);
        var fieldId = decision == "reject" ? $"comment-{segmentId}" : decision == "edit" ? $"edit-{segmentId}" : $"r-{segmentId}";
        var view = await ReadAsync(http, page, projectId, documentId, language, new Dictionary<Guid, ReviewTyped> { [segmentId] = typed },
            new FormErrors().Add(fieldId, refusal), null, db, work, reviews, clock, cancellationToken);
        if (!view.Succeeded)
        {
            return WebResults.Error(page, view.Error);
        }
        if (http.Request.WantsPartial() && view.Value.Items.FirstOrDefault(i => i.Segment.Id == segmentId) is { } item)
        {
            return WebResults.Fragment<ReviewRow>(page, new { View = view.Value, Item = item }, StatusCodes.Status400BadRequest);
        }
        return WebResults.Render<ReviewPage>(new { Page = page, View = view.Value }, StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> ApproveBatch(Guid projectId, Guid documentId, string language, Guid claimId, [FromForm] string? read,
        HttpContext http, PageContexts pages, TranslationDb db, TranslationWork translations, MyWork work, ReviewNext reviews, TimeProvider clock,
        IStringLocalizer<ReviewText> text, IStringLocalizer<ShellText> shell, CancellationToken cancellationToken)
    {
        var page = await pages.ForAsync(http);
        FormErrors errors;
        if (read != "on")
        {
            errors = new FormErrors().Add("read-all", text["Review.Batch.ReadFirst"]);
        }
        else
        {
            var approved = await translations.ApproveBatchAsync(projectId, documentId, claimId, page.Me, cancellationToken);
            if (approved.Succeeded)
            {
                return WebResults.SeeOther($"{Work.WorkPages.ReviewUrl(projectId, documentId, language)}?approved={approved.Value}");
            }
            errors = new FormErrors().Add(null, WebErrors.Describe(approved.Error, shell));
        }
        var view = await ReadAsync(http, page, projectId, documentId, language, new Dictionary<Guid, ReviewTyped>(), errors, null, db, work, reviews, clock,
            cancellationToken);
        return view.Succeeded ? WebResults.Render<ReviewPage>(new { Page = page, View = view.Value }, StatusCodes.Status400BadRequest) : WebResults.Error(page, view.Error);
    }

    private static async Task<Result<ReviewView>> ReadAsync(HttpContext http, PageContext page, Guid projectId, Guid documentId, string language,
        IReadOnlyDictionary<Guid, ReviewTyped> typed, FormErrors errors, int? approved, TranslationDb db, MyWork work, ReviewNext reviews,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await WebAccess.ProjectProblemAsync(db, http, projectId) is { } hidden)
        {
            return hidden;
        }
        var found = await DocumentLanguage.FindForAsync(db, projectId, documentId, language, page.Me, LanguageRight.Review, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }
        var place = found.Value;
        var batches = await work.ClaimsOnAsync(page.Me, documentId, place.Language, ClaimKind.Review, cancellationToken);
        var batch = batches.Count > 0 ? batches[0] : null;
        var items = batch is null ? [] : await ItemsAsync(db, batch.ClaimId, page.Me, cancellationToken);
        var waiting = (await reviews.ReviewableAsync(page.Me, cancellationToken)).Where(w => w.DocumentId == documentId && w.Language == place.Language).Sum(w => w.Segments);
        var names = await AccountNames.ReadAsync(db, items.Select(i => i.Target.TranslatorId), cancellationToken);
        return new ReviewView(place, new EditorPlace(projectId, documentId, place.Language, new SegmentListQuery()), batch, items, waiting, names,
            clock.GetUtcNow(), typed, errors, approved);
    }

    // The batch's undecided translations in document order, each with its previous version from the history.
    private static async Task<List<ReviewItem>> ItemsAsync(TranslationDb db, Guid claimId, Guid reviewer, CancellationToken cancellationToken)
    {
        var rows = await (from t in db.Targets.AsNoTracking()
                          where t.ReviewClaimId == claimId && t.ReviewClaimedBy == reviewer && t.State == TargetState.Translated
                          join s in db.Segments.AsNoTracking() on t.SegmentId equals s.Id
                          orderby s.Ordinal
                          select new { Target = t, Segment = s }).ToListAsync(cancellationToken);
        var targetIds = rows.Select(r => r.Target.Id).ToList();
        TargetEventKind[] versions = [TargetEventKind.Submitted, TargetEventKind.EditedAndApproved];
        var texts = await db.TargetEvents.AsNoTracking()
            .Where(e => targetIds.Contains(e.TargetId) && versions.Contains(e.Kind) && e.Text != null)
            .OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        return [.. rows.Select(r =>
        {
            var own = texts.Where(e => e.TargetId == r.Target.Id).ToList();
            var previous = own.Count >= 2 ? new SegmentContent(own[^2].Text!, r.Segment.Content.Codes) : null;
            return new ReviewItem(r.Segment, r.Target, previous, own.LastOrDefault()?.At);
        })];
    }
}
