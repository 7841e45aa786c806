using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Api.Problems;
using Wgig.Translate.Api.Translations;
using Wgig.Translate.Domain.Checks;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Suggestions;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Api.Suggestions;

public sealed record UnknownCheck(string Check, IEnumerable<string> Known) : Domain.Common.NotFoundError("Unknown check",
    $"There is no check '{Check}'. Checks: {string.Join(", ", Known)}.");

/// <summary>The editor's suggestion panel for one segment × language: memory, machine translation, terms, checks; and muting a check.</summary>
public static class SuggestionsApi
{
    public static IEndpointRouteBuilder MapSuggestions(this IEndpointRouteBuilder routes)
    {
        var segment = routes.MapGroup("/projects/{projectId}/documents/{documentId}/segments/{segmentId}/translations/{language}")
            .WithTags("Suggestions and checks")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        segment.MapGet("/suggestions", Suggestions).WithName("GetSuggestions")
            .WithDescription("For one segment in one language: memory matches (exact, in-context, fuzzy with a score and the differences), glossary terms found in the source, machine translation where the project chose an engine, and drafts earlier claimants left; a caller with a right in the language.");
        segment.MapPost("/checks", Check).WithName("CheckTranslation")
            .WithDescription("Runs the project's checks on a text for the segment without saving it: each finding with its check, level (error or warning) and message.").ProducesValidationProblem();
        segment.MapPut("/checks/{check}/mute", Mute).WithName("MuteCheck")
            .WithDescription("Silences one check's warning on this segment and language, for everyone (a false alarm); errors cannot be muted; staff of the project.").ProducesValidationProblem();
        segment.MapDelete("/checks/{check}/mute", Unmute).WithName("UnmuteCheck")
            .WithDescription("The check's warning on this segment and language shows again.");
        return routes;
    }

    /// <summary>
    /// Suggestions for the segment: translation memory matches (in-context, exact, fuzzy with a score and a diff, codes mapped onto this
    /// segment's), the machine translation of the project's engine for the language, the glossary terms in the source, and the findings of
    /// the checks on your draft (or the current translation). For those who may translate or review the language, and staff.
    /// </summary>
    internal static async Task<Results<Ok<SuggestionsResponse>, ProblemHttpResult>> Suggestions(
        Guid projectId, Guid documentId, Guid segmentId, string language, ClaimsPrincipal caller, TranslationDb db, SegmentSuggestions suggestions,
        CancellationToken cancellationToken)
    {
        var found = await FindAsync(db, projectId, documentId, segmentId, language, caller, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error.ToProblem();
        }
        var (target, segment, row) = found.Value;
        var mine = row?.ClaimedBy == caller.AccountId() ? row.Draft : null;
        var text = (mine ?? row?.Text) is { } coded ? new SegmentContent(coded, segment.Content.Codes) : null;
        var aids = await suggestions.ForAsync(new SuggestionRequest(target, segment, row, caller.AccountId()), text, cancellationToken);
        return TypedResults.Ok(SuggestionsResponse.From(segment.Id, target.Language, aids));
    }

    /// <summary>Run the checks on a text without saving it, as the volunteer types (the same checks as a submission).</summary>
    internal static async Task<Results<Ok<ChecksResponse>, ProblemHttpResult>> Check(
        Guid projectId, Guid documentId, Guid segmentId, string language, TranslationRequest request, ClaimsPrincipal caller, TranslationDb db,
        SegmentChecks checks, CancellationToken cancellationToken)
    {
        var found = await FindAsync(db, projectId, documentId, segmentId, language, caller, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error.ToProblem();
        }
        var (target, segment, row) = found.Value;
        var content = RunMapping.ToContent(request.Runs, segment.Content);
        if (!content.Succeeded)
        {
            return content.Error.ToProblem();
        }
        var report = await checks.RunAsync(target, segment, row, content.Value, cancellationToken);
        return TypedResults.Ok(ChecksResponse.From(report));
    }

    /// <summary>
    /// Mute a check for this segment, with a reason kept in the history. Anyone who may translate or review the language may mute a
    /// warning; muting an error needs the review right (or staff).
    /// </summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> Mute(
        Guid projectId, Guid documentId, Guid segmentId, string language, string check, MuteRequest request, ClaimsPrincipal caller, TranslationDb db,
        QualityChecks checks, TimeProvider clock, CancellationToken cancellationToken)
    {
        var found = await FindAsync(db, projectId, documentId, segmentId, language, caller, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error.ToProblem();
        }
        var (target, segment, row) = found.Value;
        if (checks.Find(check) is not { } known)
        {
            return new UnknownCheck(check, checks.All.Select(c => c.Id)).ToProblem();
        }
        var levels = await db.CheckSettings.AsNoTracking().Where(s => s.ProjectId == projectId && s.Check == known.Id).Select(s => (CheckLevel?)s.Level).SingleOrDefaultAsync(cancellationToken);
        if ((levels ?? known.DefaultLevel) == CheckLevel.Error && !await ProjectAccess.IsStaffOfAsync(db, caller, projectId, cancellationToken)
            && !await DocumentLanguage.HoldsAsync(db, target, caller.AccountId(), LanguageRight.Review, cancellationToken))
        {
            return new NoLanguageRight(LanguageRight.Review, target.Language).ToProblem();
        }
        var now = clock.GetUtcNow();
        if (row is null)
        {
            row = Target.Start(segment, target.Language, now);
            db.Targets.Add(row);
        }
        if (row.MuteCheck(caller.AccountId(), known.Id, request.Reason, now) is { } refused)
        {
            return refused.ToProblem();
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Let a muted check count again for this segment (recorded in the history).</summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> Unmute(
        Guid projectId, Guid documentId, Guid segmentId, string language, string check, ClaimsPrincipal caller, TranslationDb db,
        QualityChecks checks, TimeProvider clock, CancellationToken cancellationToken)
    {
        var found = await FindAsync(db, projectId, documentId, segmentId, language, caller, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error.ToProblem();
        }
        if (checks.Find(check) is not { } known)
        {
            return new UnknownCheck(check, checks.All.Select(c => c.Id)).ToProblem();
        }
        if (found.Value.Target is { } row)
        {
            var muted = Target.MutedChecks(await db.TargetEvents.AsNoTracking().Where(e => e.TargetId == row.Id).OrderBy(e => e.Sequence).ToListAsync(cancellationToken));
            if (muted.ContainsKey(known.Id))
            {
                row.UnmuteCheck(caller.AccountId(), known.Id, clock.GetUtcNow());
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        return TypedResults.NoContent();
    }

    private sealed record SegmentLanguage(DocumentLanguage DocumentLanguage, Segment Segment, Target? Target);

    // Staff read any language of their project; others need a right in it. The segment and its target: TranslationWork's lookup.
    private static async Task<Result<SegmentLanguage>> FindAsync(TranslationDb db, Guid projectId, Guid documentId, Guid segmentId, string language,
        ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var found = await ProjectAccess.IsStaffOfAsync(db, caller, projectId, cancellationToken)
            ? await DocumentLanguage.FindAsync(db, projectId, documentId, language, cancellationToken)
            : await DocumentLanguage.FindForWorkAsync(db, projectId, documentId, language, caller.AccountId(), cancellationToken);
        var context = await TranslationWork.InAsync(db, found, documentId, segmentId, caller.AccountId(), cancellationToken);
        return context.Succeeded ? new SegmentLanguage(context.Value.Place, context.Value.Segment, context.Value.Target) : context.Error;
    }
}
