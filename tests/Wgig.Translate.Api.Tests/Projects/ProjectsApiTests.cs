using System.Net;
using System.Net.Http.Json;
using System.Text;
using Wgig.Translate.Api.Paging;
using Wgig.Translate.Api.Projects;

namespace Wgig.Translate.Api.Tests.Projects;

public sealed class ProjectsApiTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_created_project_is_returned_with_canonical_language_tags_and_can_be_read_back()
    {
        var response = await _client.PostAsJsonAsync("/api/projects",
            new { name = "WGIG papers", sourceLanguage = "EN", targetLanguages = new[] { "ar", "zh-hans", "fr", "ru", "es" } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<ProjectResponse>(ApiJson.Options))!;
        Assert.Equal(("WGIG papers", "en"), (created.Name, created.SourceLanguage));
        Assert.Equal(["ar", "zh-Hans", "fr", "ru", "es"], created.TargetLanguages);
        Assert.Equal($"/api/projects/{created.Id}", response.Headers.Location?.OriginalString);
        var read = await _client.GetFromJsonAsync<ProjectResponse>(response.Headers.Location, ApiJson.Options);
        Assert.Equal((created.Id, created.Name, created.SourceLanguage, created.CreatedAt), (read!.Id, read.Name, read.SourceLanguage, read.CreatedAt));
        Assert.Equal(created.TargetLanguages, read.TargetLanguages);
    }

    [Fact]
    public async Task An_unknown_language_tag_is_a_400_naming_the_field_and_nothing_is_stored()
    {
        var before = await api.Database.SnapshotAsync();

        var response = await _client.PostAsJsonAsync("/api/projects",
            new { name = "Bad tags", sourceLanguage = "en", targetLanguages = new[] { "fr", "klingon" } });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "unknown language subtag 'klingon'");
        Assert.Equal(["targetLanguages[1]"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(before, await api.Database.SnapshotAsync());
    }

    private const string Paper = "# Report\n\nThe group met in Geneva. It wrote a report.\n";

    [Fact]
    public async Task An_added_target_language_gives_every_current_segment_a_target_in_it_at_once()
    {
        var projectId = await _client.CreateProjectAsync("Languages", "en", "fr");
        (await _client.UploadAsync(projectId, "report.md", Encoding.UTF8.GetBytes(Paper))).EnsureSuccessStatusCode();

        var response = await _client.PostAsJsonAsync($"/api/projects/{projectId}/languages", new { language = "PT-br" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["fr", "pt-BR"], (await response.Content.ReadFromJsonAsync<ProjectResponse>(ApiJson.Options))!.TargetLanguages);
        Assert.Equal([3L], await api.Database.QueryAsync<long>("SELECT count(*) FROM translate.targets WHERE language = 'pt-BR' AND state = 'Untranslated'"));
        // A language like any other: rights are granted in it.
        (await _client.PutAsJsonAsync($"/api/projects/{projectId}/members/{await MeAsync()}/languages/pt-BR", new { canTranslate = true, canReview = false }))
            .EnsureSuccessStatusCode();
    }

    [Theory]
    [InlineData("fr", HttpStatusCode.Conflict, "already a target language")]
    [InlineData("en", HttpStatusCode.BadRequest, "source language")]
    [InlineData("klingon", HttpStatusCode.BadRequest, "klingon")]
    public async Task A_language_already_there_the_source_or_no_language_at_all_is_refused_and_nothing_changes(string language, HttpStatusCode status, string why)
    {
        var projectId = await _client.CreateProjectAsync("Languages", "en", "fr");
        (await _client.UploadAsync(projectId, "report.md", Encoding.UTF8.GetBytes(Paper))).EnsureSuccessStatusCode();
        var before = await api.Database.SnapshotAsync();

        var response = await _client.PostAsJsonAsync($"/api/projects/{projectId}/languages", new { language });

        await response.AssertProblemAsync(status, why);
        Assert.Equal(before, await api.Database.SnapshotAsync());
    }

    [Fact]
    public async Task A_language_nobody_worked_in_is_removed_with_its_rights_and_one_with_work_is_refused_and_kept_whole()
    {
        var projectId = await _client.CreateProjectAsync("Languages", "en", "fr", "es", "de");
        var document = (await (await _client.UploadAsync(projectId, "report.md", Encoding.UTF8.GetBytes(Paper))).Content.ReadFromJsonAsync<ApiCalls.IdOnly>(ApiJson.Options))!.Id;
        var volunteer = api.CreateClient(TestAccounts.VolunteerToken);
        var volunteerId = (await volunteer.GetFromJsonAsync<ApiCalls.IdOnly>("/api/me", ApiJson.Options))!.Id;
        foreach (var language in new[] { "fr", "es" })
        {
            (await _client.PutAsJsonAsync($"/api/projects/{projectId}/members/{volunteerId}/languages/{language}", new { canTranslate = true, canReview = false }))
                .EnsureSuccessStatusCode();
        }
        (await volunteer.PostAsJsonAsync($"/api/projects/{projectId}/documents/{document}/claims", new { language = "fr", words = 3 })).EnsureSuccessStatusCode();
        var before = await api.Database.SnapshotAsync();

        var refused = await _client.DeleteAsync($"/api/projects/{projectId}/languages/fr");

        await refused.AssertProblemAsync(HttpStatusCode.Conflict, "'fr' cannot be removed");
        Assert.Equal(before, await api.Database.SnapshotAsync());

        var removed = await _client.DeleteAsync($"/api/projects/{projectId}/languages/es");

        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(["fr", "de"], (await removed.Content.ReadFromJsonAsync<ProjectResponse>(ApiJson.Options))!.TargetLanguages);
        Assert.Equal([0L], await api.Database.QueryAsync<long>("SELECT count(*) FROM translate.targets WHERE language = 'es'"));
        Assert.Equal([0L], await api.Database.QueryAsync<long>("SELECT count(*) FROM translate.project_members WHERE language = 'es'"));
        await (await _client.DeleteAsync($"/api/projects/{projectId}/languages/es")).AssertProblemAsync(HttpStatusCode.BadRequest, "not a target language");
        (await _client.DeleteAsync($"/api/projects/{projectId}/languages/de")).EnsureSuccessStatusCode();
        await (await _client.DeleteAsync($"/api/projects/{projectId}/languages/fr")).AssertProblemAsync(HttpStatusCode.Conflict, "only target language");
    }

    private async Task<Guid> MeAsync() => (await _client.GetFromJsonAsync<ApiCalls.IdOnly>("/api/me", ApiJson.Options))!.Id;

    [Fact]
    public async Task The_escalation_ladder_starts_at_the_defaults_and_a_coordinator_changes_it()
    {
        var projectId = await _client.CreateProjectAsync("Ladder");
        var created = (await _client.GetFromJsonAsync<ProjectResponse>($"/api/projects/{projectId}", ApiJson.Options))!;
        Assert.Equal(Domain.Projects.EscalationLadder.Default, created.Ladder);

        var response = await _client.PutAsJsonAsync($"/api/projects/{projectId}/ladder",
            new { remindBeforeClaimEnds = "06:00:00", remindBeforeDeadline = (string?)null, overdueNotice = true, reassignLapsedWork = false, alertCoordinators = true });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var read = (await _client.GetFromJsonAsync<ProjectResponse>($"/api/projects/{projectId}", ApiJson.Options))!;
        Assert.Equal(new Domain.Projects.EscalationLadder(TimeSpan.FromHours(6), null, true, false, true), read.Ladder);
    }

    [Fact]
    public async Task A_ladder_with_impossible_lead_times_is_a_400_naming_each_and_nothing_changes()
    {
        var projectId = await _client.CreateProjectAsync("Ladder");
        var before = await api.Database.SnapshotAsync();

        var response = await _client.PutAsJsonAsync($"/api/projects/{projectId}/ladder",
            new { remindBeforeClaimEnds = "00:00:10", remindBeforeDeadline = "30.00:00:00" });
        var garbled = await _client.PutAsJsonAsync($"/api/projects/{projectId}/ladder", new { remindBeforeClaimEnds = "a day" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "between one minute and 14 days");
        Assert.Equal(["remindBeforeClaimEnds", "remindBeforeDeadline"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        await garbled.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(before, await api.Database.SnapshotAsync());
    }

    [Fact]
    public async Task A_second_project_with_the_same_name_in_other_case_is_a_conflict()
    {
        await _client.CreateProjectAsync("WGIG papers");
        var before = await api.Database.SnapshotAsync();

        var response = await _client.PostAsJsonAsync("/api/projects",
            new { name = "wgig  PAPERS", sourceLanguage = "en", targetLanguages = new[] { "fr" } });

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "already exists");
        Assert.Equal(before, await api.Database.SnapshotAsync());
    }

    [Fact]
    public async Task Malformed_json_is_a_400_that_points_at_the_fault()
    {
        var response = await _client.PostAsync("/api/projects",
            new StringContent("""{"name": "x", "targetLanguages": "fr"}""", Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "$.targetLanguages");
        Assert.Equal([0L], await api.Database.QueryAsync<long>("SELECT count(*) FROM translate.projects"));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415()
    {
        var response = await _client.PostAsync("/api/projects", new StringContent("name=x", Encoding.UTF8, "text/plain"));

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task An_unknown_project_id_is_a_404_naming_it()
    {
        var id = Guid.NewGuid();

        var response = await _client.GetAsync($"/api/projects/{id}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, id.ToString());
    }

    [Fact]
    public async Task An_id_that_is_not_a_guid_is_a_400()
    {
        var response = await _client.GetAsync("/api/projects/not-a-guid");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "not-a-guid");
    }

    [Fact]
    public async Task Projects_are_listed_by_name_in_pages()
    {
        foreach (var name in new[] { "Charlie", "Alpha", "Bravo" })
        {
            await _client.CreateProjectAsync(name);
        }

        var page2 = await _client.GetFromJsonAsync<Paged<ProjectResponse>>("/api/projects?page=2&pageSize=2", ApiJson.Options);

        Assert.Equal(["Charlie"], page2!.Items.Select(p => p.Name));
        Assert.Equal((2, 2, 3, 2), (page2.Page, page2.PageSize, page2.TotalCount, page2.TotalPages));
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=501", "pageSize")]
    [InlineData("page=1000001", "page")]
    [InlineData("page=2147483647", "page")] // a 500 before: the rows to skip overflowed
    [InlineData("page=2147483647&pageSize=500", "page")]
    public async Task Paging_out_of_range_is_a_400_naming_the_parameter(string query, string field)
    {
        var response = await _client.GetAsync($"/api/projects?{query}");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }
}
