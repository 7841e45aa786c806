using Wgig.Translate.Domain.Publishing;

namespace Wgig.Translate.Api.Web.Papers;

/// <summary>A publication as the history shows it: who asked, by name, and where its commit and pull request are.</summary>
public sealed record PublicationRow(Publication Publication, string RequestedByName, string? CommitUrl);

/// <summary>The publish gate page: every paper's readiness per language and sign-off, and the project's publications.</summary>
public sealed record GateView(Guid ProjectId, string ProjectName, IReadOnlyList<string> Languages, IReadOnlyList<PaperGate> Papers,
    IReadOnlyDictionary<Guid, string> Names, IReadOnlyList<PublicationRow> Publications, bool Connected, bool MayPublish, string? Notice = null)
{
    /// <summary>A commit's page on the repository's host; none for a local repository, which has no web pages.</summary>
    public static string? CommitUrl(RepositoryConnection? connection, string? sha)
    {
        if (connection is null || sha is null || connection.Host != RepositoryHost.GitHub)
        {
            return null;
        }
        var web = connection.ApiBaseUrl is { } api && Uri.TryCreate(api, UriKind.Absolute, out var uri) ? $"{uri.Scheme}://{uri.Authority}" : "https://github.com";
        return $"{web}/{Uri.EscapeDataString(connection.Owner)}/{Uri.EscapeDataString(connection.Name)}/commit/{sha}";
    }
}
