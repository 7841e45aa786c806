using System.Net;
using System.Net.Http.Json;
using Wgig.Translate.Api.Claims;
using Wgig.Translate.Api.Documents;
using Wgig.Translate.Api.Paging;
using Wgig.Translate.Api.Translations;
using Wgig.Translate.Domain.Activity;
using Wgig.Translate.Domain.Claims;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Api.Tests.Claims;

public sealed class TakeBackTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(HttpClient Coordinator, HttpClient Ana, Guid Project, Guid Document, IReadOnlyList<SegmentResponse> Segments, ClaimResponse Claim)> AnaClaimsAllAsync()
    {
        var coordinator = api.CreateClient(TestAccounts.CoordinatorToken);
        var ana = api.CreateClient(TestAccounts.VolunteerToken);
        var projectId = await coordinator.CreateProjectAsync(targets: ["fr"]);
        var document = (await (await coordinator.UploadAsync(projectId, "paper.md", "The group met.\n\nIt wrote a report.\n\nThe report went out.\n"u8.ToArray()))
            .Content.ReadFromJsonAsync<DocumentResponse>(ApiJson.Options))!;
        var segments = (await coordinator.GetFromJsonAsync<Paged<SegmentResponse>>($"/api/projects/{projectId}/documents/{document.Id}/segments", ApiJson.Options))!.Items;
        Assert.Equal(HttpStatusCode.OK,
            (await coordinator.PutAsJsonAsync($"/api/projects/{projectId}/members/volunteer@test.example/languages/fr", new { canTranslate = true, canReview = false })).StatusCode);
        var claim = (await (await ana.PostAsJsonAsync($"/api/projects/{projectId}/documents/{document.Id}/claims", new { language = "fr", words = 1000 }))
            .Content.ReadFromJsonAsync<ClaimResponse>(ApiJson.Options))!;
        Assert.Equal(segments.Select(s => s.Id), claim.SegmentIds);
        return (coordinator, ana, projectId, document.Id, segments, claim);
    }

    private static string Translation(Guid project, Guid document, Guid segment) => $"/api/projects/{project}/documents/{document}/segments/{segment}/translations/fr";

    [Fact]
    public async Task A_coordinator_takes_a_claim_back_the_handed_in_work_stays_the_drafts_become_suggestions_and_everyone_is_told_who_did_it()
    {
        var (coordinator, ana, project, document, segments, claim) = await AnaClaimsAllAsync();
        Assert.Equal(HttpStatusCode.OK, (await ana.PutAsJsonAsync(Translation(project, document, segments[0].Id), new { runs = new[] { new { text = "Le groupe s’est réuni." } } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ana.PutAsJsonAsync(Translation(project, document, segments[1].Id) + "/draft", new { runs = new[] { new { text = "Il a rédigé" } } })).StatusCode);

        // The claims view names Ana and counts what is left and drafted.
        var inProgress = (await coordinator.GetFromJsonAsync<List<ClaimInProgress>>($"/api/projects/{project}/documents/{document}/claims?language=fr", ApiJson.Options))!;
        var held = Assert.Single(inProgress);
        Assert.Equal((claim.ClaimId, "volunteer", 2, 1), (held.ClaimId, held.VolunteerName, held.Remaining.Count, held.Drafts));

        var response = await coordinator.PostAsJsonAsync($"/api/projects/{project}/documents/{document}/claims/{claim.ClaimId}/take-back", new { reason = "She is away this week" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var taken = (await response.Content.ReadFromJsonAsync<TakenBack>(ApiJson.Options))!;
        Assert.Equal((2, 1, true, "volunteer"), (taken.SegmentIds.Count, taken.DraftsKept, taken.ClaimEnded, taken.VolunteerName));
        Assert.Equal(["Translated", "Untranslated", "Untranslated"],
            await api.Database.QueryAsync<string>($"SELECT t.state FROM translate.targets t WHERE t.document_id = '{document}' ORDER BY t.ordinal"));
        Assert.Empty(await coordinator.GetFromJsonAsync<List<ClaimInProgress>>($"/api/projects/{project}/documents/{document}/claims?language=fr", ApiJson.Options) ?? []);

        // The history names the coordinator; the draft is kept there, by its author.
        var history = (await coordinator.GetFromJsonAsync<List<HistoryEntry>>(Translation(project, document, segments[1].Id) + "/history", ApiJson.Options))!;
        var ended = Assert.Single(history, h => h.Kind == TargetEventKind.ClaimTakenBack);
        Assert.Equal(("coordinator", "Taken back from volunteer by coordinator: She is away this week"), (ended.ActorName, ended.Comment));
        var kept = Assert.Single(history, h => h.Kind == TargetEventKind.DraftSetAside);
        Assert.Equal(("volunteer", "Il a rédigé"), (kept.ActorName, kept.Text!.Text));

        // Ana hears of it, and her claim is over: the draft field no longer takes her writing.
        var told = Assert.Single(await api.Database.QueryAsync<string>("SELECT text FROM translate.notifications WHERE kind = 'WorkTakenBack'"));
        Assert.Contains("coordinator took back 2 segment(s) of paper.md (fr) from your claim: She is away this week.", told, StringComparison.Ordinal);
        Assert.Contains("Your 1 draft(s) are kept", told, StringComparison.Ordinal);
        await (await ana.PutAsJsonAsync(Translation(project, document, segments[1].Id) + "/draft", new { runs = new[] { new { text = "Il a rédigé un rapport." } } }))
            .AssertProblemAsync(HttpStatusCode.Conflict);

        // The next translator is offered Ana's draft, by her name.
        Assert.Equal(HttpStatusCode.OK,
            (await coordinator.PutAsJsonAsync($"/api/projects/{project}/members/volunteer2@test.example/languages/fr", new { canTranslate = true, canReview = false })).StatusCode);
        var bo = api.CreateClient(TestAccounts.SecondVolunteerToken);
        Assert.Equal(HttpStatusCode.Created, (await bo.PostAsJsonAsync($"/api/projects/{project}/documents/{document}/claims", new { language = "fr", words = 1000 })).StatusCode);
        var offered = (await bo.GetFromJsonAsync<TranslationResponse>(Translation(project, document, segments[1].Id), ApiJson.Options))!;
        var suggestion = Assert.Single(offered.Suggestions!);
        Assert.Equal(("Il a rédigé", "volunteer"), (suggestion.Text.Text, suggestion.AuthorName));
        Assert.Equal("volunteer2", offered.ClaimedByName);

        // The activity feed says who took what back from whom.
        var activity = (await coordinator.GetFromJsonAsync<List<ActivityEntry>>($"/api/projects/{project}/activity?kind=Claim", ApiJson.Options))!;
        var entry = Assert.Single(activity, e => e.What == "ClaimTakenBack");
        Assert.Equal(("coordinator", 2, "paper.md"), (entry.PersonName, entry.Segments, entry.Path));
        Assert.StartsWith("Taken back from volunteer by coordinator", entry.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Taking_back_chosen_segments_leaves_the_rest_with_the_volunteer_and_a_segment_not_left_in_the_claim_changes_nothing()
    {
        var (coordinator, ana, project, document, segments, claim) = await AnaClaimsAllAsync();
        Assert.Equal(HttpStatusCode.OK, (await ana.PutAsJsonAsync(Translation(project, document, segments[0].Id), new { runs = new[] { new { text = "Le groupe s’est réuni." } } })).StatusCode);
        var url = $"/api/projects/{project}/documents/{document}/claims/{claim.ClaimId}/take-back";
        var before = await api.Database.QueryAsync<string>("SELECT state || coalesce(claimed_by::text, '') FROM translate.targets ORDER BY ordinal");

        // The first segment was handed in already: it is not Ana's to give up any more.
        await (await coordinator.PostAsJsonAsync(url, new { segmentIds = new[] { segments[0].Id, segments[2].Id } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "not left in this claim");
        await (await coordinator.PostAsJsonAsync(url, new { reason = new string('x', 501) })).AssertProblemAsync(HttpStatusCode.BadRequest, "at most 500 characters");
        Assert.Equal(before, await api.Database.QueryAsync<string>("SELECT state || coalesce(claimed_by::text, '') FROM translate.targets ORDER BY ordinal"));

        var taken = (await (await coordinator.PostAsJsonAsync(url, new { segmentIds = new[] { segments[2].Id } })).Content.ReadFromJsonAsync<TakenBack>(ApiJson.Options))!;

        Assert.Equal([segments[2].Id], taken.SegmentIds);
        Assert.False(taken.ClaimEnded);
        Assert.Equal(HttpStatusCode.OK, (await ana.PutAsJsonAsync(Translation(project, document, segments[1].Id), new { runs = new[] { new { text = "Il a rédigé un rapport." } } })).StatusCode);
        Assert.Equal(["Translated", "Translated", "Untranslated"], await api.Database.QueryAsync<string>("SELECT state FROM translate.targets ORDER BY ordinal"));
        Assert.Contains("The rest of it stays yours until",
            Assert.Single(await api.Database.QueryAsync<string>("SELECT text FROM translate.notifications WHERE kind = 'WorkTakenBack'")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_projects_staff_take_work_back_and_an_ended_claim_cannot_be_taken_back()
    {
        var (coordinator, ana, project, document, _, claim) = await AnaClaimsAllAsync();
        var url = $"/api/projects/{project}/documents/{document}/claims/{claim.ClaimId}/take-back";

        await (await ana.PostAsJsonAsync(url, new { })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await api.CreateClient(TestAccounts.OtherCoordinatorToken).PostAsJsonAsync(url, new { })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await coordinator.PostAsJsonAsync($"/api/projects/{project}/documents/{document}/claims/{Guid.NewGuid()}/take-back", new { }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "no claim or review batch");

        Assert.Equal(HttpStatusCode.NoContent, (await ana.PostAsync($"/api/projects/{project}/documents/{document}/claims/{claim.ClaimId}/release", null)).StatusCode);
        await (await coordinator.PostAsJsonAsync(url, new { })).AssertProblemAsync(HttpStatusCode.Conflict, "expired or was released");
        Assert.Equal([0L], await api.Database.QueryAsync<long>("SELECT count(*) FROM translate.notifications WHERE kind = 'WorkTakenBack'"));
    }
}
