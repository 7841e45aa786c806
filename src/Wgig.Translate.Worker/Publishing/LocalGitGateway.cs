using LibGit2Sharp;
using Microsoft.Extensions.Options;
using Wgig.Translate.Domain.Publishing;
using Wgig.Translate.Domain.Security;

namespace Wgig.Translate.Worker.Publishing;

/// <summary>
/// A Git repository below the Worker's local root (bare or not), through LibGit2Sharp: the zero-setup default, so the
/// demo publishes real commits without GitHub. Same rules as GitHub: one commit per publication on the
/// branch head, never forced (a ref moved meanwhile is rebuilt upon), no commit when the files are already
/// there. There are no pull requests: in pull-request mode the commit goes to the publication branch.
/// </summary>
public sealed class LocalGitGateway(IOptions<RepositoryAccessOptions> repositories, TimeProvider clock, ILogger<LocalGitGateway> logger) : IRepositoryGateway
{
    private const int MaxRebuilds = 3;

    public RepositoryHost Host => RepositoryHost.LocalGit;

    public Task<string> HeadCommitAsync(RepositoryConnection connection, CancellationToken cancellationToken)
    {
        using var repository = Open(connection);
        return Task.FromResult(repository.Branches[connection.Branch]?.Tip.Sha
            ?? throw RepositoryRefusedException.NoBranch(connection, connection.Branch));
    }

    public Task<SourceSnapshot> ReadSourcesAsync(RepositoryConnection connection, IReadOnlySet<string> knownBlobs, CancellationToken cancellationToken)
    {
        using var repository = Open(connection);
        var tip = repository.Branches[connection.Branch]?.Tip
            ?? throw RepositoryRefusedException.NoBranch(connection, connection.Branch);
        var files = new List<SourceFile>();
        void Walk(Tree tree, string prefix)
        {
            foreach (var entry in tree)
            {
                var path = prefix + entry.Name;
                if (entry.TargetType == TreeEntryTargetType.Tree)
                {
                    Walk((Tree)entry.Target, path + "/");
                }
                else if (entry.TargetType == TreeEntryTargetType.Blob && connection.IsSource(path))
                {
                    if (knownBlobs.Contains(entry.Target.Sha))
                    {
                        files.Add(new SourceFile(path, entry.Target.Sha, null));
                        continue;
                    }
                    using var content = ((Blob)entry.Target).GetContentStream();
                    using var buffer = new MemoryStream();
                    content.CopyTo(buffer);
                    files.Add(new SourceFile(path, entry.Target.Sha, buffer.ToArray()));
                }
            }
        }
        Walk(tip.Tree, "");
        return Task.FromResult(new SourceSnapshot(tip.Sha, files));
    }

    public Task<PublishOutcome> PublishAsync(RepositoryConnection connection, PublishRequest request, CancellationToken cancellationToken)
    {
        using var repository = Open(connection);
        if (request.EarlierAttemptMayHaveCommitted
            && repository.Branches[request.Branch]?.Commits.Take(PublishRequest.RecentCommits).FirstOrDefault(c => c.Message.Contains(request.Marker, StringComparison.Ordinal)) is { } own)
        {
            return Task.FromResult(new PublishOutcome(own.Tree.Sha, own.Sha, null, null));
        }
        for (var rebuild = 0; rebuild <= MaxRebuilds; rebuild++)
        {
            var branch = repository.Branches[request.Branch];
            var parent = (branch ?? repository.Branches[request.BaseBranch])?.Tip
                ?? throw RepositoryRefusedException.NoBranch(connection, request.BaseBranch);
            var definition = TreeDefinition.From(parent.Tree);
            foreach (var file in request.Files)
            {
                using var content = new MemoryStream(file.Content);
                definition.Add(file.Path, repository.ObjectDatabase.CreateBlob(content), Mode.NonExecutableFile);
            }
            var tree = repository.ObjectDatabase.CreateTree(definition);
            if (tree.Sha == parent.Tree.Sha)
            {
                return Task.FromResult(new PublishOutcome(tree.Sha, parent.Message.Contains(request.Marker, StringComparison.Ordinal) ? parent.Sha : null, null, null));
            }
            var signature = new Signature("Wgig.Translate", "wgig-translate@users.noreply.localhost", clock.GetUtcNow());
            var commit = repository.ObjectDatabase.CreateCommit(signature, signature, request.Message, tree, [parent], prettifyMessage: false);
            try
            {
                if (branch is not null)
                {
                    // libgit2 moves the ref only if it still points where it did when looked up.
                    repository.Refs.UpdateTarget(repository.Refs[branch.CanonicalName], commit.Id, $"publication: {request.Marker}");
                }
                else
                {
                    repository.Refs.Add($"refs/heads/{request.Branch}", commit.Id, $"publication: {request.Marker}", allowOverwrite: false);
                }
            }
            catch (LibGit2SharpException e)
            {
                logger.LogInformation("{Repository}: {Branch} moved during the publication ({Message}); rebuilding", connection.Describe(), request.Branch, e.Message);
                continue;
            }
            return Task.FromResult(new PublishOutcome(tree.Sha, commit.Sha, null, null));
        }
        throw new InvalidOperationException($"{connection.Describe()}: {request.Branch} kept moving under the publication.");
    }

    // Only below the configured root, whatever the connection says: checked at every use, symbolic links included.
    private Repository Open(RepositoryConnection connection)
    {
        var path = LocalRepositoryPath.Resolve(repositories.Value.LocalRoot, connection.Name);
        if (!path.Succeeded)
        {
            throw new RepositoryRefusedException($"{connection.Describe()}: {path.Error.Detail}");
        }
        try
        {
            return new Repository(path.Value);
        }
        catch (RepositoryNotFoundException e)
        {
            throw new RepositoryRefusedException($"{connection.Describe()}: no Git repository there.", e);
        }
    }
}
