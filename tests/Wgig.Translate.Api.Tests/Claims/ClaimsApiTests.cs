using System.Net;
using System.Net.Http.Json;
using Wgig.Translate.Api.Claims;
using Wgig.Translate.Api.Documents;
using Wgig.Translate.Api.Members;

namespace Wgig.Translate.Api.Tests.Claims;

public sealed class ClaimsApiTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _coordinator = api.CreateClient(TestAccounts.CoordinatorToken);
    private readonly HttpClient _volunteer = api.CreateClient(TestAccounts.VolunteerToken);

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(Guid ProjectId, Guid DocumentId, Guid Volunteer)> SetUpAsync()
    {
        var projectId = await _coordinator.CreateProjectAsync(targets: ["fr", "es"]);
        var upload = await _coordinator.UploadAsync(projectId, "paper.md", "One two three.\n\nFour five six.\n\nSeven eight.\n"u8.ToArray());
        var document = (await upload.Content.ReadFromJsonAsync<DocumentResponse>(ApiJson.Options))!;
        var volunteer = (await api.Database.QueryAsync<Guid>("SELECT id FROM translate.accounts WHERE email = 'volunteer@test.example'")).Single();
        return (projectId, document.Id, volunteer);
    }

    [Fact]
    public async Task A_volunteer_with_the_right_claims_the_next_batch()
    {
        var (projectId, documentId, volunteer) = await SetUpAsync();
        var granted = await _coordinator.PutAsJsonAsync($"/api/projects/{projectId}/members/{volunteer}/languages/FR", new { canTranslate = true, canReview = false });
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);

        var response = await _volunteer.PostAsJsonAsync($"/api/projects/{projectId}/documents/{documentId}/claims", new { language = "fr", words = 6 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var claim = (await response.Content.ReadFromJsonAsync<ClaimResponse>(ApiJson.Options))!;
        Assert.Equal(("fr", 6, 2), (claim.Language, claim.Words, claim.SegmentIds.Count));
        Assert.Equal([volunteer, volunteer], await api.Database.QueryAsync<Guid>("SELECT claimed_by FROM translate.targets WHERE state = 'Claimed'"));
        var member = Assert.Single((await _coordinator.GetFromJsonAsync<List<MemberResponse>>($"/api/projects/{projectId}/members", ApiJson.Options))!);
        Assert.Equal((volunteer, "fr", true, false), (member.AccountId, member.Language, member.CanTranslate, member.CanReview));
    }

    [Fact]
    public async Task Without_the_right_for_the_language_a_claim_is_forbidden_and_nothing_is_stored()
    {
        var (projectId, documentId, volunteer) = await SetUpAsync();
        await _coordinator.PutAsJsonAsync($"/api/projects/{projectId}/members/{volunteer}/languages/es", new { canTranslate = true, canReview = true });
        var before = await api.Database.SnapshotAsync();

        var response = await _volunteer.PostAsJsonAsync($"/api/projects/{projectId}/documents/{documentId}/claims", new { language = "fr" });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "may not translate into 'fr'");
        Assert.Equal(before, await api.Database.SnapshotAsync());
    }

    [Fact]
    public async Task When_everything_is_claimed_the_next_claim_is_a_conflict()
    {
        var (projectId, documentId, volunteer) = await SetUpAsync();
        await _coordinator.PutAsJsonAsync($"/api/projects/{projectId}/members/{volunteer}/languages/fr", new { canTranslate = true, canReview = false });
        await _volunteer.PostAsJsonAsync($"/api/projects/{projectId}/documents/{documentId}/claims", new { language = "fr", words = 1000 });

        var again = await _volunteer.PostAsJsonAsync($"/api/projects/{projectId}/documents/{documentId}/claims", new { language = "fr" });

        await again.AssertProblemAsync(HttpStatusCode.Conflict, "translated or claimed");
    }

    [Fact]
    public async Task Only_coordinators_grant_rights_and_only_in_target_languages()
    {
        var (projectId, _, volunteer) = await SetUpAsync();

        await (await _volunteer.PutAsJsonAsync($"/api/projects/{projectId}/members/{volunteer}/languages/fr", new { canTranslate = true, canReview = true }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await _coordinator.PutAsJsonAsync($"/api/projects/{projectId}/members/{volunteer}/languages/de", new { canTranslate = true, canReview = true }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "'de' is not a target language");
        await (await _coordinator.PutAsJsonAsync($"/api/projects/{projectId}/members/{Guid.NewGuid()}/languages/fr", new { canTranslate = true, canReview = true }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "no account");
    }

    [Fact]
    public async Task A_claim_is_renewed_by_its_holder_and_released_segments_go_back_to_the_pool()
    {
        var (projectId, documentId, volunteer) = await SetUpAsync();
        await _coordinator.PutAsJsonAsync($"/api/projects/{projectId}/members/{volunteer}/languages/fr", new { canTranslate = true, canReview = false });
        var url = $"/api/projects/{projectId}/documents/{documentId}/claims";
        var claim = (await (await _volunteer.PostAsJsonAsync(url, new { language = "fr", words = 3 })).Content.ReadFromJsonAsync<ClaimResponse>(ApiJson.Options))!;

        var renewed = (await (await _volunteer.PostAsync($"{url}/{claim.ClaimId}/renew", null)).Content.ReadFromJsonAsync<ClaimResponse>(ApiJson.Options))!;
        await (await _coordinator.PostAsync($"{url}/{claim.ClaimId}/release", null)).AssertProblemAsync(HttpStatusCode.NotFound, "no claim");
        var released = await _volunteer.PostAsync($"{url}/{claim.ClaimId}/release", null);
        var again = (await (await _volunteer.PostAsJsonAsync(url, new { language = "fr", words = 3 })).Content.ReadFromJsonAsync<ClaimResponse>(ApiJson.Options))!;

        Assert.True(renewed.ExpiresAt >= claim.ExpiresAt);
        Assert.Equal(HttpStatusCode.NoContent, released.StatusCode);
        Assert.Equal(claim.SegmentIds, again.SegmentIds);
        await (await _volunteer.PostAsync($"{url}/{claim.ClaimId}/renew", null)).AssertProblemAsync(HttpStatusCode.Conflict, "expired or was released");
    }

    [Fact]
    public async Task The_word_cap_counts_open_words_so_handing_work_in_frees_room()
    {
        using var capped = api.WithWebHostBuilder(host => host.UseSetting("Claims:MaxOpenWords", "6"));
        var coordinator = capped.CreateClient();
        coordinator.DefaultRequestHeaders.Authorization = new("Bearer", TestAccounts.CoordinatorToken);
        var volunteerClient = capped.CreateClient();
        volunteerClient.DefaultRequestHeaders.Authorization = new("Bearer", TestAccounts.VolunteerToken);
        var projectId = await coordinator.CreateProjectAsync(targets: ["fr"]);
        var document = (await (await coordinator.UploadAsync(projectId, "paper.md", "One two three.\n\nFour five six.\n\nSeven eight.\n"u8.ToArray()))
            .Content.ReadFromJsonAsync<DocumentResponse>(ApiJson.Options))!;
        var volunteer = (await api.Database.QueryAsync<Guid>("SELECT id FROM translate.accounts WHERE email = 'volunteer@test.example'")).Single();
        await coordinator.PutAsJsonAsync($"/api/projects/{projectId}/members/{volunteer}/languages/fr", new { canTranslate = true, canReview = false });
        var claims = $"/api/projects/{projectId}/documents/{document.Id}/claims";

        var first = (await (await volunteerClient.PostAsJsonAsync(claims, new { language = "fr", words = 6 })).Content.ReadFromJsonAsync<ClaimResponse>(ApiJson.Options))!;
        await (await volunteerClient.PostAsJsonAsync(claims, new { language = "fr" })).AssertProblemAsync(HttpStatusCode.Conflict, "holds 6 words in live claims and may hold at most 6");
        var submitted = await volunteerClient.PutAsJsonAsync($"/api/projects/{projectId}/documents/{document.Id}/segments/{first.SegmentIds[0]}/translations/fr",
            new { runs = new[] { new { text = "Un deux trois." } } });
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);

        var next = await volunteerClient.PostAsJsonAsync(claims, new { language = "fr" });

        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
    }

    [Fact]
    public async Task A_volunteer_claims_chosen_segments_or_a_whole_paragraph_all_or_nothing()
    {
        var (projectId, documentId, volunteer) = await SetUpAsync();
        await _coordinator.PutAsJsonAsync($"/api/projects/{projectId}/members/{volunteer}/languages/fr", new { canTranslate = true, canReview = false });
        var segments = (await _volunteer.GetFromJsonAsync<Wgig.Translate.Api.Paging.Paged<SegmentResponse>>($"/api/projects/{projectId}/documents/{documentId}/segments", ApiJson.Options))!.Items;
        var claims = $"/api/projects/{projectId}/documents/{documentId}/claims";

        var paragraph = await _volunteer.PostAsJsonAsync(claims, new { language = "fr", paragraph = segments[1].Paragraph });
        Assert.Equal(HttpStatusCode.Created, paragraph.StatusCode);
        Assert.Equal([segments[1].Id], (await paragraph.Content.ReadFromJsonAsync<ClaimResponse>(ApiJson.Options))!.SegmentIds);
        var before = await api.Database.SnapshotAsync();

        // The second is already claimed (by this volunteer, under another claim): nothing is claimed.
        await (await _volunteer.PostAsJsonAsync(claims, new { language = "fr", segmentIds = new[] { segments[0].Id, segments[1].Id } }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "Nothing was claimed");
        await (await _volunteer.PostAsJsonAsync(claims, new { language = "fr", segmentIds = new[] { Guid.NewGuid() } }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "has no current segment(s)");
        Assert.Equal(before, await api.Database.SnapshotAsync());

        var chosen = await _volunteer.PostAsJsonAsync(claims, new { language = "fr", segmentIds = new[] { segments[2].Id, segments[0].Id } });
        Assert.Equal([segments[0].Id, segments[2].Id], (await chosen.Content.ReadFromJsonAsync<ClaimResponse>(ApiJson.Options))!.SegmentIds);
    }
}
