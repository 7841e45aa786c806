using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Publishing;

namespace Wgig.Translate.Domain.Tests.Publishing;

public sealed class RepositoryConnectionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    private static RepositoryConnection Connection(string pattern = "papers/en/**/*.md", string template = "papers/{lang}/{path}", bool perPublication = false) =>
        RepositoryConnection.Connect(Guid.NewGuid(), RepositoryHost.GitHub, "wgig", "papers", "main", pattern, template, WriteMode.PullRequest, perPublication,
            false, null, "token", null, Now).Value!;

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
            "ftp://example.org", null, null, Now);

        var error = Assert.IsType<InvalidInputError>(result.Error);
        Assert.Equal(["apiBaseUrl", "branch", "name", "owner", "sourcePattern", "targetTemplate", "token"], error.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_local_repository_needs_no_owner_nor_token()
    {
        var local = RepositoryConnection.Connect(Guid.NewGuid(), RepositoryHost.LocalGit, null, "/srv/papers.git", "main", "*.md", "t/{lang}/{path}",
            WriteMode.Direct, false, false, null, null, null, Now);

        Assert.True(local.Succeeded);
        Assert.Equal("/srv/papers.git@main", local.Value!.Describe());
    }
}
