using System.Net;
using System.Net.Http.Json;
using Wgig.Translate.Api.MachineTranslation;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Api.Tests.Aids;

public sealed class MachineTranslationTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly Workbench _bench = new(api);
    private Guid _projectId;
    private Guid _documentId;
    private List<Wgig.Translate.Api.Documents.SegmentResponse> _segments = [];

    public async Task InitializeAsync()
    {
        await api.ResetAsync();
        _projectId = await _bench.ProjectAsync("Machine translation", "es", "fr");
        (_documentId, _segments) = await _bench.PaperAsync(_projectId, "The Working Group met in Geneva.\n\nIt wrote a report.\n");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task ChooseAsync(string language, string? engine)
    {
        var response = await _bench.Coordinator.PutAsJsonAsync($"/api/projects/{_projectId}/machine-translation/{language}", new { engine });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Apertium_suggests_a_spanish_translation_once_and_the_answer_is_cached()
    {
        await Apertium.EnsureRunningAsync();
        await ChooseAsync("es", "Apertium");

        var first = (await Workbench.SuggestionsAsync(_bench.Volunteer, _projectId, _documentId, _segments[0].Id, "es")).Machine!;
        var second = (await Workbench.SuggestionsAsync(_bench.Volunteer, _projectId, _documentId, _segments[0].Id, "es")).Machine!;

        Assert.Equal(("apertium", false), (first.Engine, first.Cached));
        Assert.Contains("Grupo", first.Text, StringComparison.Ordinal);
        Assert.Equal((first.Text, true), (second.Text, second.Cached));
        Assert.Equal([first.Text], await api.Database.QueryAsync<string>("SELECT text FROM translate.machine_translations"));
        // Never applied: the segment is as untranslated as before.
        Assert.Empty(await api.Database.QueryAsync<Guid>("SELECT id FROM translate.targets WHERE text IS NOT NULL OR state <> 'Untranslated'"));
    }

    [Theory]
    [InlineData("silent")]
    [InlineData("down")]
    public async Task An_engine_that_is_slow_or_down_gives_no_suggestion_and_no_error(string engine)
    {
        await ChooseAsync("es", engine);

        var aids = await Workbench.SuggestionsAsync(_bench.Volunteer, _projectId, _documentId, _segments[1].Id, "es");

        Assert.Null(aids.Machine);
        Assert.Empty(await api.Database.QueryAsync<string>("SELECT text FROM translate.machine_translations"));
    }

    [Fact]
    public async Task A_pair_the_engine_does_not_have_gives_no_suggestion()
    {
        await Apertium.EnsureRunningAsync();
        await ChooseAsync("fr", "apertium");

        Assert.Null((await Workbench.SuggestionsAsync(_bench.Volunteer, _projectId, _documentId, _segments[1].Id, "fr")).Machine);
    }

    [Fact]
    public async Task Projects_choose_among_the_configured_engines_per_language()
    {
        await (await _bench.Coordinator.PutAsJsonAsync($"/api/projects/{_projectId}/machine-translation/es", new { engine = "deepl" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "configured: apertium");
        await (await _bench.Coordinator.PutAsJsonAsync($"/api/projects/{_projectId}/machine-translation/de", new { engine = "apertium" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "not a target language");
        await ChooseAsync("es", "apertium");
        await ChooseAsync("fr", "apertium");
        await ChooseAsync("fr", null);

        var settings = (await _bench.Volunteer.GetFromJsonAsync<MachineTranslationResponse>($"/api/projects/{_projectId}/machine-translation", ApiJson.Options))!;

        Assert.Equal(["apertium", "down", "silent"], settings.Engines.Order());
        Assert.Equal(("apertium", null), (settings.Languages["es"], settings.Languages["fr"]));
    }
}
