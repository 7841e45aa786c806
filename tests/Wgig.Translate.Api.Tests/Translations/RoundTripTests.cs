using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Wgig.Translate.Api.Claims;
using Wgig.Translate.Api.Tests.Aids;
using Wgig.Translate.Api.Translations;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Api.Tests.Translations;

/// <summary>
/// A draft save and a submission in round trips to PostgreSQL, counted from the commands and batches the API process's
/// Npgsql actually sends (each is one round trip: a save's statements, or reads made together, go as one batch), so that the
/// count cannot grow unnoticed. With the token, the right and the check settings kept (as they are for a volunteer at work),
/// a draft save is three: the segment with its target; the checks' reads of the segment (the other translations of its
/// source and its mutes) together with the answer's set-aside drafts and people's names; and the write. What those reads
/// bring is checked too: the consistency finding, muted with its reason, the set-aside draft offered by its author's name.
/// </summary>
[RunsLong(5)]
public sealed class RoundTripTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private const string Source = "The group met in Geneva.";

    private readonly ConcurrentQueue<string> _commands = new();
    private readonly Workbench _bench = new(api);
    private Guid _projectId;
    private Guid _documentId;
    private List<Guid> _segments = [];

    public async Task InitializeAsync()
    {
        await api.ResetAsync();
        _projectId = await _bench.ProjectAsync("Round trips", "fr");
        var (documentId, segments) = await _bench.PaperAsync(_projectId, $"{Source}\n\n{Source}\n\nIt wrote a report.\n");
        _documentId = documentId;
        _segments = [.. segments.Select(s => s.Id)];
        // The first segment is approved; a draft typed on the second is set aside when the claim is released; the second is
        // claimed again, with a reviewer's mute of the consistency check on it.
        var claimed = await ClaimAsync();
        await _bench.ApproveAsync(_projectId, _documentId, _segments[0], "fr", "Le groupe s'est réuni à Genève.");
        Assert.Equal(HttpStatusCode.OK, (await _bench.Volunteer.PutAsJsonAsync($"{Url(1)}/draft", Workbench.Runs("Le groupe"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent,
            (await _bench.Volunteer.PostAsync($"/api/projects/{_projectId}/documents/{_documentId}/claims/{claimed.ClaimId}/release", null)).StatusCode);
        await ClaimAsync();
        Assert.Equal(HttpStatusCode.NoContent,
            (await _bench.Coordinator.PutAsJsonAsync($"{Url(1)}/checks/consistency/mute", new { reason = "Both renderings are right." })).StatusCode);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string Url(int segment) => Workbench.Url(_projectId, _documentId, _segments[segment], "fr");

    private async Task<ClaimResponse> ClaimAsync()
    {
        var response = await _bench.Volunteer.PostAsJsonAsync($"/api/projects/{_projectId}/documents/{_documentId}/claims", new { language = "fr", words = 5000 });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ClaimResponse>(ApiJson.Options))!;
    }

    [Fact]
    public async Task A_draft_save_at_work_is_three_round_trips_and_its_reads_bring_the_findings_mutes_and_set_aside_drafts()
    {
        await using var recorded = Recorded();
        var volunteer = await ReadyAsync(recorded);
        // The first save reads the token, the right and the check settings, and keeps them.
        await SaveDraftAsync(volunteer, "Le groupe a tenu séance à Genève.");
        _commands.Clear();

        var saved = await SaveDraftAsync(volunteer, "Le groupe s'est rassemblé à Genève.");

        Assert.True(_commands.Count == 3, Sent());
        Assert.Contains(saved.Checks!, f => f is { Check: "consistency", Muted: true, MuteReason: "Both renderings are right." });
        var offered = Assert.Single(saved.Suggestions!);
        Assert.Equal(("Le groupe", "volunteer"), (offered.Text.Text, offered.AuthorName));
        Assert.Equal(("volunteer", "Le groupe s'est rassemblé à Genève."), (saved.ClaimedByName, saved.Draft!.Text));
    }

    [Fact]
    public async Task A_submission_at_work_that_leaves_its_batch_open_is_three_round_trips_and_its_commit()
    {
        await using var recorded = Recorded();
        var volunteer = await ReadyAsync(recorded);
        await SaveDraftAsync(volunteer, "Il a rédigé");
        _commands.Clear();

        // The segment with its target; the checks' and the answer's reads with the claim's lock and whether this hand-in finishes the
        // batch (it does not: the second segment is still claimed), BEGIN riding with them; the write (and its COMMIT, not a command).
        // The answer names the volunteer as its translator, from the reads before the write.
        var submitted = await volunteer.PutAsJsonAsync(Url(2), Workbench.Runs("Il a rédigé un rapport."));

        Assert.True(submitted.StatusCode == HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
        Assert.True(_commands.Count == 3, Sent());
        var answer = (await submitted.Content.ReadFromJsonAsync<TranslationResponse>(ApiJson.Options))!;
        Assert.Equal(("volunteer", null, null), (answer.TranslatorName, answer.ClaimedByName, answer.Suggestions));
    }

    private WebApplicationFactory<Program> Recorded() => api.WithCommandsRecorded(_commands);

    // The API process of the recording, once the notices of every change so far reached its kept answers: one arriving after
    // the first save would rightly forget what it kept.
    private async Task<HttpClient> ReadyAsync(WebApplicationFactory<Program> recorded)
    {
        var volunteer = recorded.CreateClient();
        volunteer.DefaultRequestHeaders.Authorization = new("Bearer", TestAccounts.VolunteerToken);
        await api.NoticesHeardAsync(recorded.Services);
        return volunteer;
    }

    private async Task<TranslationResponse> SaveDraftAsync(HttpClient volunteer, string text)
    {
        var response = await volunteer.PutAsJsonAsync($"{Url(1)}/draft", Workbench.Runs(text));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<TranslationResponse>(ApiJson.Options))!;
    }

    private string Sent() => $"{_commands.Count} commands:\n" + string.Join("\n----\n", _commands);
}
