using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Api.Documents;
using Wgig.Translate.Domain.Balancing;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Work;

namespace Wgig.Translate.Api.Tests.Platform;

/// <summary>
/// The everyday reads stay scoped to what they read. EF Core translates a <c>FirstOrDefault()</c> of an object inside a
/// projection into a left join on a <c>ROW_NUMBER()</c> window over the whole filtered table (every target of a language,
/// every rejection ever recorded), which PostgreSQL computes in full for each call: the fault harness's fuzz found an
/// XLIFF download taking seconds once the database held a few thousand documents. Such reads are written as plain or
/// lateral joins; this test records the SQL the volunteer's and coordinator's reads send and refuses that shape.
/// </summary>
public sealed partial class QueryShapeTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _commands = new();
    private Guid _projectId;
    private Guid _documentId;

    public async Task InitializeAsync()
    {
        await api.ResetAsync();
        var coordinator = api.CreateClient(TestAccounts.CoordinatorToken);
        _projectId = await coordinator.CreateProjectAsync(targets: ["fr"]);
        var upload = await coordinator.UploadAsync(_projectId, "paper.md",
            "The group met twice in Geneva.\n\nIt wrote a report.\n\nThe report went to the Summit.\n"u8.ToArray());
        _documentId = (await upload.Content.ReadFromJsonAsync<DocumentResponse>(ApiJson.Options))!.Id;
        var ana = (await api.Database.QueryAsync<Guid>("SELECT id FROM translate.accounts WHERE email = 'volunteer@test.example'")).Single();
        (await coordinator.PutAsJsonAsync($"/api/projects/{_projectId}/members/{ana}/languages/fr", new { canTranslate = true, canReview = true }))
            .EnsureSuccessStatusCode();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task My_work_the_claimed_xliff_and_the_balancing_proposal_read_no_window_over_a_whole_table()
    {
        await using var recorded = api.WithCommandsRecorded(_commands);
        var ana = recorded.CreateClient();
        ana.DefaultRequestHeaders.Authorization = new("Bearer", TestAccounts.VolunteerToken);
        var coordinator = recorded.CreateClient();
        coordinator.DefaultRequestHeaders.Authorization = new("Bearer", TestAccounts.CoordinatorToken);
        var document = $"/api/projects/{_projectId}/documents/{_documentId}";
        (await ana.PostAsJsonAsync($"{document}/claims", new { language = "fr", words = 8 })).EnsureSuccessStatusCode();
        _commands.Clear();

        var work = (await ana.GetFromJsonAsync<MyWorkView>("/api/me/work", ApiJson.Options))!;
        var claimed = XDocument.Parse(await ana.GetStringAsync($"{document}/xliff?language=fr&units=claimedByMe"));
        var all = XDocument.Parse(await coordinator.GetStringAsync($"{document}/xliff?language=fr"));
        var proposal = (await coordinator.GetFromJsonAsync<List<ProposedBatch>>($"{document}/assignments/proposal?language=fr", ApiJson.Options))!;

        Assert.Equal(Assert.Single(work.Claims).Remaining, claimed.Descendants().Count(e => e.Name.LocalName == "unit"));
        Assert.Equal(3, all.Descendants().Count(e => e.Name.LocalName == "unit"));
        Assert.NotNull(proposal);
        Assert.NotEmpty(_commands);
        var windowed = _commands.Where(sql => WholeTableWindows(sql).Any()).ToList();
        Assert.True(windowed.Count == 0, string.Join("\n----\n", windowed));
    }

    /// <summary>
    /// EF Core's shape for a FirstOrDefault in a projection: "ROW_NUMBER() OVER(PARTITION BY t0.segment_id ORDER BY t0.id) AS row
    /// FROM translate.targets AS t0 WHERE t0.language = $1". Harmless when its WHERE pins the rows by a parameter on the
    /// partition or the key ("WHERE d.id = @documentId"); a whole-table window otherwise.
    /// </summary>
    private static IEnumerable<string> WholeTableWindows(string sql) =>
        from Match window in Window().Matches(sql)
        let alias = window.Groups["alias"].Value
        let condition = window.Groups["where"].Value
        where !Regex.IsMatch(condition, $@"\b{Regex.Escape(alias)}\.({Regex.Escape(window.Groups["column"].Value)}|id) = (@\w+|\$\d+)")
        select window.Value;

    [GeneratedRegex(@"ROW_NUMBER\(\) OVER\(PARTITION BY (?<alias>\w+)\.(?<column>\w+)[^)]*\) AS row\s+FROM [\w.]+ AS \k<alias>\s+(WHERE (?<where>[^\n]*))?")]
    private static partial Regex Window();
}
