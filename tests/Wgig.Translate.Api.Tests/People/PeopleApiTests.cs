using System.Net;
using System.Net.Http.Json;
using Wgig.Translate.Api.Documents;
using Wgig.Translate.Api.Members;
using Wgig.Translate.Domain.Dashboard;
using Wgig.Translate.Domain.People;

namespace Wgig.Translate.Api.Tests.People;

public sealed class PeopleApiTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _coordinator = api.CreateClient(TestAccounts.CoordinatorToken);
    private readonly HttpClient _volunteer = api.CreateClient(TestAccounts.VolunteerToken);

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(Guid ProjectId, Guid DocumentId)> ProjectAsync()
    {
        var projectId = await _coordinator.CreateProjectAsync(targets: ["fr", "es"]);
        var upload = await _coordinator.UploadAsync(projectId, "paper.md", "One two three.\n\nFour five six.\n\nSeven eight.\n"u8.ToArray());
        return (projectId, (await upload.Content.ReadFromJsonAsync<DocumentResponse>(ApiJson.Options))!.Id);
    }

    [Fact]
    public async Task Rights_are_granted_by_e_mail_address_and_answered_with_the_persons_name()
    {
        var (projectId, _) = await ProjectAsync();

        var granted = await _coordinator.PutAsJsonAsync($"/api/projects/{projectId}/members/Volunteer@Test.Example/languages/fr", new { canTranslate = true, canReview = false });

        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        var member = (await granted.Content.ReadFromJsonAsync<MemberResponse>(ApiJson.Options))!;
        var volunteer = (await api.Database.QueryAsync<Guid>("SELECT id FROM translate.accounts WHERE email = 'volunteer@test.example'")).Single();
        Assert.Equal(volunteer, member.AccountId);
        Assert.False(string.IsNullOrEmpty(member.Name));
        Assert.DoesNotContain(volunteer.ToString(), member.Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_e_mail_address_nobody_has_is_a_404_and_changes_nothing()
    {
        var (projectId, _) = await ProjectAsync();
        var before = await api.Database.SnapshotAsync();

        var response = await _coordinator.PutAsJsonAsync($"/api/projects/{projectId}/members/nobody@test.example/languages/fr", new { canTranslate = true, canReview = false });

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "nobody@test.example");
        Assert.Equal(before, await api.Database.SnapshotAsync());
    }

    [Fact]
    public async Task The_project_directory_lists_people_with_their_rights_load_and_filters()
    {
        var (projectId, documentId) = await ProjectAsync();
        await _coordinator.PutAsJsonAsync($"/api/projects/{projectId}/members/volunteer@test.example/languages/fr", new { canTranslate = true, canReview = false });
        await _coordinator.PutAsJsonAsync($"/api/projects/{projectId}/members/volunteer2@test.example/languages/es", new { canTranslate = false, canReview = true });
        (await _volunteer.PostAsJsonAsync($"/api/projects/{projectId}/documents/{documentId}/claims", new { language = "fr", words = 6 })).EnsureSuccessStatusCode();

        var all = (await _coordinator.GetFromJsonAsync<PeoplePage>($"/api/projects/{projectId}/people", ApiJson.Options))!;
        var french = (await _coordinator.GetFromJsonAsync<PeoplePage>($"/api/projects/{projectId}/people?language=FR", ApiJson.Options))!;
        var found = (await _coordinator.GetFromJsonAsync<PeoplePage>($"/api/people?q=VOLUNTEER2", ApiJson.Options))!;

        Assert.Equal(2, all.Total);
        var translator = Assert.Single(french.Items);
        Assert.Equal("volunteer@test.example", translator.Email);
        Assert.Equal(6, translator.OpenWords);
        Assert.Equal([new PersonRight(projectId, translator.Rights[0].ProjectName, "fr", true, false)], translator.Rights);
        Assert.NotNull(translator.LastActiveAt);
        Assert.Equal("volunteer2@test.example", Assert.Single(found.Items).Email);
    }

    [Theory]
    [InlineData("role=owner", "role")]
    [InlineData("status=sleeping", "status")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("language=not%20a%20tag", "language")]
    public async Task A_bad_filter_is_a_400_naming_it(string query, string field)
    {
        var response = await _coordinator.GetAsync($"/api/people?{query}");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task The_dashboard_reads_progress_deadlines_and_workload_in_words()
    {
        var (projectId, documentId) = await ProjectAsync();
        await _coordinator.PutAsJsonAsync($"/api/projects/{projectId}/members/volunteer@test.example/languages/fr", new { canTranslate = true, canReview = false });
        (await _volunteer.PostAsJsonAsync($"/api/projects/{projectId}/documents/{documentId}/claims", new { language = "fr", words = 6 })).EnsureSuccessStatusCode();
        (await _coordinator.PutAsJsonAsync($"/api/projects/{projectId}/documents/{documentId}/deadlines/fr", new { dueAt = DateTimeOffset.UtcNow.AddDays(3) }))
            .EnsureSuccessStatusCode();

        var dashboard = (await _coordinator.GetFromJsonAsync<ProjectDashboardView>($"/api/projects/{projectId}/dashboard", ApiJson.Options))!;

        var document = Assert.Single(dashboard.Documents);
        Assert.Equal(["fr", "es"], document.Languages.Select(l => l.Language));
        Assert.NotNull(document.Languages[0].Deadline);
        Assert.Null(document.Languages[1].Deadline);
        var person = Assert.Single(dashboard.Workload);
        Assert.Equal((6, "volunteer@test.example"), (person.OpenWords, person.Email));
    }

    [Fact]
    public async Task The_activity_feed_tells_a_batch_as_one_entry_with_the_persons_name_and_filters_by_kind()
    {
        var (projectId, documentId) = await ProjectAsync();
        await _coordinator.PutAsJsonAsync($"/api/projects/{projectId}/members/volunteer@test.example/languages/fr", new { canTranslate = true, canReview = false });
        (await _volunteer.PostAsJsonAsync($"/api/projects/{projectId}/documents/{documentId}/claims", new { language = "fr", words = 6 })).EnsureSuccessStatusCode();

        var all = (await _coordinator.GetFromJsonAsync<List<Domain.Activity.ActivityEntry>>($"/api/projects/{projectId}/activity", ApiJson.Options))!;
        var claims = (await _coordinator.GetFromJsonAsync<List<Domain.Activity.ActivityEntry>>($"/api/projects/{projectId}/activity?kind=claim", ApiJson.Options))!;
        var bad = await _coordinator.GetAsync($"/api/projects/{projectId}/activity?kind=gossip");

        Assert.Equal([Domain.Activity.ActivityKind.Claim, Domain.Activity.ActivityKind.Import], all.Select(e => e.Kind));
        var claim = Assert.Single(claims);
        Assert.Equal(("Claimed", "volunteer", "fr", "paper.md"), (claim.What, claim.PersonName, claim.Language, claim.Path));
        await bad.AssertProblemAsync(HttpStatusCode.BadRequest, "gossip");
    }
}
