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

    /// <summary>Read the sources from the repository now: new files become documents, changed files new versions.</summary>
    /// <remarks>
    /// The Worker does it; the connection's last sync report says what happened. Documents uploaded by hand are never touched by a sync;
    /// a version that sends approved translations back to "needs update" says so in the report and the activity feed, and their
    /// translators are told.
    /// </remarks>
    internal static async Task<Results<Accepted, ProblemHttpResult>> Sync(Guid projectId, TranslationDb db, IBackgroundJobClient jobs, CancellationToken cancellationToken)
    {
        if (!await db.RepositoryConnections.AnyAsync(c => c.ProjectId == projectId, cancellationToken))
        {
            return await RepositoryConnectionApi.NoConnectionAsync(db, projectId, cancellationToken);
        }
        jobs.Enqueue<ISyncRepository>(job => job.RunAsync(projectId, CancellationToken.None));
        return TypedResults.Accepted($"/api/projects/{projectId}/repository");
    }
}
