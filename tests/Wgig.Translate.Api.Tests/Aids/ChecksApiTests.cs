using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Wgig.Translate.Api.Checks;
using Wgig.Translate.Api.Documents;
using Wgig.Translate.Api.Paging;
using Wgig.Translate.Api.Suggestions;
using Wgig.Translate.Api.Translations;
using Wgig.Translate.Domain.Checks;
using Wgig.Translate.Domain.Targets;
using Wgig.Translate.Domain.Xliff;

namespace Wgig.Translate.Api.Tests.Aids;

public sealed class ChecksApiTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly Workbench _bench = new(api);
    private Guid _projectId;
    private Guid _documentId;
    private string _url = "";

    public async Task InitializeAsync()
    {
        await api.ResetAsync();
        _projectId = await _bench.ProjectAsync("Checks", "fr");
        var (documentId, segments) = await _bench.PaperAsync(_projectId, "The **WSIS** met in Geneva in 2004.\n\nIt wrote a report.\n");
        _documentId = documentId;
        await _bench.ClaimAllAsync(_projectId, documentId, "fr");
        _url = Workbench.Url(_projectId, documentId, segments[0].Id, "fr");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_submission_that_drops_the_codes_and_changes_the_year_is_refused_with_the_findings_and_nothing_is_stored()
    {
        var before = await api.Database.SnapshotAsync();

        var response = await _bench.Volunteer.PutAsJsonAsync(_url, Workbench.Runs("Le SMSI s’est réuni à Genève en 1999.", "numbers"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "[inline-codes] The translation lacks 2 of the source's codes");
        var findings = problem.GetProperty("findings").EnumerateArray().Select(f => (f.GetProperty("check").GetString(), f.GetProperty("level").GetString())).ToList();
        Assert.Contains(("inline-codes", "Error"), findings);
        Assert.Contains(("numbers", "Warning"), findings);
        // Each finding keeps a stable code and the words it quotes, beside its English sentence, for clients in any language.
        var numbers = problem.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("check").GetString() == "numbers")
            .Select(f => (f.GetProperty("code").GetString(), string.Join("|", f.GetProperty("arguments").EnumerateArray().Select(a => a.GetString())), f.GetProperty("message").GetString()))
            .ToList();
        Assert.Equal([("numbers.missing-one", "2004", "The translation lacks the number 2004 of the source."),
            ("numbers.extra-one", "1999", "The translation has the number 1999 that the source does not have.")], numbers);
        Assert.Equal(before, await api.Database.SnapshotAsync());
    }

    [Fact]
    public async Task Warnings_are_handed_in_only_when_acknowledged_and_the_history_keeps_the_acknowledgement()
    {
        var refused = await _bench.Volunteer.PutAsJsonAsync(_url, Workbench.Runs("Le {b1}SMSI{/b1} s’est réuni à Genève en 1999."));
        var problem = await refused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "acknowledge: numbers");
        Assert.Equal(["numbers"], problem.GetProperty("acknowledge").EnumerateArray().Select(a => a.GetString()));

        var submitted = await Workbench.SubmitAsync(_bench.Volunteer, _url, Workbench.Runs("Le {b1}SMSI{/b1} s’est réuni à Genève en 1999.", "numbers"));

        Assert.Equal(TargetState.Translated, submitted.State);
        Assert.Contains(submitted.Checks!, f => f is { Check: "numbers", Level: CheckLevel.Warning });
        var history = (await _bench.Volunteer.GetFromJsonAsync<List<HistoryEntry>>($"{_url}/history", ApiJson.Options))!;
        Assert.StartsWith("Acknowledged warnings: numbers: The translation lacks the number 2004", history.Single(h => h.Kind == TargetEventKind.Submitted).Comment, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drafts_are_checked_as_they_are_saved_and_never_blocked()
    {
        var draft = await Workbench.SubmitAsync(_bench.Volunteer, $"{_url}/draft", Workbench.Runs("Le SMSI"));

        Assert.Equal("Le SMSI", draft.Draft!.Text);
        Assert.Contains(draft.Checks!, f => f is { Check: "inline-codes", Level: CheckLevel.Error });

        var before = await api.Database.SnapshotAsync();
        var checkedOnly = (await (await _bench.Volunteer.PostAsJsonAsync($"{_url}/checks", Workbench.Runs("Le {b1}SMSI{/b1} s’est réuni à Genève en 2004.")))
            .Content.ReadFromJsonAsync<ChecksResponse>(ApiJson.Options))!;
        Assert.Equal((false, 0), (checkedOnly.Blocks, checkedOnly.Findings.Count));
        Assert.Equal(before, await api.Database.SnapshotAsync());
    }

    [Fact]
    public async Task Project_levels_make_a_warning_an_error_and_a_reviewer_can_mute_it_for_one_segment_with_a_reason()
    {
        var level = await _bench.Coordinator.PutAsJsonAsync($"/api/projects/{_projectId}/checks/numbers", new { level = "Error" });
        Assert.Equal(HttpStatusCode.OK, level.StatusCode);
        var checks = (await _bench.Volunteer.GetFromJsonAsync<List<CheckResponse>>($"/api/projects/{_projectId}/checks", ApiJson.Options))!;
        Assert.Equal((CheckLevel.Warning, CheckLevel.Error), (checks.Single(c => c.Id == "numbers").DefaultLevel, checks.Single(c => c.Id == "numbers").Level));
        var translation = Workbench.Runs("Le {b1}SMSI{/b1} s’est réuni à Genève en l’an 2004 après J.-C. 1.", "numbers");
        await (await _bench.Volunteer.PutAsJsonAsync(_url, translation)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "[numbers]");

        // Muting an error takes the review right; a reason is required; the check must exist.
        await (await _bench.Volunteer.PutAsJsonAsync($"{_url}/checks/numbers/mute", new { reason = "Era notation." })).AssertProblemAsync(HttpStatusCode.Forbidden, "may not review");
        await (await _bench.Coordinator.PutAsJsonAsync($"{_url}/checks/numbers/mute", new { reason = " " })).AssertProblemAsync(HttpStatusCode.BadRequest, "needs a reason");
        await (await _bench.Coordinator.PutAsJsonAsync($"{_url}/checks/spelling/mute", new { reason = "x" })).AssertProblemAsync(HttpStatusCode.NotFound, "no check 'spelling'");
        Assert.Equal(HttpStatusCode.NoContent, (await _bench.Coordinator.PutAsJsonAsync($"{_url}/checks/numbers/mute", new { reason = "The era is part of the date here." })).StatusCode);

        var submitted = await Workbench.SubmitAsync(_bench.Volunteer, _url, translation);
        Assert.Contains(submitted.Checks!, f => f is { Check: "numbers", Muted: true, MuteReason: "The era is part of the date here." });
        var history = (await _bench.Volunteer.GetFromJsonAsync<List<HistoryEntry>>($"{_url}/history", ApiJson.Options))!;
        Assert.Equal("numbers: The era is part of the date here.", history.Single(h => h.Kind == TargetEventKind.CheckMuted).Comment);

        Assert.Equal(HttpStatusCode.NoContent, (await _bench.Coordinator.DeleteAsync($"{_url}/checks/numbers/mute")).StatusCode);
        var report = (await _bench.Coordinator.GetFromJsonAsync<DocumentChecksResponse>($"/api/projects/{_projectId}/documents/{_documentId}/checks?language=fr", ApiJson.Options))!;
        Assert.Equal((1, 1), (report.Errors, report.Counts["numbers"]));
        Assert.Equal(_url.Split('/')[7], report.Segments.Items.Single().SegmentId.ToString());
    }

    [Fact]
    public async Task The_document_check_finds_a_sentence_translated_differently_in_the_same_paper_and_in_another()
    {
        // A second paper repeats the first paper's second sentence twice; the three are translated two ways.
        var (other, twice) = await _bench.PaperAsync(_projectId, "It wrote a report.\n\nIt wrote a report.\n", "other.md");
        await _bench.ClaimAllAsync(_projectId, other, "fr");
        var first = (await _bench.Coordinator.GetFromJsonAsync<Paged<SegmentResponse>>($"/api/projects/{_projectId}/documents/{_documentId}/segments", ApiJson.Options))!.Items;
        await Workbench.SubmitAsync(_bench.Volunteer, Workbench.Url(_projectId, other, twice[0].Id, "fr"), Workbench.Runs("Il a rédigé un rapport.", "consistency"));
        await Workbench.SubmitAsync(_bench.Volunteer, Workbench.Url(_projectId, other, twice[1].Id, "fr"), Workbench.Runs("Il a écrit un rapport.", "consistency"));
        await Workbench.SubmitAsync(_bench.Volunteer, Workbench.Url(_projectId, _documentId, first[1].Id, "fr"), Workbench.Runs("Il a rédigé un rapport.", "consistency"));

        async Task<DocumentChecksResponse> Report(Guid document) =>
            (await _bench.Coordinator.GetFromJsonAsync<DocumentChecksResponse>($"/api/projects/{_projectId}/documents/{document}/checks?language=fr", ApiJson.Options))!;

        // In the second paper, each of its two segments differs from the other (and one also from the first paper's).
        var second = await Report(other);
        Assert.Equal(2, second.Counts["consistency"]);
        // In the first paper, its one translation differs from the other paper's "écrit" only: the same wording elsewhere is no finding.
        var finding = Assert.Single(Assert.Single((await Report(_documentId)).Segments.Items).Findings, f => f.Check == "consistency");
        Assert.Equal(("consistency.differs-one", "“Il a écrit un rapport.”"), (finding.Code, Assert.Single(finding.Arguments)));
    }

    [Fact]
    public async Task An_xliff_unit_with_warnings_is_applied_only_when_the_upload_acknowledges_them()
    {
        var exported = XDocument.Parse(await _bench.Volunteer.GetStringAsync($"/api/projects/{_projectId}/documents/{_documentId}/xliff?language=fr&units=claimedByMe"));
        XNamespace x = XliffSchemas.Core2Namespace;
        var segments = exported.Descendants(x + "segment").ToList();
        // The first keeps its codes but changes the year (a warning); the second drops the final full stop and adds a number.
        var first = new XElement(x + "target", segments[0].Element(x + "source")!.Nodes());
        foreach (var text in first.DescendantNodes().OfType<XText>())
        {
            text.Value = text.Value.Replace("met in Geneva in 2004.", "s’est réuni à Genève en 1999.", StringComparison.Ordinal).Replace("The ", "Le ", StringComparison.Ordinal);
        }
        segments[0].Add(first);
        segments[1].Add(new XElement(x + "target", "Il a rédigé 1 rapport"));

        async Task<XliffImportReport> Upload(string query)
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(exported.ToString())), "file", "paper.xlf" } };
            var response = await _bench.Volunteer.PostAsync($"/api/projects/{_projectId}/documents/{_documentId}/xliff?language=fr{query}", form);
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<XliffImportReport>(ApiJson.Options))!;
        }

        var without = await Upload("");
        Assert.Equal((0, 2), (without.Applied, without.Rejected));
        Assert.All(without.Units, u => Assert.Contains("acknowledging them", u.Reason ?? "", StringComparison.Ordinal));
        Assert.Contains(without.Units[1].Findings!, f => f.Check == "final-punctuation");

        var with = await Upload("&acknowledgeWarnings=true");
        Assert.Equal((2, 0), (with.Applied, with.Rejected));
        Assert.Equal(["Translated", "Translated"], await api.Database.QueryAsync<string>("SELECT state FROM translate.targets ORDER BY updated_at"));
    }
}
