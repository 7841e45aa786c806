using Wgig.Translate.Domain.Publishing;

namespace Wgig.Translate.Domain.Jobs;

// The Worker's jobs that the API queues, as contracts. The API enqueues through these interfaces (Hangfire
// stores the interface and method) and the Worker resolves its implementation, so the web process queues
// work without loading the Worker's Octokit, LibGit2Sharp and MailKit. Jobs take ids, never entities, and
// are safe to run twice: Hangfire delivers at least once.

/// <summary>Reads a project's sources from its repository: new paths become documents, changed files new versions.</summary>
public interface ISyncRepository
{
    Task<SyncSummary?> RunAsync(Guid projectId, CancellationToken cancellationToken);
}

/// <summary>Carries out one requested publication: one commit of the approved files.</summary>
public interface IPublishTranslations
{
    Task<PublicationStatus> RunAsync(Guid publicationId, CancellationToken cancellationToken);
}

/// <summary>
/// Tests a project's repository connection as its settings page asked (<see cref="RepositoryConnection.RequestCheck"/>): the
/// gateway reads the branch head with the stored credentials, and the answer is recorded on the connection.
/// </summary>
public interface ICheckRepositoryConnection
{
    Task<ConnectionCheckOutcome?> RunAsync(Guid projectId, CancellationToken cancellationToken);
}

/// <summary>Recounts a document's progress from what is stored (a repair tool: progress is kept as work happens).</summary>
public interface IRecountDocumentProgress
{
    Task RunAsync(Guid documentId, CancellationToken cancellationToken);
}

/// <summary>Sends the letters waiting in the outbox (invitations, password resets); also run every minute.</summary>
public interface ISendOutgoingMail
{
    Task<int> SendOutgoingAsync(CancellationToken cancellationToken);
}
