using System.Net;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Publishing;
using Wgig.Translate.Domain.Security;

namespace Wgig.Translate.Domain.Tests.Publishing;

public sealed class RepositoryConnectionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Seals visibly, so tests see what is stored; the real one is Data Protection.</summary>
    internal sealed class TestProtector : ICredentialProtector
    {
        public string Protect(string plaintext) => "sealed:" + new string([.. plaintext.Reverse()]);

        public string Unprotect(string stored) => IsProtected(stored) ? new string([.. stored["sealed:".Length..].Reverse()]) : stored;

        public bool IsProtected(string stored) => stored.StartsWith("sealed:", StringComparison.Ordinal);
    }

    private static readonly TestProtector Protector = new();

    private static RepositoryConnection Connection(string pattern = "papers/en/**/*.md", string template = "papers/{lang}/{path}", bool perPublication = false) =>
        RepositoryConnection.Connect(Guid.NewGuid(), RepositoryHost.GitHub, "wgig", "papers", "main", pattern, template, WriteMode.PullRequest, perPublication,
            false, null, "token", null, Now, Protector).Value!;

    [Theory]
    [InlineData("papers/en/report.md", true)]
    [InlineData("papers/en/annex/glossary.md", true)]
    [InlineData("papers/fr/report.md", false)]
    [InlineData("papers/en/report.docx", false)]
    [InlineData("README.md", false)]
    public void Sources_are_the_files_the_pattern_matches(string path, bool source) => Assert.Equal(source, Connection().IsSource(path));

    [Theory]
    [InlineData("papers/en/**/*.md", "papers/{lang}/{path}", "papers/en/annex/glossary.md", "zh-hans", "papers/zh-Hans/annex/glossary.md")]
    [InlineData("*.md", "translations/{lang}/{path}", "report.md", "fr", "translations/fr/report.md")]
    [InlineData("docs/en/*.md", "i18n/{path}.{lang}", "docs/en/a.md", "ar", "i18n/a.md.ar")]
    public void A_translation_goes_where_the_template_says(string pattern, string template, string source, string language, string target) =>
        Assert.Equal(target, Connection(pattern, template).TargetPath(source, language));

    [Fact]
    public void The_publication_branch_is_per_project_and_languages_or_per_publication()
    {
        Assert.Equal("l10n/wgig-papers-2005/fr+es", Connection().PublicationBranch("WGIG  papers (2005)", ["fr", "es"], 7));
        Assert.Equal("l10n/wgig-papers-2005/publication-7", Connection(perPublication: true).PublicationBranch("WGIG  papers (2005)", ["fr"], 7));
    }

    [Fact]
    public void A_bad_connection_names_every_field()
    {
        var result = RepositoryConnection.Connect(Guid.NewGuid(), RepositoryHost.GitHub, "", "a/b", " ", "/etc/*", "out/{path}", WriteMode.Direct, false, false,
            "ftp://example.org", null, null, Now, Protector);

        var error = Assert.IsType<InvalidInputError>(result.Error);
        Assert.Equal(["apiBaseUrl", "branch", "name", "owner", "sourcePattern", "targetTemplate", "token"], error.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_local_repository_needs_no_owner_nor_token_and_is_named_below_the_root()
    {
        var local = RepositoryConnection.Connect(Guid.NewGuid(), RepositoryHost.LocalGit, null, "team/papers.git", "main", "*.md", "t/{lang}/{path}",
            WriteMode.Direct, false, false, null, null, null, Now, Protector);

        Assert.True(local.Succeeded);
        Assert.Equal("team/papers.git@main", local.Value!.Describe());
    }

    [Theory]
    [InlineData("/srv/papers.git")]
    [InlineData("../papers.git")]
    [InlineData("team/../../etc")]
    [InlineData("C:papers")]
    [InlineData(".git")]
    public void A_local_repository_outside_the_root_is_refused(string name)
    {
        var local = RepositoryConnection.Connect(Guid.NewGuid(), RepositoryHost.LocalGit, null, name, "main", "*.md", "t/{lang}/{path}",
            WriteMode.Direct, false, false, null, null, null, Now, Protector);

        Assert.Equal(["name"], Assert.IsType<InvalidInputError>(local.Error).Errors.Keys);
    }

    [Fact]
    public void A_symbolic_link_out_of_the_root_is_refused_and_one_inside_it_is_followed()
    {
        var root = Directory.CreateTempSubdirectory("repos-");
        var outside = Directory.CreateTempSubdirectory("outside-");
        try
        {
            Directory.CreateDirectory(Path.Combine(root.FullName, "real.git"));
            Directory.CreateSymbolicLink(Path.Combine(root.FullName, "escape.git"), outside.FullName);
            Directory.CreateSymbolicLink(Path.Combine(root.FullName, "alias.git"), Path.Combine(root.FullName, "real.git"));

            Assert.IsType<LocalRepositoryRefused>(LocalRepositoryPath.Resolve(root.FullName, "escape.git").Error);
            Assert.Equal(Path.Combine(root.FullName, "alias.git"), LocalRepositoryPath.Resolve(root.FullName, "alias.git").Value);
        }
        finally
        {
            root.Delete(recursive: true);
            outside.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("../{lang}/{path}")]
    [InlineData("/abs/{lang}/{path}")]
    [InlineData(".git/hooks/{lang}/{path}")]
    [InlineData("papers/.GIT/{lang}{path}")]
    [InlineData("papers//{lang}/{path}")]
    public void A_target_template_that_leaves_the_repository_or_writes_under_git_is_refused(string template) =>
        Assert.NotNull(RepositoryConnection.TemplateProblem(template));

    [Fact]
    public void Credentials_are_sealed_and_carried_over_only_while_the_destination_stays()
    {
        var first = RepositoryConnection.Connect(Guid.NewGuid(), RepositoryHost.GitHub, "wgig", "papers", "main", "*.md", "t/{lang}/{path}",
            WriteMode.Direct, false, false, null, "ghp_token", "hook", Now, Protector).Value!;
        RepositoryConnection Change(string owner, string? server = null) => RepositoryConnection.Connect(first.ProjectId, RepositoryHost.GitHub, owner,
            "papers", "dev", "*.md", "t/{lang}/{path}", WriteMode.Direct, false, false, server, null, null, Now, Protector, null, first,
            ["127.0.0.1"]) is { Succeeded: true } ok ? ok.Value : null!;

        Assert.Equal(("sealed:nekot_phg", "ghp_token"), (first.Token, Protector.Unprotect(first.Token!)));
        Assert.Equal(first.Token, Change("WGIG").Token); // same repository, another branch: kept
        var moved = RepositoryConnection.Connect(first.ProjectId, RepositoryHost.GitHub, "attacker", "papers", "main", "*.md", "t/{lang}/{path}",
            WriteMode.Direct, false, false, null, null, null, Now, Protector, null, first);
        Assert.Contains("never sent to a new destination", Assert.IsType<InvalidInputError>(moved.Error).Errors["token"][0], StringComparison.Ordinal);
        var elsewhere = RepositoryConnection.Connect(first.ProjectId, RepositoryHost.GitHub, "wgig", "papers", "main", "*.md", "t/{lang}/{path}",
            WriteMode.Direct, false, false, "http://127.0.0.1:9", null, null, Now, Protector, null, first, ["127.0.0.1"]);
        Assert.False(elsewhere.Succeeded);
    }

    [Theory]
    [InlineData("https://github.example.org/api", null)]
    [InlineData("http://github.example.org", "https")]
    [InlineData("https://127.0.0.1", "loopback")]
    [InlineData("https://169.254.169.254", "metadata")]
    [InlineData("https://[::1]", "loopback")]
    [InlineData("https://[fd00:ec2::254]", "loopback")]
    [InlineData("https://10.1.2.3", "private")]
    [InlineData("https://localhost", "host name")]
    [InlineData("https://ghe.internal", "local network")]
    [InlineData("https://user:pw@github.example.org", "user name")]
    public void A_server_url_must_be_public_https_unless_allow_listed(string url, string? problem)
    {
        var refused = OutboundHosts.CheckBaseUrl(url, [], out _);

        if (problem is null)
        {
            Assert.Null(refused);
        }
        else
        {
            Assert.Contains(problem, refused, StringComparison.Ordinal);
        }
        Assert.Null(OutboundHosts.CheckBaseUrl("http://127.0.0.1:8080", ["127.0.0.1"], out var normalized));
        Assert.Equal("http://127.0.0.1:8080", normalized);
    }

    [Theory]
    [InlineData("140.82.112.3", true)]
    [InlineData("2606:50c0:8000::154", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("172.31.0.1", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("64:ff9b::a00:1", false)]
    public void Only_public_addresses_are_public(string address, bool expected) => Assert.Equal(expected, OutboundHosts.IsPublic(IPAddress.Parse(address)));
}
