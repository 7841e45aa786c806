using Hangfire;
using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Jobs;
using Wgig.Translate.Domain.Publishing;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Worker.Jobs;
using Wgig.Translate.Worker.Progress;

namespace Wgig.Translate.Worker.Publishing;

/// <summary>
/// Brings a project's sources in from its repository: every file matching the source pattern at the head of
/// its branch becomes a document (new path) or a new version of one (changed content, through the
/// source-update rules: unchanged segments keep their translations, edited ones need an update), each
/// recording the commit it was read at. Unchanged files are left alone, so running it twice changes nothing.
/// Enqueued by the push webhook and on request; the recurring sync catches anything a webhook missed. Syncs of
/// one project run one at a time, under a lock that dies with the Worker holding it.
/// </summary>
public sealed class SyncRepository(TranslationDb db, DocumentImport import, IEnumerable<IRepositoryGateway> gateways, IBackgroundJobClient jobs,
    ProjectLocks locks, TimeProvider clock, ILogger<SyncRepository> logger) : IBackgroundJob, ISyncRepository
{
    public const string RecurringJobId = "sync-repositories";

    public async Task<SyncSummary?> RunAsync(Guid projectId, CancellationToken cancellationToken)
    {
        await using var held = await locks.AcquireAsync(ProjectWork.Sync, projectId, cancellationToken);
        var connection = await db.RepositoryConnections.SingleOrDefaultAsync(c => c.ProjectId == projectId, cancellationToken);
        if (connection is null)
        {
            return null;
        }
        var gateway = gateways.Single(g => g.Host == connection.Host);
        var head = await gateway.HeadCommitAsync(connection, cancellationToken);
        if (head == connection.LastSyncedCommit)
        {
            return new SyncSummary(head, 0, 0, 0, []); // nothing moved since the last sync: one call, no reads
        }
        var current = await db.Documents.AsNoTracking().Where(d => d.ProjectId == projectId)
            .Select(d => new { d.Id, d.Path, Content = db.DocumentVersions.Where(v => v.DocumentId == d.Id && v.Number == d.CurrentVersion).Select(v => v.Content).Single() })
            .ToListAsync(cancellationToken);
        var documents = current.ToDictionary(d => d.Path, d => (d.Id, Blob: GitObjects.GitBlobSha(d.Content)));
        var known = current.GroupBy(d => documents[d.Path].Blob).ToDictionary(g => g.Key, g => g.First().Content);
        // Files whose Git blob is some current version's content are not even downloaded.
        var snapshot = await gateway.ReadSourcesAsync(connection, known.Keys.ToHashSet(), cancellationToken);
        int added = 0, updated = 0, unchanged = 0;
        var refused = new List<string>();
        foreach (var file in snapshot.Files)
        {
            var isDocument = documents.TryGetValue(file.Path, out var existing);
            if (isDocument && existing.Blob == file.BlobSha)
            {
                unchanged++;
                continue;
            }
            var upload = new DocumentUpload(file.Path, null, file.Content ?? known[file.BlobSha], snapshot.CommitSha);
            if (isDocument)
            {
                var version = await import.ImportVersionAsync(projectId, existing.Id, upload, cancellationToken);
                if (version.Succeeded)
                {
                    updated++;
                    jobs.Enqueue<RecountDocumentProgress>(job => job.RunAsync(existing.Id, CancellationToken.None));
                }
                else
                {
                    refused.Add($"{file.Path}: {version.Error.Detail}");
                }
            }
            else
            {
                var document = await import.ImportNewAsync(projectId, upload, cancellationToken);
                if (document.Succeeded)
                {
                    added++;
                    var documentId = document.Value.Id;
                    jobs.Enqueue<RecountDocumentProgress>(job => job.RunAsync(documentId, CancellationToken.None));
                }
                else
                {
                    refused.Add($"{file.Path}: {document.Error.Detail}");
                }
            }
            db.ChangeTracker.Clear();
        }
        var tracked = await db.RepositoryConnections.SingleAsync(c => c.ProjectId == projectId, cancellationToken);
        tracked.Synced(snapshot.CommitSha, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        foreach (var problem in refused)
        {
            logger.LogWarning("Sync of {Repository}: {Problem}", connection.Describe(), problem);
        }
        return new SyncSummary(snapshot.CommitSha, added, updated, unchanged, refused);
    }

    /// <summary>The recurring catch-up: a sync of every connected project, each its own job.</summary>
    public async Task<int> EnqueueAllAsync(CancellationToken cancellationToken)
    {
        var projectIds = await db.RepositoryConnections.Select(c => c.ProjectId).ToListAsync(cancellationToken);
        foreach (var projectId in projectIds)
        {
            jobs.Enqueue<SyncRepository>(job => job.RunAsync(projectId, CancellationToken.None));
        }
        return projectIds.Count;
    }
}
