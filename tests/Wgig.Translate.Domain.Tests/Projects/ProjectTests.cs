using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Projects;

namespace Wgig.Translate.Domain.Tests.Projects;

public sealed class ProjectTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_project_keeps_canonical_tags_in_the_order_given()
    {
        var project = Project.Create("  WGIG papers ", "EN", ["AR", "zh-hans", "fr"], Now);

        Assert.True(project.Succeeded);
        Assert.Equal("WGIG papers", project.Value.Name);
        Assert.Equal("WGIG PAPERS", project.Value.NormalizedName);
        Assert.Equal("en", project.Value.SourceLanguage);
        Assert.Equal(["ar", "zh-Hans", "fr"], project.Value.TargetLanguages);
        Assert.Equal(Now, project.Value.CreatedAt);
    }

    [Fact]
    public void Every_invalid_field_is_reported_at_once()
    {
        var project = Project.Create("", "xx", ["fr", "FR", "xx", "en-GB"], Now);

        var error = Assert.IsType<InvalidInputError>(project.Error, exactMatch: false);
        Assert.Equal(["name", "sourceLanguage", "targetLanguages[1]", "targetLanguages[2]"], error.Errors.Keys.Order());
        Assert.Contains("listed twice", error.Errors["targetLanguages[1]"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_source_language_cannot_also_be_a_target()
    {
        var project = Project.Create("p", "en", ["EN"], Now);

        var error = Assert.IsType<InvalidInputError>(project.Error, exactMatch: false);
        Assert.Contains("is the source language", error.Errors["targetLanguages[0]"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_needs_a_target_language()
    {
        var error = Assert.IsType<InvalidInputError>(Project.Create("p", "en", [], Now).Error, exactMatch: false);
        Assert.Equal(["targetLanguages"], error.Errors.Keys);
    }

    [Fact]
    public void Names_differing_only_in_case_and_spacing_normalize_alike() =>
        Assert.Equal(Project.Normalize("WGIG  Papers"), Project.Normalize(" wgig papers"));

    [Fact]
    public void A_new_target_language_is_canonicalized_and_neither_the_source_nor_one_already_there()
    {
        var project = Project.Create("WGIG", "en", ["fr"], Now).Value!;

        Assert.Equal("pt-BR", project.CheckNewTargetLanguage("PT-br").Value);
        Assert.IsType<AlreadyATargetLanguage>(project.CheckNewTargetLanguage("FR").Error);
        Assert.Contains("source language", project.CheckNewTargetLanguage("en").Error!.Detail, StringComparison.Ordinal);
        Assert.IsType<InvalidInputError>(project.CheckNewTargetLanguage("not a tag").Error);
        Assert.IsType<InvalidInputError>(project.CheckNewTargetLanguage(null).Error);
        Assert.Equal(["fr"], project.TargetLanguages);
    }

    [Fact]
    public void A_target_language_is_removed_unless_it_is_the_last_or_not_there()
    {
        var project = Project.Create("WGIG", "en", ["fr", "es"], Now).Value!;

        Assert.IsType<NotATargetLanguage>(project.RemoveTargetLanguage("de").Error);
        Assert.True(project.RemoveTargetLanguage("es").Succeeded);
        Assert.IsType<LastTargetLanguage>(project.RemoveTargetLanguage("fr").Error);
        Assert.Equal(["fr"], project.TargetLanguages);
    }
}
