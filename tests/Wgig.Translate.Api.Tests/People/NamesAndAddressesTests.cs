using System.Net;
using System.Net.Http.Json;
using Wgig.Translate.Api.Deadlines;
using Wgig.Translate.Api.Documents;
using Wgig.Translate.Api.Paging;
using Wgig.Translate.Api.Projects;
using Wgig.Translate.Api.Translations;
using Wgig.Translate.Domain.Activity;
using Wgig.Translate.Domain.Balancing;

namespace Wgig.Translate.Api.Tests.People;

/// <summary>People are shown by name in every answer (the id stays beside it for machines), and named by id or e-mail in every request.</summary>
public sealed class NamesAndAddressesTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(HttpClient Coordinator, Guid Project, DocumentResponse Document, IReadOnlyList<SegmentResponse> Segments)> PaperAsync()
    {
        var coordinator = api.CreateClient(TestAccounts.CoordinatorToken);
        var projectId = await coordinator.CreateProjectAsync(targets: ["fr"]);
        var document = (await (await coordinator.UploadAsync(projectId, "paper.md", "The group met.\n\nIt wrote a report.\n"u8.ToArray()))
            .Content.ReadFromJsonAsync<DocumentResponse>(ApiJson.Options))!;
        var segments = (await coordinator.GetFromJsonAsync<Paged<SegmentResponse>>($"/api/projects/{projectId}/documents/{document.Id}/segments", ApiJson.Options))!.Items;
        return (coordinator, projectId, document, segments);
    }

    [Fact]
    public async Task Answers_name_who_set_a_deadline_uploaded_a_version_ran_a_project_and_holds_a_claim()
    {
        var (coordinator, project, document, segments) = await PaperAsync();
        var coordinatorId = (await api.Database.QueryAsync<Guid>("SELECT id FROM translate.accounts WHERE email = 'coordinator@test.example'")).Single();

        var deadline = (await (await coordinator.PutAsJsonAsync($"/api/projects/{project}/documents/{document.Id}/deadlines/fr",
            new { dueAt = api.Clock.GetUtcNow().AddDays(10) })).Content.ReadFromJsonAsync<DeadlineResponse>(ApiJson.Options))!;
        Assert.Equal((coordinatorId, "coordinator"), (deadline.SetBy, deadline.SetByName));
        Assert.Equal("coordinator", (await coordinator.GetFromJsonAsync<DeadlineResponse>($"/api/projects/{project}/documents/{document.Id}/deadlines/fr", ApiJson.Options))!.SetByName);
        Assert.Equal("coordinator", Assert.Single(document.Versions).ImportedByName);
        Assert.Equal("coordinator",
            Assert.Single((await coordinator.GetFromJsonAsync<DocumentResponse>($"/api/projects/{project}/documents/{document.Id}", ApiJson.Options))!.Versions).ImportedByName);
        Assert.Equal("coordinator", Assert.Single((await coordinator.GetFromJsonAsync<List<StaffResponse>>($"/api/projects/{project}/staff", ApiJson.Options))!).AddedByName);

        // The balancing proposal and the assignment name the volunteer; the translation names its claimant.
        Assert.Equal(HttpStatusCode.OK,
            (await coordinator.PutAsJsonAsync($"/api/projects/{project}/members/volunteer@test.example/languages/fr", new { canTranslate = true, canReview = false })).StatusCode);
        var proposal = (await coordinator.GetFromJsonAsync<List<ProposedBatch>>($"/api/projects/{project}/documents/{document.Id}/assignments/proposal?language=fr", ApiJson.Options))!;
        Assert.Equal("volunteer", Assert.Single(proposal).VolunteerName);
        var applied = (await (await coordinator.PostAsJsonAsync($"/api/projects/{project}/documents/{document.Id}/assignments", new { language = "fr" }))
            .Content.ReadFromJsonAsync<List<AssignedBatch>>(ApiJson.Options))!;
        Assert.Equal("volunteer", Assert.Single(applied).VolunteerName);
        var translation = (await coordinator.GetFromJsonAsync<TranslationResponse>(
            $"/api/projects/{project}/documents/{document.Id}/segments/{segments[0].Id}/translations/fr", ApiJson.Options))!;
        Assert.Equal("volunteer", translation.ClaimedByName);
        var history = (await coordinator.GetFromJsonAsync<List<HistoryEntry>>(
            $"/api/projects/{project}/documents/{document.Id}/segments/{segments[0].Id}/translations/fr/history", ApiJson.Options))!;
        var claimed = Assert.Single(history);
        Assert.Equal(("volunteer", "assigned by coordinator"), (claimed.ActorName, claimed.Comment));
        Assert.Contains("coordinator, a coordinator, assigned it to you",
            Assert.Single(await api.Database.QueryAsync<string>("SELECT text FROM translate.notifications WHERE kind = 'WorkAssigned'")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wherever_a_person_is_named_an_e_mail_address_does_as_well_as_an_id_and_neither_is_a_clear_4xx()
    {
        var (coordinator, project, document, segments) = await PaperAsync();
        var ana = (await api.Database.QueryAsync<Guid>("SELECT id FROM translate.accounts WHERE email = 'volunteer@test.example'")).Single();

        // Rights: by address, in any case; an unknown address or a word that is neither is a 404 naming it, and grants nothing.
        Assert.Equal(HttpStatusCode.OK,
            (await coordinator.PutAsJsonAsync($"/api/projects/{project}/members/Volunteer@Test.Example/languages/fr", new { canTranslate = true, canReview = false })).StatusCode);
        await (await coordinator.PutAsJsonAsync($"/api/projects/{project}/members/nobody@test.example/languages/fr", new { canTranslate = true, canReview = false }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "No account has the id or e-mail address 'nobody@test.example'");
        await (await coordinator.PutAsJsonAsync($"/api/projects/{project}/members/bob/languages/fr", new { canTranslate = true, canReview = false }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "'bob'");
        Assert.Equal([ana], await api.Database.QueryAsync<Guid>("SELECT account_id FROM translate.project_members"));

        // Assignments: the volunteer by address; an unknown one names the field and assigns nothing.
        var url = $"/api/projects/{project}/documents/{document.Id}/assignments";
        await (await coordinator.PostAsJsonAsync(url, new
        {
            language = "fr",
            assignments = new object[]
            {
                new { volunteerId = "volunteer@test.example", kind = "Translate", segmentIds = new[] { segments[0].Id } },
                new { volunteerId = "nobody@test.example", kind = "Translate", segmentIds = new[] { segments[1].Id } },
            },
        })).AssertProblemAsync(HttpStatusCode.BadRequest, "nobody@test.example");
        Assert.Equal([0L], await api.Database.QueryAsync<long>("SELECT count(*) FROM translate.claims"));
        var assigned = (await (await coordinator.PostAsJsonAsync(url, new
        {
            language = "fr",
            assignments = new[] { new { volunteerId = "volunteer@test.example", kind = "Translate", segmentIds = new[] { segments[0].Id } } },
        })).Content.ReadFromJsonAsync<List<AssignedBatch>>(ApiJson.Options))!;
        Assert.Equal((ana, "volunteer"), (Assert.Single(assigned).VolunteerId, assigned[0].VolunteerName));
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsJsonAsync(url, new
        {
            language = "fr",
            assignments = new[] { new { volunteerId = ana.ToString(), kind = "Translate", segmentIds = new[] { segments[1].Id } } },
        })).StatusCode);

        // The activity feed filtered by person takes the address too.
        var mine = (await coordinator.GetFromJsonAsync<List<ActivityEntry>>($"/api/projects/{project}/activity?person=volunteer@test.example", ApiJson.Options))!;
        Assert.NotEmpty(mine);
        Assert.All(mine, e => Assert.Equal(ana, e.PersonId));
        await (await coordinator.GetAsync($"/api/projects/{project}/activity?person=nobody@test.example")).AssertProblemAsync(HttpStatusCode.BadRequest, "nobody@test.example");

        // A profile and a pause by address.
        Assert.Equal("volunteer", (await coordinator.GetFromJsonAsync<Profiles.ProfileResponse>("/api/accounts/volunteer@test.example/profile", ApiJson.Options))!.Name);
    }
}
