using System.Net;
using System.Net.Http.Json;
using Wgig.Translate.Domain.Memory;
using Wgig.Translate.Domain.Memory.Tmx;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Api.Tests.Aids;

/// <summary>Our TMX against a real OmegaT: our export fills an OmegaT project, and OmegaT's project_save.tmx fills our memory.</summary>
[RunsLong(14)]
public sealed class OmegaTTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly Workbench _bench = new(api);
    private Guid _projectId;

    public async Task InitializeAsync()
    {
        await api.ResetAsync();
        _projectId = await _bench.ProjectAsync("OmegaT", "fr");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Our_tmx_export_translates_an_omegat_project()
    {
        var (document, segments) = await _bench.PaperAsync(_projectId, "The Working Group met in Geneva.\n\nIt wrote a report on Internet governance.\n");
        await _bench.ClaimAllAsync(_projectId, document, "fr");
        await _bench.ApproveAsync(_projectId, document, segments[0].Id, "fr", "Le Groupe de travail s’est réuni à Genève.");
        await _bench.ApproveAsync(_projectId, document, segments[1].Id, "fr", "Il a rédigé un rapport sur la gouvernance de l’Internet.");
        using var omegat = new OmegaT("EN-US", "FR-FR");
        await File.WriteAllBytesAsync(omegat.Path("tm/auto/wgig.tmx"), await _bench.Coordinator.GetByteArrayAsync($"/api/projects/{_projectId}/memory/tmx?language=fr"));
        await File.WriteAllTextAsync(omegat.Path("source/paper.txt"), "The Working Group met in Geneva. It wrote a report on Internet governance.\n\nA sentence we never translated.\n");

        omegat.Translate();

        Assert.Equal("Le Groupe de travail s’est réuni à Genève. Il a rédigé un rapport sur la gouvernance de l’Internet.\n\nA sentence we never translated.\n",
            await File.ReadAllTextAsync(omegat.Path("target/paper.txt")));
    }

    [Fact]
    public async Task An_omegat_projects_project_save_tmx_imports_into_the_memory()
    {
        using var omegat = new OmegaT("EN-US", "FR-FR");
        await File.WriteAllTextAsync(omegat.Path("source/paper.txt"), "The Working Group met in Geneva. It wrote a report.\n\nComments are welcome.\n");
        omegat.Translate(OmegaT.TranslatorScript(new Dictionary<string, string>
        {
            ["The Working Group met in Geneva."] = "Le Groupe de travail s'est réuni à Genève.",
            ["It wrote a report."] = "Il a rédigé un rapport.",
            ["Comments are welcome."] = "Les commentaires sont les bienvenus.",
        }));
        var projectSave = await File.ReadAllBytesAsync(omegat.Path("omegat/project_save.tmx"));

        using var form = new MultipartFormDataContent { { new ByteArrayContent(projectSave), "file", "project_save.tmx" } };
        var response = await _bench.Coordinator.PostAsync($"/api/projects/{_projectId}/memory/tmx", form);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var report = (await response.Content.ReadFromJsonAsync<TmxImportReport>(ApiJson.Options))!;
        Assert.Equal((3, 3, 0), (report.Units, report.Added, report.Skipped));
        Assert.Equal(3, report.Languages["fr"]);
        var (document, segments) = await _bench.PaperAsync(_projectId, "It wrote a report.\n\nThe Working Group met in Tunis.\n");
        var exact = (await Workbench.SuggestionsAsync(_bench.Volunteer, _projectId, document, segments[0].Id)).Memory.Single();
        Assert.Equal((MatchKind.Exact, MemoryOrigin.Import, "Il a rédigé un rapport."), (exact.Kind, exact.Origin, exact.Translation.Text));
        Assert.False(string.IsNullOrEmpty(exact.AuthorName)); // OmegaT's changeid: the user who translated
        var fuzzy = (await Workbench.SuggestionsAsync(_bench.Volunteer, _projectId, document, segments[1].Id)).Memory.Single();
        Assert.Equal("Le Groupe de travail s'est réuni à Genève.", fuzzy.Translation.Text);
    }
}
