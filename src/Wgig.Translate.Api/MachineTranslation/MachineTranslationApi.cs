using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Api.Problems;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Languages;
using Wgig.Translate.Domain.MachineTranslation;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.MachineTranslation;

/// <param name="Engine">A configured engine's name, or null for none.</param>
public sealed record MachineTranslationRequest(string? Engine);

/// <param name="Engines">The engines this installation offers (their keys stay in configuration).</param>
/// <param name="Languages">The engine chosen per target language; a language without one has no machine translation.</param>
public sealed record MachineTranslationResponse(IReadOnlyCollection<string> Engines, IReadOnlyDictionary<string, string?> Languages);

public sealed record UnknownEngine(string Engine, IReadOnlyCollection<string> Configured) : InvalidInputError("Unknown engine",
    Configured.Count == 0
        ? $"There is no machine translation engine '{Engine}': none is configured (MachineTranslation:Engines)."
        : $"There is no machine translation engine '{Engine}'; configured: {string.Join(", ", Configured)}.",
    new Dictionary<string, string[]> { ["engine"] = [$"One of: {string.Join(", ", Configured)}, or null."] });

public static class MachineTranslationApi
{
    public static IEndpointRouteBuilder MapMachineTranslation(this IEndpointRouteBuilder routes)
    {
        var settings = routes.MapGroup("/projects/{projectId}/machine-translation").WithTags("Suggestions and checks")
            .ProducesProblem(StatusCodes.Status404NotFound);
        settings.MapGet("/", Get).WithName("GetMachineTranslation")
            .WithSummary("The project's machine translation settings.").WithDescription("Which engine serves each target language, or none, and the engines this server offers.");
        settings.MapPut("/{language}", Choose).WithName("ChooseMachineTranslation")
            .WithDescription("Chooses the engine that suggests machine translations for one target language of the project, or none; staff of the project.").RequireAuthorization(Policies.ManageProjects).ProducesValidationProblem();
        return routes;
    }

    internal static async Task<Results<Ok<MachineTranslationResponse>, ProblemHttpResult>> Get(Guid projectId, TranslationDb db, MachineTranslator machine,
        CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return new ProjectNotFound(projectId).ToProblem();
        }
        var chosen = await db.MachineTranslationSettings.AsNoTracking().Where(s => s.ProjectId == projectId).ToDictionaryAsync(s => s.Language, s => s.Engine, cancellationToken);
        return TypedResults.Ok(new MachineTranslationResponse(machine.ConfiguredEngines, project.TargetLanguages.ToDictionary(l => l, chosen.GetValueOrDefault)));
    }

    /// <summary>Choose the engine that suggests translations into a language of the project, or none (engine: null).</summary>
    internal static async Task<Results<Ok<MachineTranslationResponse>, ProblemHttpResult>> Choose(Guid projectId, string language, MachineTranslationRequest request,
        ClaimsPrincipal caller, TranslationDb db, MachineTranslator machine, TimeProvider clock, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return new ProjectNotFound(projectId).ToProblem();
        }
        if (!LanguageTag.TryNormalize(language, out var target, out _) || !project.TranslatesInto(target))
        {
            return new NotATargetLanguage(language, project.TargetLanguages).ToProblem();
        }
        var engine = request.Engine?.Trim();
        if (engine is { Length: > 0 } && !machine.IsConfigured(engine))
        {
            return new UnknownEngine(engine, machine.ConfiguredEngines).ToProblem();
        }
        var setting = await db.MachineTranslationSettings.SingleOrDefaultAsync(s => s.ProjectId == projectId && s.Language == target, cancellationToken);
        if (engine is not { Length: > 0 })
        {
            if (setting is not null)
            {
                db.MachineTranslationSettings.Remove(setting);
            }
        }
        else if (setting is null)
        {
            db.MachineTranslationSettings.Add(MachineTranslationSetting.Create(projectId, target, machine.ConfiguredEngines.First(e => string.Equals(e, engine, StringComparison.OrdinalIgnoreCase)), caller.AccountId(), clock.GetUtcNow()));
        }
        else
        {
            setting.Change(machine.ConfiguredEngines.First(e => string.Equals(e, engine, StringComparison.OrdinalIgnoreCase)), caller.AccountId(), clock.GetUtcNow());
        }
        await db.SaveChangesAsync(cancellationToken);
        return await Get(projectId, db, machine, cancellationToken) is { Result: Ok<MachineTranslationResponse> ok } ? ok : new ProjectNotFound(projectId).ToProblem();
    }
}
