using System.Net;
using System.Net.Http.Json;
using Wgig.Translate.Api.Memory;
using Wgig.Translate.Api.Paging;
using Wgig.Translate.Api.Suggestions;
using Wgig.Translate.Api.Translations;
using Wgig.Translate.Domain.Memory;
using Wgig.Translate.Domain.Memory.Tmx;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Api.Tests.Aids;

public sealed class MemoryApiTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private const string First = "The **WSIS** met in Geneva.\n\nThe group wrote a report.\n\nIt ended in December.\n";

    // The same sentences, the second in the same surroundings, the third not, and one that is only like the first.
    private const string Second = "The **WSIS** met in Geneva.\n\nThe group wrote a report.\n\nIt ended in December.\n\nThe WSIS met in Tunis.\n";

    private readonly Workbench _bench = new(api);
    private Guid _projectId;

    public async Task InitializeAsync()
    {
        await api.ResetAsync();
        _projectId = await _bench.ProjectAsync("Memory", "fr");
        var (document, segments) = await _bench.PaperAsync(_projectId, First);
        await _bench.ClaimAllAsync(_projectId, document, "fr");
        await _bench.ApproveAsync(_projectId, document, segments[0].Id, "fr", "Le {b1}SMSI{/b1} s’est réuni à Genève.");
        await _bench.ApproveAsync(_projectId, document, segments[1].Id, "fr", "Le groupe a rédigé un rapport.");
        await _bench.ApproveAsync(_projectId, document, segments[2].Id, "fr", "Elle s’est terminée en décembre.");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_approval_feeds_the_memory_and_a_new_paper_gets_in_context_exact_and_fuzzy_matches_with_its_own_codes()
    {
        var volunteer = await _bench.AccountAsync("volunteer@test.example");
        Assert.Equal([$"Approval {volunteer}"], (await api.Database.QueryAsync<string>("SELECT DISTINCT origin || ' ' || author_id FROM translate.memory_entries")));
        var (document, segments) = await _bench.PaperAsync(_projectId, Second, "second.md");

        var inContext = (await Workbench.SuggestionsAsync(_bench.Volunteer, _projectId, document, segments[1].Id)).Memory[0];
        var exact = (await Workbench.SuggestionsAsync(_bench.Volunteer, _projectId, document, segments[2].Id)).Memory[0];
        var fuzzy = (await Workbench.SuggestionsAsync(_bench.Volunteer, _projectId, document, segments[3].Id)).Memory[0];

        Assert.Equal((MatchKind.InContext, 100, "Le groupe a rédigé un rapport."), (inContext.Kind, inContext.Score, inContext.Translation.Text));
        Assert.Equal((MatchKind.Exact, 100, "Elle s’est terminée en décembre."), (exact.Kind, exact.Score, exact.Translation.Text));
        Assert.Equal(MatchKind.Fuzzy, fuzzy.Kind);
        Assert.InRange(fuzzy.Score, 60, 80);
        Assert.Contains(fuzzy.Diff, d => d is { Kind: DiffKind.Deleted, Text: "Geneva" });
        Assert.Contains(fuzzy.Diff, d => d.Kind == DiffKind.Inserted && d.Text.StartsWith("Tunis", StringComparison.Ordinal));
        // The match's bold has no counterpart in a segment without codes: dropped, and said so.
        Assert.Equal((2, "Le SMSI s’est réuni à Genève."), (fuzzy.DroppedCodes, fuzzy.Translation.Text));
    }

    [Fact]
    public async Task A_matchs_codes_come_back_as_the_new_segments_codes()
    {
        var (document, segments) = await _bench.PaperAsync(_projectId, "Before.\n\nThe *WSIS* met in Geneva.\n", "italic.md");

        var match = (await Workbench.SuggestionsAsync(_bench.Volunteer, _projectId, document, segments[1].Id)).Memory[0];

        // Bold there, italic here: the text is the same, the formatting costs a point and is mapped by kind.
        Assert.Equal((MatchKind.Fuzzy, 99, 0), (match.Kind, match.Score, match.DroppedCodes));
        Assert.Equal(segments[1].Source.Runs.Where(r => r.Code is not null).Select(r => (r.Code!.Id, r.Code.Kind, r.Code.Type)),
            match.Translation.Runs.Where(r => r.Code is not null).Select(r => (r.Code!.Id, r.Code.Kind, r.Code.Type)));
    }

    [Fact]
    public async Task Concordance_finds_a_phrase_in_the_source_or_in_the_translation()
    {
        var bySource = (await _bench.Volunteer.GetFromJsonAsync<Paged<ConcordanceResponse>>($"/api/projects/{_projectId}/memory/search?language=fr&q=wrote+a", ApiJson.Options))!;
        var byTarget = (await _bench.Volunteer.GetFromJsonAsync<Paged<ConcordanceResponse>>($"/api/projects/{_projectId}/memory/search?language=fr&q=GENÈVE&in=target", ApiJson.Options))!;

        Assert.Equal("Le groupe a rédigé un rapport.", Assert.Single(bySource.Items).Translation.Text);
        Assert.Equal("The WSIS met in Geneva.", Assert.Single(byTarget.Items).Source.Text);
        await (await _bench.Volunteer.GetAsync($"/api/projects/{_projectId}/memory/search?language=de&q=x&in=nowhere"))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "language is one of the project's target languages");
    }

    [Fact]
    public async Task A_memory_shared_by_a_coordinator_is_read_by_the_other_project_until_the_share_ends()
    {
        var other = await _bench.ProjectAsync("Other", "fr");
        var (document, segments) = await _bench.PaperAsync(other, "The group wrote a report.\n");

        Assert.Empty((await Workbench.SuggestionsAsync(_bench.Volunteer, other, document, segments[0].Id)).Memory);
        Assert.Equal(HttpStatusCode.NoContent, (await _bench.Coordinator.PutAsync($"/api/projects/{_projectId}/shares/memory/{other}", null)).StatusCode);
        Assert.Equal(MatchKind.Exact, (await Workbench.SuggestionsAsync(_bench.Volunteer, other, document, segments[0].Id)).Memory.Single().Kind);

        Assert.Equal(HttpStatusCode.NoContent, (await _bench.Coordinator.DeleteAsync($"/api/projects/{_projectId}/shares/memory/{other}")).StatusCode);
        Assert.Empty((await Workbench.SuggestionsAsync(_bench.Volunteer, other, document, segments[0].Id)).Memory);
        await (await _bench.Coordinator.PutAsync($"/api/projects/{_projectId}/shares/memory/{_projectId}", null)).AssertProblemAsync(HttpStatusCode.BadRequest, "reads its own memory");
        await (await _bench.Coordinator.PutAsync($"/api/projects/{_projectId}/shares/everything/{other}", null)).AssertProblemAsync(HttpStatusCode.BadRequest, "'memory' or 'glossary'");
    }

    [Fact]
    public async Task Pretranslation_fills_untranslated_segments_from_certain_matches_marks_them_and_leaves_them_for_review()
    {
        var (document, segments) = await _bench.PaperAsync(_projectId, Second, "second.md");

        var response = await _bench.Coordinator.PostAsJsonAsync($"/api/projects/{_projectId}/documents/{document}/pretranslation", new { language = "fr" });

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var report = (await response.Content.ReadFromJsonAsync<PretranslationReport>(ApiJson.Options))!;
        Assert.Equal((4, 2, 1), (report.Untranslated, report.InContext, report.Exact)); // the fourth has only a fuzzy match
        var url = Workbench.Url(_projectId, document, segments[2].Id, "fr");
        var history = (await _bench.Coordinator.GetFromJsonAsync<List<HistoryEntry>>($"{url}/history", ApiJson.Options))!;
        var pretranslated = Assert.Single(history);
        Assert.Equal((TargetEventKind.Pretranslated, TargetState.Translated, "Pre-translated from a 100% translation memory match"),
            (pretranslated.Kind, pretranslated.StateAfter, pretranslated.Comment));
        // Still reviewed, by someone other than the coordinator who pre-translated.
        await (await _bench.Coordinator.PostAsJsonAsync($"{url}/review", new { decision = "approve" })).AssertProblemAsync(HttpStatusCode.Forbidden, "a different volunteer must review it");
        Assert.Equal(HttpStatusCode.OK, (await _bench.SecondVolunteer.PostAsJsonAsync($"{url}/review", new { decision = "approve" })).StatusCode);
        // A second run finds nothing left to fill.
        var again = (await (await _bench.Coordinator.PostAsJsonAsync($"/api/projects/{_projectId}/documents/{document}/pretranslation", new { language = "fr" }))
            .Content.ReadFromJsonAsync<PretranslationReport>(ApiJson.Options))!;
        Assert.Equal((1, 0), (again.Untranslated, again.Filled));
    }

    [Fact]
    public async Task A_tmx_export_imports_into_another_project_and_a_broken_file_imports_nothing()
    {
        var tmx = await _bench.Coordinator.GetByteArrayAsync($"/api/projects/{_projectId}/memory/tmx?language=fr");
        var other = await _bench.ProjectAsync("Other", "fr", "es");

        var imported = await ImportAsync(other, tmx);
        Assert.Equal((3, 3, 0, 0), (imported.Units, imported.Added, imported.Updated, imported.Skipped));
        Assert.Equal(3, (await ImportAsync(other, tmx)).Updated);
        var (document, segments) = await _bench.PaperAsync(other, First);
        var match = (await Workbench.SuggestionsAsync(_bench.Volunteer, other, document, segments[1].Id)).Memory.Single();
        Assert.Equal((MatchKind.InContext, MemoryOrigin.Import, "volunteer"), (match.Kind, match.Origin, match.AuthorName));
        Assert.Equal(segments[0].Source.Runs.Count(r => r.Code is not null),
            (await Workbench.SuggestionsAsync(_bench.Volunteer, other, document, segments[0].Id)).Memory.Single().Translation.Runs.Count(r => r.Code is not null));

        var before = await api.Database.SnapshotAsync();
        using var broken = new MultipartFormDataContent { { new ByteArrayContent(tmx[..(tmx.Length / 2)]), "file", "broken.tmx" } };
        await (await _bench.Coordinator.PostAsync($"/api/projects/{other}/memory/tmx", broken)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "Nothing was imported");
        Assert.Equal(before, await api.Database.SnapshotAsync());
    }

    private async Task<TmxImportReport> ImportAsync(Guid projectId, byte[] tmx)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(tmx), "file", "memory.tmx" } };
        var response = await _bench.Coordinator.PostAsync($"/api/projects/{projectId}/memory/tmx", form);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<TmxImportReport>(ApiJson.Options))!;
    }
}
