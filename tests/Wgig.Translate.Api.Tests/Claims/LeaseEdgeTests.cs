using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Wgig.Translate.Api.Claims;
using Wgig.Translate.Api.Documents;
using Wgig.Translate.Api.Paging;
using Wgig.Translate.Worker;
using Wgig.Translate.Worker.Claims;

namespace Wgig.Translate.Api.Tests.Claims;

/// <summary>
/// Leases that run out at the very moment their holder acts: the submission (or the review decision) and the
/// Worker's sweep race for the same rows, with the API's clock a few milliseconds before the expiry and the Worker's
/// at it, as two processes' clocks are. Whichever wins, the answer and the store agree (a 2xx is stored; anything
/// else is a 4xx and nothing of it is), and the history tells which happened. A review decision has a third ending: the sweep
/// released the lapsed batch before the decision read the translation, which nobody has taken since, and the decision stands
/// after the lapse. Each ending is also written in order by hand in <see cref="InterleavedWritesTests"/>.
/// </summary>
public sealed class LeaseEdgeTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    // The placeholder translations carry the segment id: the checks warn about its digits, the length and the final stop.
    private static readonly string[] CheckedWarnings = ["numbers", "final-punctuation", "length"];

    private readonly HttpClient _coordinator = api.CreateClient(TestAccounts.CoordinatorToken);
    private readonly HttpClient _ana = api.CreateClient(TestAccounts.VolunteerToken);
    private readonly HttpClient _bo = api.CreateClient(TestAccounts.SecondVolunteerToken);
    private Guid _projectId;
    private Guid _documentId;
    private List<SegmentResponse> _segments = [];

    public async Task InitializeAsync()
    {
        await api.ResetAsync();
        _projectId = await _coordinator.CreateProjectAsync(targets: ["fr"]);
        var text = string.Concat(Enumerable.Range(1, 40).Select(i => $"Sentence number {i} of the paper.\n\n"));
        var upload = await _coordinator.UploadAsync(_projectId, "paper.md", System.Text.Encoding.UTF8.GetBytes(text));
        _documentId = (await upload.Content.ReadFromJsonAsync<DocumentResponse>(ApiJson.Options))!.Id;
        _segments = [.. (await _coordinator.GetFromJsonAsync<Paged<SegmentResponse>>($"{DocumentUrl}/segments?pageSize=100", ApiJson.Options))!.Items];
        foreach (var email in new[] { "volunteer@test.example", "volunteer2@test.example" })
        {
            var account = (await api.Database.QueryAsync<Guid>($"SELECT id FROM translate.accounts WHERE email = '{email}'")).Single();
            (await _coordinator.PutAsJsonAsync($"/api/projects/{_projectId}/members/{account}/languages/fr", new { canTranslate = true, canReview = true }))
                .EnsureSuccessStatusCode();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string DocumentUrl => $"/api/projects/{_projectId}/documents/{_documentId}";

    private string TranslationUrl(Guid segment) => $"{DocumentUrl}/segments/{segment}/translations/fr";

    // The Worker on the same database, with a clock of its own.
    private ServiceProvider Worker(TimeProvider clock)
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(
                new Dictionary<string, string?> { ["ConnectionStrings:Translation"] = api.Database.ConnectionString }).Build())
            .AddLogging();
        services.AddWorkerServices();
        services.Replace(ServiceDescriptor.Singleton(clock));
        return services.BuildServiceProvider();
    }

    private async Task<ClaimResponse> ClaimAsync(HttpClient client, string what, int words)
    {
        var response = await client.PostAsJsonAsync($"{DocumentUrl}/{what}", new { language = "fr", words });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ClaimResponse>(ApiJson.Options))!;
    }

    private async Task<IReadOnlyList<string>> HistoryAsync(Guid segment) => await api.Database.QueryAsync<string>($"""
        SELECT e.kind FROM translate.target_events e JOIN translate.targets t ON t.id = e.target_id
        WHERE t.segment_id = '{segment}' AND t.language = 'fr' ORDER BY e.sequence
        """);

    private async Task<string> StateAsync(Guid segment) =>
        (await api.Database.QueryAsync<string>($"SELECT state FROM translate.targets WHERE segment_id = '{segment}' AND language = 'fr'")).Single();

    [Fact]
    public async Task A_lease_expiring_while_its_holder_submits_gives_one_consistent_answer_and_the_history_says_which()
    {
        // One segment per claim: the race is the submission's against the sweep's (handing one in extends the rest of a
        // claim, which would race the claim's other submissions too).
        var outcomes = new List<string>();
        for (var round = 0; round < 8; round++)
        {
            var claim = await ClaimAsync(_ana, "claims", 1);
            api.Clock.SetUtcNow(claim.ExpiresAt.AddMilliseconds(-20));
            await using var worker = Worker(new FakeTimeProvider(claim.ExpiresAt));
            await using var scope = worker.CreateAsyncScope();

            var submits = claim.SegmentIds.Select(s => _ana.PutAsJsonAsync(TranslationUrl(s), new { runs = new[] { new { text = $"Traduction {s}" } }, acknowledge = CheckedWarnings })).ToList();
            var sweep = scope.ServiceProvider.GetRequiredService<ReclaimExpiredClaims>().SweepAsync(CancellationToken.None);
            await Task.WhenAll([.. submits, sweep]);

            foreach (var (segment, response) in claim.SegmentIds.Zip(submits.Select(s => s.Result)))
            {
                // This round's part of the history: a segment whose lease ran out in an earlier round is claimed again.
                var whole = (await HistoryAsync(segment)).ToList();
                var history = whole.Skip(whole.LastIndexOf("Claimed")).ToList();
                var stored = await api.Database.QueryAsync<long>($"""
                    SELECT count(*) FROM translate.target_events e JOIN translate.targets t ON t.id = e.target_id
                    WHERE t.segment_id = '{segment}' AND e.kind = 'Submitted' AND e.text = 'Traduction {segment}'
                    """);
                if (response.IsSuccessStatusCode)
                {
                    // The submission won: stored once, and the sweep left the segment alone.
                    Assert.Equal([1L], stored);
                    Assert.Equal("Translated", await StateAsync(segment));
                    Assert.Equal(["Claimed", "Submitted"], history);
                    outcomes.Add("submitted");
                }
                else
                {
                    // The lease ran out first: a refusal that says so (never a 5xx), nothing stored, the expiry in the history.
                    Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                    Assert.Equal([0L], stored);
                    Assert.NotEqual("Translated", await StateAsync(segment));
                    Assert.Equal(["Claimed", "Expired"], history);
                    outcomes.Add($"refused {(int)response.StatusCode}");
                }
            }
            api.Clock.SetUtcNow(claim.ExpiresAt.AddMinutes(1));
            // Three lapsed claims pause a volunteer: the races the sweep won must not stop the rounds after them.
            (await _ana.PostAsync("/api/me/profile/resume", null)).EnsureSuccessStatusCode();
        }
        Assert.NotEmpty(outcomes);
    }

    [Fact]
    public async Task A_review_batch_lapsing_while_the_reviewer_approves_gives_one_consistent_answer_and_the_history_says_which()
    {
        // Ana translates every segment; Bo reviews them in batches that lapse as he decides.
        var all = await ClaimAsync(_ana, "claims", 10_000);
        foreach (var segment in all.SegmentIds)
        {
            (await _ana.PutAsJsonAsync(TranslationUrl(segment), new { runs = new[] { new { text = $"Traduction {segment}" } }, acknowledge = CheckedWarnings })).EnsureSuccessStatusCode();
        }
        var outcomes = new List<string>();
        for (var round = 0; round < 8; round++)
        {
            var batch = await ClaimAsync(_bo, "reviews", 1);
            api.Clock.SetUtcNow(batch.ExpiresAt.AddMilliseconds(-20));
            await using var worker = Worker(new FakeTimeProvider(batch.ExpiresAt));
            await using var scope = worker.CreateAsyncScope();

            var approvals = batch.SegmentIds.Select(s => _bo.PostAsJsonAsync($"{TranslationUrl(s)}/review", new { decision = "approve" })).ToList();
            var sweep = scope.ServiceProvider.GetRequiredService<ReclaimExpiredClaims>().SweepAsync(CancellationToken.None);
            await Task.WhenAll([.. approvals, sweep]);

            foreach (var (segment, response) in batch.SegmentIds.Zip(approvals.Select(a => a.Result)))
            {
                var history = await HistoryAsync(segment);
                // What this round may end in: approved within the batch; the batch lapsed and was released before the approval
                // read the translation, which nobody had taken since, so the approval stands after the lapse (Target.Approve, as
                // anyone's with the right would); or the lapse was written while the approval was, and the approval is refused.
                string[][] endings = response.IsSuccessStatusCode
                    ? [["ReviewClaimed", "Approved"], ["ReviewClaimed", "ReviewExpired", "Approved"]]
                    : [["ReviewClaimed", "ReviewExpired"]];
                var ending = endings.SingleOrDefault(e => history.TakeLast(e.Length).SequenceEqual(e));
                Assert.True(ending is not null, $"{(int)response.StatusCode} with the history {string.Join(", ", history)}");
                // A batch that lapsed in an earlier round put its segment back in the queue, where this round's batch may have found it.
                Assert.Equal(["Claimed", "Submitted"], history.Take(2));
                Assert.All(history.Skip(2).SkipLast(ending.Length).Chunk(2), earlier => Assert.Equal(["ReviewClaimed", "ReviewExpired"], earlier));
                if (response.IsSuccessStatusCode)
                {
                    Assert.Equal("Approved", await StateAsync(segment));
                    outcomes.Add(ending.Length == 2 ? "approved" : "approved after the lapse");
                }
                else
                {
                    // The batch lapsed first: the translation waits for review again, the release is in the history.
                    Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                    Assert.Equal("Translated", await StateAsync(segment));
                    outcomes.Add($"refused {(int)response.StatusCode}");
                }
            }
            api.Clock.SetUtcNow(batch.ExpiresAt.AddMinutes(1));
        }
        Assert.Equal(8, outcomes.Count);
    }
}
