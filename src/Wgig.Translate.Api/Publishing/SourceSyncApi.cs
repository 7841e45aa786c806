using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Jobs;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Publishing;

public static class SourceSyncApi
{
    public static RouteGroupBuilder MapSourceSync(this RouteGroupBuilder repository)
    {
        repository.MapPost("/sync", Sync).WithName("SyncRepository").ProducesProblem(StatusCodes.Status409Conflict);
        return repository;
    }

    /// <summary>Read the sources from the repository now (the Worker does it; new and changed files become documents and versions).</summary>
    private static async Task<Results<Accepted, ProblemHttpResult>> Sync(Guid projectId, TranslationDb db, IBackgroundJobClient jobs, CancellationToken cancellationToken)
    {
        if (!await db.RepositoryConnections.AnyAsync(c => c.ProjectId == projectId, cancellationToken))
        {
            return await RepositoryConnectionApi.NoConnectionAsync(db, projectId, cancellationToken);
        }
        jobs.Enqueue<ISyncRepository>(job => job.RunAsync(projectId, CancellationToken.None));
        return TypedResults.Accepted($"/api/projects/{projectId}/repository");
    }
}
