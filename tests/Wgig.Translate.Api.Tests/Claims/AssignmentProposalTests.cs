using System.Net;
using System.Net.Http.Json;
using Wgig.Translate.Api.Documents;
using Wgig.Translate.Api.Paging;
using Wgig.Translate.Domain.Balancing;

namespace Wgig.Translate.Api.Tests.Claims;

public sealed class AssignmentProposalTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Coordinators_preview_who_would_take_the_open_translation_and_review_work()
    {
        var coordinator = api.CreateClient(TestAccounts.CoordinatorToken);
        var ana = api.CreateClient(TestAccounts.VolunteerToken);
        var bo = api.CreateClient(TestAccounts.SecondVolunteerToken);
        var projectId = await coordinator.CreateProjectAsync(targets: ["fr"]);
        var document = (await (await coordinator.UploadAsync(projectId, "paper.md", "The group met.\n\nIt wrote a report.\n\nThe report went out.\n"u8.ToArray()))
            .Content.ReadFromJsonAsync<DocumentResponse>(ApiJson.Options))!;
        var segments = (await coordinator.GetFromJsonAsync<Paged<SegmentResponse>>($"/api/projects/{projectId}/documents/{document.Id}/segments", ApiJson.Options))!.Items;
        var ids = new Dictionary<string, Guid>();
        foreach (var email in new[] { "volunteer@test.example", "volunteer2@test.example" })
        {
            ids[email] = (await api.Database.QueryAsync<Guid>($"SELECT id FROM translate.accounts WHERE email = '{email}'")).Single();
            await coordinator.PutAsJsonAsync($"/api/projects/{projectId}/members/{ids[email]}/languages/fr", new { canTranslate = true, canReview = true });
        }
        await ana.PostAsJsonAsync($"/api/projects/{projectId}/documents/{document.Id}/claims", new { language = "fr", words = 1 });
        await ana.PutAsJsonAsync($"/api/projects/{projectId}/documents/{document.Id}/segments/{segments[0].Id}/translations/fr", new { runs = new[] { new { text = "Le groupe s’est réuni." } } });
        var url = $"/api/projects/{projectId}/documents/{document.Id}/assignments/proposal?language=fr";

        var proposal = (await coordinator.GetFromJsonAsync<List<ProposedBatch>>(url, ApiJson.Options))!;

        Assert.Equal([WorkKind.Review, WorkKind.Translate], proposal.Select(b => b.Kind));
        Assert.Equal([segments[0].Id], proposal[0].SegmentIds);
        Assert.Equal(ids["volunteer2@test.example"], proposal[0].VolunteerId); // never the translator
        Assert.Equal(segments.Skip(1).Select(s => s.Id), proposal[1].SegmentIds);
        Assert.NotNull(proposal[1].VolunteerId);

        // Bo pauses: the review has nobody else, and the proposal says so.
        Assert.Equal(HttpStatusCode.OK, (await bo.PostAsJsonAsync("/api/me/profile/pause", new { reason = "holiday" })).StatusCode);
        var without = (await coordinator.GetFromJsonAsync<List<ProposedBatch>>(url, ApiJson.Options))!;
        Assert.Null(without[0].VolunteerId);
        Assert.Equal("the only available reviewer translated it", without[0].Reason);
        Assert.Equal(ids["volunteer@test.example"], without[1].VolunteerId);
        Assert.Equal([0L], await api.Database.QueryAsync<long>("SELECT count(*) FROM translate.targets WHERE state = 'Claimed'"));
    }

    [Fact]
    public async Task Applying_the_proposal_or_a_batch_by_hand_claims_in_the_volunteers_name_and_says_who_assigned_it()
    {
        var coordinator = api.CreateClient(TestAccounts.CoordinatorToken);
        var projectId = await coordinator.CreateProjectAsync(targets: ["fr"]);
        var document = (await (await coordinator.UploadAsync(projectId, "paper.md", "The group met.\n\nIt wrote a report.\n\nThe report went out.\n"u8.ToArray()))
            .Content.ReadFromJsonAsync<DocumentResponse>(ApiJson.Options))!;
        var segments = (await coordinator.GetFromJsonAsync<Paged<SegmentResponse>>($"/api/projects/{projectId}/documents/{document.Id}/segments", ApiJson.Options))!.Items;
        var ana = (await api.Database.QueryAsync<Guid>("SELECT id FROM translate.accounts WHERE email = 'volunteer@test.example'")).Single();
        var bo = (await api.Database.QueryAsync<Guid>("SELECT id FROM translate.accounts WHERE email = 'volunteer2@test.example'")).Single();
        await coordinator.PutAsJsonAsync($"/api/projects/{projectId}/members/{ana}/languages/fr", new { canTranslate = true, canReview = false });
        var url = $"/api/projects/{projectId}/documents/{document.Id}/assignments";

        // By hand: the first segment to Ana. Bo has no right, so nothing happens for him.
        await (await coordinator.PostAsJsonAsync(url, new { language = "fr", assignments = new[] { new { volunteerId = bo, kind = "Translate", segmentIds = new[] { segments[0].Id } } } }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "may not translate into 'fr'");
        var due = api.Clock.GetUtcNow().AddDays(5);
        await (await coordinator.PostAsJsonAsync(url, new { language = "fr", assignments = new[] { new { volunteerId = ana, kind = "Translate", segmentIds = new[] { segments[0].Id }, dueAt = due.AddDays(30) } } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "within 14 days");
        var byHand = await coordinator.PostAsJsonAsync(url, new { language = "fr", assignments = new[] { new { volunteerId = ana, kind = "Translate", segmentIds = new[] { segments[0].Id }, dueAt = due } } });
        Assert.Equal(HttpStatusCode.OK, byHand.StatusCode);
        // The batch has its own deadline: its claim ends then, not after the usual 48 hours.
        Assert.Equal([due.UtcDateTime], await api.Database.QueryAsync<DateTime>("SELECT expires_at FROM translate.claims WHERE due_at IS NOT NULL"));
        Assert.Equal(["WorkAssigned"], await api.Database.QueryAsync<string>($"SELECT kind FROM translate.notifications WHERE account_id = '{ana}'"));

        // The proposal takes the rest (the first is claimed now) and gives it to the only translator.
        var applied = (await (await coordinator.PostAsJsonAsync(url, new { language = "fr" })).Content.ReadFromJsonAsync<List<AssignedBatch>>(ApiJson.Options))!;
        var batch = Assert.Single(applied);
        Assert.Equal(ana, batch.VolunteerId);
        Assert.Equal(segments.Skip(1).Select(s => s.Id), batch.SegmentIds);
        Assert.Empty(batch.Skipped);

        Assert.Equal(Enumerable.Repeat("assigned by coordinator", 3), await api.Database.QueryAsync<string>("SELECT comment FROM translate.target_events WHERE kind = 'Claimed'"));
        Assert.Equal([ana, ana, ana], await api.Database.QueryAsync<Guid>("SELECT claimed_by FROM translate.targets WHERE state = 'Claimed'"));

        // Assigning what is taken skips it and says why.
        var again = (await (await coordinator.PostAsJsonAsync(url, new { language = "fr", assignments = new[] { new { volunteerId = ana, kind = "Translate", segmentIds = new[] { segments[0].Id } } } }))
            .Content.ReadFromJsonAsync<List<AssignedBatch>>(ApiJson.Options))!;
        Assert.Contains("claimed by another volunteer", Assert.Single(Assert.Single(again).Skipped).Reason, StringComparison.Ordinal);
    }
}
