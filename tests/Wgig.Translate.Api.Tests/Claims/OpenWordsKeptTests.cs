using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Wgig.Translate.Api.Claims;
using Wgig.Translate.Api.Tests.Aids;

namespace Wgig.Translate.Api.Tests.Claims;

/// <summary>
/// Every claim's open words (what the per-volunteer cap sums, kept on the claim by the database) stay equal to the words of
/// the segments it holds, through every path that moves a segment in or out of a claim: claim-next's statement, segments
/// chosen, a submission, a release, a new version editing a held segment, a coordinator's take-back, the Worker's sweep.
/// </summary>
public sealed class OpenWordsKeptTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly Workbench _bench = new(api);
    private Guid _projectId;
    private Guid _documentId;
    private List<Guid> _segments = [];

    private const string Paper = "The group met in Geneva.\n\nIt wrote a report.\n\nThe report went to the Summit.\n\nEveryone read it.\n";

    public async Task InitializeAsync()
    {
        await api.ResetAsync();
        _projectId = await _bench.ProjectAsync("Open words", "fr");
        var (documentId, segments) = await _bench.PaperAsync(_projectId, Paper);
        _documentId = documentId;
        _segments = [.. segments.Select(s => s.Id)];
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string Document => $"/api/projects/{_projectId}/documents/{_documentId}";

    private async Task<ClaimResponse> ClaimAsync(object request)
    {
        var response = await _bench.Volunteer.PostAsJsonAsync($"{Document}/claims", request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ClaimResponse>(ApiJson.Options))!;
    }

    // Each claim's kept open words against the words of the segments it holds now, counted from the targets; returns the
    // volunteer's total held in live claims.
    private async Task<int> KeptExactlyAsync()
    {
        var rows = await api.Database.QueryAsync<string>("""
            SELECT concat_ws(' ', c.id, c.open_words,
                coalesce((SELECT sum(t.word_count) FROM translate.targets t WHERE t.claim_id = c.id AND t.state = 'Claimed'), 0),
                c.released_at IS NULL AND c.expires_at > now())
            FROM translate.claims c ORDER BY c.created_at
            """);
        var claims = rows.Select(r => r.Split(' ')).Select(r => (Id: r[0], Kept: int.Parse(r[1], CultureInfo.InvariantCulture),
            Held: int.Parse(r[2], CultureInfo.InvariantCulture), Live: r[3] == "t")).ToList();
        Assert.NotEmpty(claims);
        Assert.All(claims, c => Assert.True(c.Kept == c.Held, $"claim {c.Id} keeps {c.Kept} open words and holds {c.Held}"));
        return claims.Where(c => c.Live).Sum(c => c.Held);
    }

    [Fact]
    public async Task Every_claim_keeps_the_words_of_the_segments_it_holds_through_every_transition()
    {
        // Claim-next's statement takes the first two segments (5 + 4 words); chosen segments go through the entity path.
        var next = await ClaimAsync(new { language = "fr", words = 9 });
        Assert.Equal(_segments[..2], next.SegmentIds);
        Assert.Equal(9, await KeptExactlyAsync());
        var chosen = await ClaimAsync(new { language = "fr", segmentIds = new[] { _segments[3] } });
        Assert.Equal(12, await KeptExactlyAsync());

        // A draft changes nothing held; a submission hands one segment in.
        Assert.Equal(HttpStatusCode.OK, (await _bench.Volunteer.PutAsJsonAsync($"{Workbench.Url(_projectId, _documentId, _segments[0], "fr")}/draft",
            Workbench.Runs("Le groupe"))).StatusCode);
        Assert.Equal(12, await KeptExactlyAsync());
        await Workbench.SubmitAsync(_bench.Volunteer, Workbench.Url(_projectId, _documentId, _segments[1], "fr"),
            Workbench.Runs("Il a rédigé un rapport.", "numbers", "length", "final-punctuation", "glossary", "consistency", "whitespace"));
        Assert.Equal(8, await KeptExactlyAsync());

        // A release gives the chosen segment back; claim-next takes the third (6 words) into a new claim.
        Assert.Equal(HttpStatusCode.NoContent, (await _bench.Volunteer.PostAsync($"{Document}/claims/{chosen.ClaimId}/release", null)).StatusCode);
        Assert.Equal(5, await KeptExactlyAsync());
        var third = await ClaimAsync(new { language = "fr", words = 6 });
        Assert.Equal([_segments[2]], third.SegmentIds);
        Assert.Equal(11, await KeptExactlyAsync());

        // A new version edits the first segment while it is held, and adds words to it.
        var version = await _bench.Coordinator.PostAsync($"{Document}/versions",
            ApiCalls.UploadForm("paper.md", System.Text.Encoding.UTF8.GetBytes(Paper.Replace("met in Geneva", "met twice in Geneva", StringComparison.Ordinal))));
        Assert.True(version.IsSuccessStatusCode, await version.Content.ReadAsStringAsync());
        await KeptExactlyAsync();

        // The coordinator takes the third claim back; what is left lapses and the Worker's sweep reclaims it.
        Assert.Equal(HttpStatusCode.OK, (await _bench.Coordinator.PostAsJsonAsync($"{Document}/claims/{third.ClaimId}/take-back",
            new { reason = "Needed elsewhere" })).StatusCode);
        Assert.True(await KeptExactlyAsync() > 0);
        api.Clock.Advance(TimeSpan.FromDays(30));
        Assert.True(await api.SweepExpiredClaimsAsync() > 0);
        await KeptExactlyAsync();
        Assert.Equal(0, (await api.Database.QueryAsync<int>("SELECT coalesce(sum(open_words), 0)::int FROM translate.claims")).Single());
    }
}
