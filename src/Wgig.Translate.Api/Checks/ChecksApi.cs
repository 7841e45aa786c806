using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Api.Paging;
using Wgig.Translate.Api.Problems;
using Wgig.Translate.Api.Suggestions;
using Wgig.Translate.Domain.Checks;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Api.Checks;

/// <param name="Level">The level in this project: the default unless a coordinator changed it.</param>
public sealed record CheckResponse(string Id, string Description, CheckLevel DefaultLevel, CheckLevel Level);

public sealed record CheckLevelRequest(CheckLevel? Level);

public sealed record SegmentChecksResponse(Guid SegmentId, string Key, int Ordinal, TargetState State, IReadOnlyList<CheckFinding> Findings);

/// <param name="Counts">Findings per check (muted ones left out).</param>
public sealed record DocumentChecksResponse(string Language, int Errors, int Warnings, int Muted, IReadOnlyDictionary<string, int> Counts,
    Paged<SegmentChecksResponse> Segments);

public static class ChecksApi
{
    /// <summary>
    /// The check settings (levels, glossary) kept for a few seconds per API process, forgotten as they change: here on save,
    /// elsewhere through PostgreSQL's notices (the one listener, <see cref="Security.ChangeNoticesListener"/>, hears them).
    /// </summary>
    public static IServiceCollection AddKeptCheckSettings(this IServiceCollection services)
    {
        services.AddSingleton<KeptCheckSettings>();
        services.AddSingleton<IHearsChanges>(provider => provider.GetRequiredService<KeptCheckSettings>());
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, CheckSettingChangesInterceptor>();
        return services;
    }

    public static IEndpointRouteBuilder MapChecks(this IEndpointRouteBuilder routes)
    {
        var checks = routes.MapGroup("/projects/{projectId}/checks").WithTags("Suggestions and checks").ProducesProblem(StatusCodes.Status404NotFound);
        checks.MapGet("/", List).WithName("ListChecks")
            .WithDescription("Every check with its level in this project (error, warning or off) and what it looks for.");
        checks.MapPut("/{check}", ChangeLevel).WithName("ChangeCheckLevel")
            .WithDescription("Sets one check's level in the project: error (blocks a submission), warning (needs an acknowledgement) or off; staff of the project.").RequireAuthorization(Policies.ManageProjects).ProducesValidationProblem();
        routes.MapGet("/projects/{projectId}/documents/{documentId}/checks", Document).WithTags("Suggestions and checks").WithName("CheckDocument")
            .WithDescription("Runs every check over a document's translations in one language: the findings per segment, for a coordinator's review before sign-off.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
        return routes;
    }

    /// <summary>Every check, with its default level and its level in this project.</summary>
    internal static async Task<Results<Ok<List<CheckResponse>>, ProblemHttpResult>> List(Guid projectId, TranslationDb db, QualityChecks checks,
        SegmentChecks segmentChecks, CancellationToken cancellationToken)
    {
        if (!await db.Projects.AnyAsync(p => p.Id == projectId, cancellationToken))
        {
            return new ProjectNotFound(projectId).ToProblem();
        }
        var levels = await segmentChecks.LevelsAsync(projectId, cancellationToken);
        return TypedResults.Ok(checks.All.Select(c => new CheckResponse(c.Id, c.Description, c.DefaultLevel, levels.GetValueOrDefault(c.Id, c.DefaultLevel))).ToList());
    }

    /// <summary>Set a check's level in this project: Off, Warning (needs an acknowledgement) or Error (blocks submission).</summary>
    internal static async Task<Results<Ok<CheckResponse>, ProblemHttpResult>> ChangeLevel(Guid projectId, string check, CheckLevelRequest request,
        ClaimsPrincipal caller, TranslationDb db, QualityChecks checks, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await db.Projects.AnyAsync(p => p.Id == projectId, cancellationToken))
        {
            return new ProjectNotFound(projectId).ToProblem();
        }
        if (checks.Find(check) is not { } known)
        {
            return new UnknownCheck(check, checks.All.Select(c => c.Id)).ToProblem();
        }
        if (request.Level is not { } level || !Enum.IsDefined(level))
        {
            return InvalidInputError.ForField("level", "level is Off, Warning or Error.").ToProblem();
        }
        var setting = await db.CheckSettings.SingleOrDefaultAsync(s => s.ProjectId == projectId && s.Check == known.Id, cancellationToken);
        if (setting is null)
        {
            db.CheckSettings.Add(CheckSetting.Create(projectId, known.Id, level, caller.AccountId(), clock.GetUtcNow()));
        }
        else
        {
            setting.Change(level, caller.AccountId(), clock.GetUtcNow());
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new CheckResponse(known.Id, known.Description, known.DefaultLevel, level));
    }

    /// <summary>The checks on every current translation of a document in one language: counts per check, and the segments with findings in order.</summary>
    internal static async Task<Results<Ok<DocumentChecksResponse>, ProblemHttpResult>> Document(Guid projectId, Guid documentId, string? language,
        [AsParameters] PageRequest paging, TranslationDb db, SegmentChecks checks, CancellationToken cancellationToken)
    {
        if (paging.Validate() is { } invalid)
        {
            return invalid.ToProblem();
        }
        var found = await DocumentLanguage.FindAsync(db, projectId, documentId, language, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error.ToProblem();
        }
        var reports = await checks.RunDocumentAsync(found.Value, cancellationToken);
        var findings = reports.SelectMany(r => r.Report.Findings).ToList();
        var live = findings.Where(f => !f.Muted).ToList();
        return TypedResults.Ok(new DocumentChecksResponse(found.Value.Language, live.Count(f => f.Level == CheckLevel.Error), live.Count(f => f.Level == CheckLevel.Warning),
            findings.Count - live.Count, live.GroupBy(f => f.Check).ToDictionary(g => g.Key, g => g.Count()),
            new Paged<SegmentChecksResponse>([.. reports.Skip(paging.Skip).Take(paging.Size).Select(r => new SegmentChecksResponse(r.SegmentId, r.Key, r.Ordinal, r.State, r.Report.Findings))],
                paging.Number, paging.Size, reports.Count)));
    }
}
