using Hangfire;
using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Jobs;
using Wgig.Translate.Domain.Notifications;
using Wgig.Translate.Domain.Publishing;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Worker.Jobs;

namespace Wgig.Translate.Worker.Publishing;

/// <summary>
/// Carries out one publication: plans the files (only fully approved document × languages), commits them
/// through the project's repository gateway in one commit, and records the tree, commit and pull request.
/// Takes the publication's id, never an entity; a finished publication is not run again. A rate limit
/// schedules the job again for the host's reset time (the publication waits, no retry is burnt); a refusal
/// (credentials, missing repository) fails it with the host's reason; anything else is recorded and thrown
/// for Hangfire's retries, which are safe: the gateway makes no second commit of the same files. Publications
/// of one project run one at a time, under a lock that dies with the Worker holding it.
/// </summary>
public sealed class PublishTranslations(TranslationDb db, PublicationPlanner planner, IEnumerable<IRepositoryGateway> gateways,
    IBackgroundJobClient jobs, ProjectLocks locks, TimeProvider clock, ILogger<PublishTranslations> logger) : IBackgroundJob, IPublishTranslations
{
    /// <summary>Runs of one publication before an unexplained failure is taken as final (Hangfire's first run and its five retries).</summary>
    public const int MaxAttempts = 6;

    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [30, 120, 600, 1800, 7200])]
    public async Task<PublicationStatus> RunAsync(Guid publicationId, CancellationToken cancellationToken)
    {
        var projectId = await db.Publications.Where(p => p.Id == publicationId).Select(p => (Guid?)p.ProjectId).SingleOrDefaultAsync(cancellationToken);
        if (projectId is null)
        {
            return PublicationStatus.Failed;
        }
        await using var held = await locks.AcquireAsync(ProjectWork.Publish, projectId.Value, cancellationToken);
        // Read under the lock: a run that held it may just have finished this publication.
        var publication = await db.Publications.SingleOrDefaultAsync(p => p.Id == publicationId, cancellationToken);
        if (publication is null || publication.IsFinished)
        {
            return publication?.Status ?? PublicationStatus.Failed;
        }
        var now = clock.GetUtcNow();
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == publication.ProjectId, cancellationToken);
        var connection = await db.RepositoryConnections.AsNoTracking().SingleOrDefaultAsync(c => c.ProjectId == publication.ProjectId, cancellationToken);
        if (connection is null)
        {
            publication.Fail("The project is not connected to a repository.", now);
            await db.SaveChangesAsync(cancellationToken);
            await TellRequesterAsync(publication, project.Name);
            return publication.Status;
        }
        // A template saved before templates were checked could write outside the repository or under .git: never retried.
        if (RepositoryConnection.TemplateProblem(connection.TargetTemplate) is { } badTemplate)
        {
            publication.Fail($"The repository connection's target template '{connection.TargetTemplate}' is refused: {badTemplate} Change the connection.", now);
            await db.SaveChangesAsync(cancellationToken);
            await TellRequesterAsync(publication, project.Name);
            return publication.Status;
        }
        var plan = await planner.PlanAsync(publication, connection, project, cancellationToken);
        var branch = connection.WriteMode == WriteMode.Direct ? connection.Branch : connection.PublicationBranch(project.Name, publication.Languages, publication.Number);
        publication.Attempt(branch, plan.Published, plan.LeftOut);
        if (plan.Files.Count == 0)
        {
            publication.Fail("Nothing to publish: no requested document is approved in full in a requested language.", now);
            await db.SaveChangesAsync(cancellationToken);
            await TellRequesterAsync(publication, project.Name);
            return publication.Status;
        }
        var earlier = await db.Publications.Where(p => p.ProjectId == publication.ProjectId && p.Id != publication.Id && p.Branch == branch && p.CommitSha != null)
            .OrderByDescending(p => p.Number).Select(p => new { p.PullRequestNumber }).FirstOrDefaultAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var gateway = gateways.Single(g => g.Host == connection.Host);
        try
        {
            var outcome = await gateway.PublishAsync(connection, new PublishRequest(branch, connection.Branch, plan.Files, plan.Message, plan.Marker,
                connection.WriteMode == WriteMode.PullRequest && connection.Host == RepositoryHost.GitHub, plan.PullRequestTitle, plan.PullRequestBody,
                earlier?.PullRequestNumber, KnownBranch: earlier is not null, EarlierAttemptMayHaveCommitted: publication.Attempts > 1),
                cancellationToken);
            if (outcome.CommitSha is { } commit)
            {
                publication.Committed(outcome.TreeSha, commit, outcome.PullRequestNumber, outcome.PullRequestUrl, clock.GetUtcNow());
            }
            else
            {
                publication.FoundUnchanged(outcome.TreeSha, clock.GetUtcNow());
            }
            logger.LogInformation("Publication {Number} of {Project}: {Status} {Commit} on {Branch}", publication.Number, project.Name, publication.Status,
                publication.CommitSha, branch);
        }
        catch (RepositoryRateLimitedException e)
        {
            publication.WaitUntil(e.RetryAt, e.Message);
            jobs.Schedule<PublishTranslations>(job => job.RunAsync(publicationId, CancellationToken.None), e.RetryAt);
            logger.LogWarning("Publication {Number} of {Project} waits until {RetryAt}: {Reason}", publication.Number, project.Name, e.RetryAt, e.Message);
        }
        catch (RepositoryRefusedException e)
        {
            publication.Fail(e.Message, clock.GetUtcNow());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            publication.FailedAttempt(e.Message);
            if (!IsPermanent(e) && publication.Attempts < MaxAttempts)
            {
                await db.SaveChangesAsync(CancellationToken.None);
                throw; // Hangfire retries later
            }
            // Retrying cannot help (the host refused the content itself), or it did not help often enough: the publication ends, saying why.
            publication.Fail(IsPermanent(e) ? $"The repository refused the publication: {e.Message}"
                : $"Gave up after {publication.Attempts} attempts; the last failure: {e.Message}", clock.GetUtcNow());
            logger.LogWarning(e, "Publication {Number} of {Project} failed for good", publication.Number, project.Name);
        }
        await db.SaveChangesAsync(CancellationToken.None);
        await TellRequesterAsync(publication, project.Name);
        return publication.Status;
    }

    // Failures of the request itself, not of the network or the host's health: the same publication would fail the same way again.
    private static bool IsPermanent(Exception e) => e is ArgumentException or FormatException or NotSupportedException
        or Octokit.ApiValidationException or LibGit2Sharp.InvalidSpecificationException or LibGit2Sharp.NameConflictException;

    private Task TellRequesterAsync(Publication publication, string projectName)
    {
        var text = publication.Status switch
        {
            PublicationStatus.Published => $"Publication {publication.Number} of {projectName} is committed ({publication.CommitSha?[..7]} on {publication.Branch})" +
                (publication.PullRequestUrl is { } url ? $"; pull request: {url}" : "") + $". {publication.Files.Count} file(s), {publication.LeftOut.Count} left out.",
            PublicationStatus.Unchanged => $"Publication {publication.Number} of {projectName}: the repository already held these translations; nothing was committed.",
            PublicationStatus.Failed => $"Publication {publication.Number} of {projectName} failed: {publication.LastError}",
            _ => null,
        };
        return text is null ? Task.CompletedTask : db.NotifyOnceAsync(NotificationKind.PublicationFinished,
            [new OnceNotice(publication.RequestedBy, text, publication.Id, $"publication:{publication.Id}")], clock.GetUtcNow(), CancellationToken.None);
    }
}
