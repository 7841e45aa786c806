using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Wgig.Translate.Api.Problems;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Xliff;

namespace Wgig.Translate.Api.Xliff;

public static class XliffApi
{
    public static IEndpointRouteBuilder MapXliff(this IEndpointRouteBuilder routes)
    {
        var xliff = routes.MapGroup("/projects/{projectId}/documents/{documentId}/xliff").WithTags("XLIFF")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem();
        xliff.MapGet("/", Export).WithName("ExportXliff");
        return routes;
    }

    /// <summary>The document's segments in one target language as XLIFF, for CAT tools.</summary>
    /// <param name="language">A target language of the project.</param>
    /// <param name="version">2.1 (default), 2.0 or 1.2.</param>
    /// <param name="units">all (default) or needsWork: untranslated, needing an update, or rejected.</param>
    /// <param name="prefillTargets">Copy the source into empty targets (state needs-translation), for OmegaT's XLIFF 1.2 filter.</param>
    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> Export(
        Guid projectId, Guid documentId, string? language, string? version, string? units, bool? prefillTargets,
        XliffExport export, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<XliffUnits>(units ?? nameof(XliffUnits.All), ignoreCase: true, out var selection) || int.TryParse(units, out _))
        {
            return InvalidInputError.ForField("units", $"units is 'all' or 'needsWork', not '{units}'.").ToProblem();
        }
        var options = new XliffExportOptions(language, version, selection, prefillTargets ?? false);
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
