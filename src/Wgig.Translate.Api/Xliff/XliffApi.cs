using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Api.Problems;
using Wgig.Translate.Api.Security;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Xliff;

namespace Wgig.Translate.Api.Xliff;

public static class XliffApi
{
    public static IEndpointRouteBuilder MapXliff(this IEndpointRouteBuilder routes)
    {
        var xliff = routes.MapGroup("/projects/{projectId}/documents/{documentId}/xliff").WithTags("XLIFF")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem()
            .RequireRateLimiting(RateLimits.Heavy); // one person's large files queue behind each other, not before everyone else
        xliff.MapGet("/", Export).WithName("ExportXliff");
        xliff.MapPost("/", Import).WithName("ImportXliff")
            .DisableAntiforgery() // for CAT tools and scripts, like document uploads
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return routes;
    }

    /// <summary>Upload a translated XLIFF (2.x, 1.2, or translate-toolkit's po2xliff output) as your submissions.</summary>
    /// <remarks>
    /// Each changed target under your live claim is submitted as your translation; the answer lists every unit as applied, unchanged or
    /// rejected, with the reason. A file that breaks a rule of XLIFF (schema or processing requirement), or is for another document or
    /// language, is a 4xx and changes nothing.
    /// </remarks>
    /// <param name="language">The target language; taken from the file (trgLang / target-language) when absent.</param>
    /// <param name="acknowledgeWarnings">Hand in units whose checks found only warnings; without it they are rejected with the warnings. Errors always reject a unit.</param>
    internal static async Task<Results<Ok<XliffImportReport>, ProblemHttpResult>> Import(
        Guid projectId, Guid documentId, IFormFile file, [FromQuery] string? language, [FromQuery] bool? acknowledgeWarnings, ClaimsPrincipal caller,
        XliffImport import, IOptions<DocumentLimits> limits, CancellationToken cancellationToken)
    {
        if (file.Length > limits.Value.MaxUploadBytes)
        {
            return new UploadTooLarge(file.Length, limits.Value.MaxUploadBytes).ToProblem();
        }
        await using var content = file.OpenReadStream();
        var report = await import.ApplyAsync(projectId, documentId, language, caller.AccountId(), content, acknowledgeWarnings ?? false, cancellationToken);
        return report.Succeeded ? TypedResults.Ok(report.Value) : report.Error.ToProblem();
    }

    /// <summary>The document's segments in one target language as XLIFF, for CAT tools.</summary>
    /// <remarks>
    /// XLIFF 2.1 by default (2.0 or 1.2 on request), streamed. trgLang (target-language) names the language; units carry their inline
    /// codes as the format's codes and their translation with its state. units=claimedByMe exports your batch for offline work.
    /// </remarks>
    /// <param name="language">A target language of the project.</param>
    /// <param name="version">2.1 (default), 2.0 or 1.2.</param>
    /// <param name="units">all (default); needsWork: untranslated, needing an update, or rejected; claimedByMe: what you hold under a live claim.</param>
    /// <param name="prefillTargets">Copy the source into empty targets (state needs-translation), for OmegaT's XLIFF 1.2 filter.</param>
    internal static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> Export(
        Guid projectId, Guid documentId, string? language, string? version, string? units, bool? prefillTargets,
        ClaimsPrincipal caller, XliffExport export, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<XliffUnits>(units ?? nameof(XliffUnits.All), ignoreCase: true, out var selection) || int.TryParse(units, out _))
        {
            return InvalidInputError.ForField("units", $"units is 'all', 'needsWork' or 'claimedByMe', not '{units}'.").ToProblem();
        }
        var options = new XliffExportOptions(language, version, selection, prefillTargets ?? false, caller.AccountId());
        var plan = await export.PlanAsync(projectId, documentId, options, cancellationToken);
        if (!plan.Succeeded)
        {
            return plan.Error.ToProblem();
        }
        // The writer is synchronous; it writes into a buffer that spills to disk past 32 KB, which then
        // drains to the client asynchronously. No DOM, and memory stays flat for any document size.
        return TypedResults.Stream(async body =>
        {
            await using var buffer = new FileBufferingWriteStream();
            await export.WriteAsync(plan.Value, options, buffer, cancellationToken);
            await buffer.DrainBufferAsync(body, cancellationToken);
        }, "application/xliff+xml", plan.Value.FileName);
    }
}
