using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Jobs;
using Wgig.Translate.Domain.Publishing;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Worker.Jobs;

namespace Wgig.Translate.Worker.Publishing;

/// <summary>
/// The settings page's "test connection": the project's gateway reads the head of its branch with the stored credentials, the
/// one call a sync starts with, so a connection that passes is one the sync and the publications can use. On GitHub that
/// proves the credentials are accepted and the repository and branch visible to them; on a local repository, that it exists
/// below the local root with that branch. The answer is recorded on the connection for the page to show; a test whose
/// connection changed meanwhile records nothing.
/// </summary>
public sealed class CheckRepositoryConnection(TranslationDb db, IEnumerable<IRepositoryGateway> gateways, TimeProvider clock,
    ILogger<CheckRepositoryConnection> logger) : IBackgroundJob, ICheckRepositoryConnection
{
    /// <summary>How long the test waits for the host: a person is watching the page.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public async Task<ConnectionCheckOutcome?> RunAsync(Guid projectId, CancellationToken cancellationToken)
    {
        var connection = await db.RepositoryConnections.SingleOrDefaultAsync(c => c.ProjectId == projectId, cancellationToken);
        if (connection is not { CheckPending: true })
        {
            return null;
        }
        var (outcome, detail) = await AskAsync(connection, cancellationToken);
        if (connection.RecordCheck(outcome, detail, clock.GetUtcNow()))
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return null; // the connection went meanwhile
            }
        }
        logger.LogInformation("{Repository}: connection test {Outcome}: {Detail}", connection.Describe(), outcome, detail);
        return outcome;
    }

    private async Task<(ConnectionCheckOutcome, string)> AskAsync(RepositoryConnection connection, CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Patience);
        try
        {
            var head = await gateways.Single(g => g.Host == connection.Host).HeadCommitAsync(connection, patience.Token);
            return (ConnectionCheckOutcome.Reached, head);
        }
        catch (RepositoryRefusedException e)
        {
            return (ConnectionCheckOutcome.Refused, e.Message);
        }
        catch (RepositoryRateLimitedException e)
        {
            return (ConnectionCheckOutcome.Unavailable, e.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (ConnectionCheckOutcome.Unavailable, $"{connection.Describe()}: no answer within {Patience.TotalSeconds:0} s.");
        }
        catch (Exception e) when (e is HttpRequestException or IOException or Octokit.ApiException)
        {
            return (ConnectionCheckOutcome.Unavailable, $"{connection.Describe()}: {e.Message}");
        }
    }
}
