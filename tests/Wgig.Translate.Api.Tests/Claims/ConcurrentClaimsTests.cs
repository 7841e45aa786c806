using System.Net;
using System.Net.Http.Json;
using System.Text;
using Wgig.Translate.Api.Claims;
using Wgig.Translate.Api.Documents;

namespace Wgig.Translate.Api.Tests.Claims;

public sealed class ConcurrentClaimsTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Two_hundred_parallel_claim_next_calls_from_fifty_volunteers_over_http_never_share_a_segment()
    {
        var coordinator = api.CreateClient(TestAccounts.CoordinatorToken);
        var projectId = await coordinator.CreateProjectAsync(targets: ["fr"]);
        var paper = new StringBuilder();
        for (var i = 1; i <= 5000; i++)
        {
            paper.Append("Paragraph ").Append(i).Append(" says one thing.\n\n");
        }
        var upload = await coordinator.UploadAsync(projectId, "big.md", Encoding.UTF8.GetBytes(paper.ToString()));
        var document = (await upload.Content.ReadFromJsonAsync<DocumentResponse>(ApiJson.Options))!;
        Assert.Equal(5000, document.SegmentCount);
        var volunteers = await TestAccounts.SeedVolunteersAsync(api.Database, 50, projectId, "fr");
        var clients = volunteers.Select(v => api.CreateClient(v.Token)).ToList();

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
        {
            using var response = await clients[i % 50].PostAsJsonAsync($"/api/projects/{projectId}/documents/{document.Id}/claims", new { language = "fr", words = 150 });
            return (Volunteer: volunteers[i % 50].Id, response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        })));

        // Every call either got a batch or was told, as a 409, that nothing was left: no deadlock or error reached a client.
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{(int)r.StatusCode}: {r.Body}"));
        Assert.All(responses.Where(r => r.StatusCode == HttpStatusCode.Conflict), r => Assert.Contains("Nothing to claim", r.Body, StringComparison.Ordinal));
        var batches = responses.Where(r => r.StatusCode == HttpStatusCode.Created)
            .Select(r => (r.Volunteer, Claim: System.Text.Json.JsonSerializer.Deserialize<ClaimResponse>(r.Body, ApiJson.Options)!)).ToList();
        var claimed = batches.SelectMany(b => b.Claim.SegmentIds).ToList();
        Assert.Equal(claimed.Count, claimed.Distinct().Count());
        Assert.Equal(5000, claimed.Count);

        // Every claim a client was told about is in the database, held by that volunteer, over exactly those segments.
        var stored = (await api.Database.QueryAsync<string>(
            "SELECT t.claim_id || ' ' || t.claimed_by || ' ' || t.segment_id FROM translate.targets t WHERE t.state = 'Claimed'")).ToHashSet();
        var told = batches.SelectMany(b => b.Claim.SegmentIds.Select(s => $"{b.Claim.ClaimId} {b.Volunteer} {s}")).ToHashSet();
        Assert.True(told.SetEquals(stored), $"{told.Except(stored).Count()} told but not stored, {stored.Except(told).Count()} stored but not told");
        Assert.Equal(batches.Count, (await api.Database.QueryAsync<long>("SELECT count(*) FROM translate.claims")).Single());
    }
}
