using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Wgig.Translate.Api.Documents;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Projects;

namespace Wgig.Translate.Api.Tests.Security;

/// <summary>
/// Per-language right checks kept by the API process (<see cref="RightAnswers"/>) end as what they depend on changes: at once
/// for changes this process saves, and as soon as PostgreSQL's notice arrives for changes made elsewhere (another API process,
/// the Worker, by hand). Each test first claims once, so that the right check is kept, then changes one thing it depends on.
/// </summary>
public sealed class RightRevocationTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private static readonly TimeSpan NoticeWait = TimeSpan.FromSeconds(30);

    private readonly HttpClient _coordinator = api.CreateClient(TestAccounts.CoordinatorToken);
    private readonly HttpClient _volunteer = api.CreateClient(TestAccounts.VolunteerToken);
    private Guid _projectId;
    private Guid _documentId;
    private Guid _volunteerId;

    public async Task InitializeAsync()
    {
        await api.ResetAsync();
        _projectId = await _coordinator.CreateProjectAsync(targets: ["fr", "es"]);
        var upload = await _coordinator.UploadAsync(_projectId, "paper.md",
            "One two three.\n\nFour five six.\n\nSeven eight nine.\n\nTen eleven twelve.\n\nThirteen fourteen.\n\nFifteen sixteen.\n"u8.ToArray());
        _documentId = (await upload.Content.ReadFromJsonAsync<DocumentResponse>(ApiJson.Options))!.Id;
        _volunteerId = (await api.Database.QueryAsync<Guid>("SELECT id FROM translate.accounts WHERE email = 'volunteer@test.example'")).Single();
        await GrantAsync(_coordinator, translate: true);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private RightAnswers Kept => api.Services.GetRequiredService<RightAnswers>();

    private string Claims => $"/api/projects/{_projectId}/documents/{_documentId}/claims";

    private Task<HttpResponseMessage> GrantAsync(HttpClient coordinator, bool translate) =>
        coordinator.PutAsJsonAsync($"/api/projects/{_projectId}/members/{_volunteerId}/languages/fr", new { canTranslate = translate, canReview = false });

    private Task<HttpResponseMessage> ClaimAsync() => _volunteer.PostAsJsonAsync(Claims, new { language = "fr", words = 3 });

    private RightQuestion Question => new(_volunteerId, _projectId, _documentId, "fr", LanguageRight.Translate);

    // Claimed once, so that its right check is kept: the next claims would be answered from what is kept. The notices of
    // the changes made so far (the reset, the grants) are heard first: one arriving during the claim would rightly stop
    // the answer from being kept.
    private async Task<Guid> ClaimedAndKeptAsync()
    {
        await api.NoticesHeardAsync();
        var claimed = await ClaimAsync();
        Assert.Equal(HttpStatusCode.Created, claimed.StatusCode);
        Assert.True(Kept.TryGet(Question, out _));
        return (await claimed.Content.ReadFromJsonAsync<Wgig.Translate.Api.Claims.ClaimResponse>(ApiJson.Options))!.SegmentIds[0];
    }

    [Fact]
    public async Task A_kept_right_check_answers_the_next_claim_without_asking_the_database_again()
    {
        await ClaimedAndKeptAsync();
        Assert.True(Kept.TryGet(Question, out var kept));

        Assert.Equal(HttpStatusCode.Created, (await ClaimAsync()).StatusCode);

        Assert.True(Kept.TryGet(Question, out var after));
        Assert.Same(kept, after);
    }

    [Fact]
    public async Task A_right_taken_away_through_the_api_stops_claims_drafts_and_submissions_on_the_very_next_call()
    {
        var segment = await ClaimedAndKeptAsync();

        Assert.Equal(HttpStatusCode.OK, (await GrantAsync(_coordinator, translate: false)).StatusCode);

        await (await ClaimAsync()).AssertProblemAsync(HttpStatusCode.Forbidden, "may not translate into 'fr'");
        var translation = $"/api/projects/{_projectId}/documents/{_documentId}/segments/{segment}/translations/fr";
        await (await _volunteer.PutAsJsonAsync($"{translation}/draft", new { runs = new[] { new { text = "Un" } } })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await _volunteer.PutAsJsonAsync(translation, new { runs = new[] { new { text = "Un" } } })).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_volunteer_paused_through_the_api_stops_claiming_on_the_very_next_call()
    {
        await ClaimedAndKeptAsync();

        Assert.Equal(HttpStatusCode.OK, (await _volunteer.PostAsJsonAsync("/api/me/profile/pause", new { reason = "Away" })).StatusCode);

        await (await ClaimAsync()).AssertProblemAsync(HttpStatusCode.Conflict, "paused");
    }

    [Fact]
    public async Task A_language_removed_from_the_project_through_the_api_stops_review_claims_in_it_on_the_very_next_call()
    {
        // Only a language nobody worked in can be removed: a review right there, and a review claim that finds nothing yet.
        await _coordinator.PutAsJsonAsync($"/api/projects/{_projectId}/members/{_volunteerId}/languages/es", new { canTranslate = false, canReview = true });
        await api.NoticesHeardAsync();
        var reviews = $"/api/projects/{_projectId}/documents/{_documentId}/reviews";
        await (await _volunteer.PostAsJsonAsync(reviews, new { language = "es" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.True(Kept.TryGet(Question with { Language = "es", Right = LanguageRight.Review }, out _));

        Assert.Equal(HttpStatusCode.OK, (await _coordinator.DeleteAsync($"/api/projects/{_projectId}/languages/es")).StatusCode);

        await (await _volunteer.PostAsJsonAsync(reviews, new { language = "es" })).AssertProblemAsync(HttpStatusCode.BadRequest, "not a target language");
    }

    [Fact]
    public async Task A_right_taken_away_elsewhere_stops_claims_when_postgresql_tells_this_process()
    {
        await ClaimedAndKeptAsync();
        var forgotten = Kept.ForgottenAsync(_volunteerId);

        await api.Database.ExecuteAsync($"UPDATE translate.project_members SET can_translate = false WHERE account_id = '{_volunteerId}'");
        await forgotten.WaitAsync(NoticeWait);

        await (await ClaimAsync()).AssertProblemAsync(HttpStatusCode.Forbidden, "may not translate into 'fr'");
    }

    [Fact]
    public async Task A_volunteer_paused_by_a_set_based_statement_elsewhere_stops_claiming_when_postgresql_tells_this_process()
    {
        await ClaimedAndKeptAsync();
        var forgotten = Kept.ForgottenAsync(_volunteerId);

        // As the Worker's pause after repeated lapses writes it, from another process.
        await api.Database.ExecuteAsync($"""
            INSERT INTO translate.volunteer_profiles (account_id, languages, capacity_words_per_week, time_zone, availability, paused,
                paused_reason, paused_at, resumed_at, updated_at, mail, show_email_in_credits, interface_language)
            VALUES ('{_volunteerId}', '[]', 0, 'UTC', '[]', true, 'Three lapses', now(), NULL, now(), 'Immediately', false, NULL)
            ON CONFLICT (account_id) DO UPDATE SET paused = true, paused_reason = 'Three lapses', paused_at = now()
            """);
        await forgotten.WaitAsync(NoticeWait);

        await (await ClaimAsync()).AssertProblemAsync(HttpStatusCode.Conflict, "paused");
    }

    [Fact]
    public async Task A_project_or_document_changed_elsewhere_is_read_again_when_postgresql_tells_this_process()
    {
        await ClaimedAndKeptAsync();
        var languages = Kept.ForgottenAsync(_projectId);
        await api.Database.ExecuteAsync($"UPDATE translate.projects SET target_languages = ARRAY['es'] WHERE id = '{_projectId}'");
        await languages.WaitAsync(NoticeWait);
        await (await ClaimAsync()).AssertProblemAsync(HttpStatusCode.BadRequest, "not a target language");

        await api.Database.ExecuteAsync($"UPDATE translate.projects SET target_languages = ARRAY['fr', 'es'] WHERE id = '{_projectId}'");
        await ClaimedAndKeptAsync();
        var document = Kept.ForgottenAsync(_projectId);
        await api.Database.ExecuteAsync("TRUNCATE translate.documents CASCADE");
        await document.WaitAsync(NoticeWait);
        await (await ClaimAsync()).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_right_taken_away_through_another_api_process_stops_claims_in_this_one_when_postgresql_tells_it()
    {
        await ClaimedAndKeptAsync();
        // A second API process on the same database, with its own kept checks.
        await using var other = api.WithWebHostBuilder(_ => { });
        var forgotten = Kept.ForgottenAsync(_volunteerId);

        var revoked = await GrantAsync(other.CreateClient(new WebApplicationFactoryClientOptions()).WithToken(TestAccounts.CoordinatorToken), translate: false);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        await forgotten.WaitAsync(NoticeWait);

        await (await ClaimAsync()).AssertProblemAsync(HttpStatusCode.Forbidden, "may not translate into 'fr'");
    }
}

internal static class TokenClients
{
    public static HttpClient WithToken(this HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
