using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Api.Claims;
using Wgig.Translate.Api.Tests.Aids;
using Wgig.Translate.Api.Tests.Security;
using Wgig.Translate.Api.Translations;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Checks;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Tests.Translations;

/// <summary>
/// A draft save and a submission in round trips to PostgreSQL, counted from the commands the API process actually sends
/// (every command is one round trip: a save's statements go as one batch), so that the count cannot grow unnoticed.
/// With the token, the right and the check settings kept (as they are for a volunteer at work), a draft save is four: the
/// segment with its target, the checks' reads of the segment (the other translations of its source and its mutes), the
/// write, and the answer's set-aside drafts with people's names. What those reads bring is checked too: the consistency
/// finding, muted with its reason, the set-aside draft offered by its author's name.
/// </summary>
public sealed class RoundTripTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private const string Source = "The group met in Geneva.";
    private static readonly TimeSpan NoticeWait = TimeSpan.FromSeconds(30);

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
    public async Task A_draft_save_at_work_is_four_round_trips_and_its_reads_bring_the_findings_mutes_and_set_aside_drafts()
    {
        await using var recorded = Recorded();
        var volunteer = await ReadyAsync(recorded);
        // The first save reads the token, the right and the check settings, and keeps them.
        await SaveDraftAsync(volunteer, "Le groupe a tenu séance à Genève.");
        _commands.Clear();

        var saved = await SaveDraftAsync(volunteer, "Le groupe s'est rassemblé à Genève.");

        Assert.True(_commands.Count == 4, Sent());
        Assert.Contains(saved.Checks!, f => f is { Check: "consistency", Muted: true, MuteReason: "Both renderings are right." });
        var offered = Assert.Single(saved.Suggestions!);
        Assert.Equal(("Le groupe", "volunteer"), (offered.Text.Text, offered.AuthorName));
        Assert.Equal(("volunteer", "Le groupe s'est rassemblé à Genève."), (saved.ClaimedByName, saved.Draft!.Text));
    }

    [Fact]
    public async Task A_submission_at_work_is_five_round_trips()
    {
        await using var recorded = Recorded();
        var volunteer = await ReadyAsync(recorded);
        await SaveDraftAsync(volunteer, "Il a rédigé");
        _commands.Clear();

        // The segment with its target, the checks' reads, the write, telling the reviewers if the batch is all handed in, the answer.
        var submitted = await volunteer.PutAsJsonAsync(Url(2), Workbench.Runs("Il a rédigé un rapport."));

        Assert.True(submitted.StatusCode == HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
        Assert.True(_commands.Count == 5, Sent());
    }

    private WebApplicationFactory<Program> Recorded() => api.WithWebHostBuilder(host => host.ConfigureTestServices(services =>
        services.ConfigureDbContext<TranslationDb>((_, options) => options.AddInterceptors(new RecordingCommands(_commands)))));

    // The API process of the recording, once the notices of every change so far reached its kept answers: one arriving after
    // the first save would rightly forget what it kept. PostgreSQL delivers notices in commit order, so once one sent now is
    // heard, every earlier one was.
    private async Task<HttpClient> ReadyAsync(WebApplicationFactory<Program> recorded)
    {
        var volunteer = recorded.CreateClient();
        volunteer.DefaultRequestHeaders.Authorization = new("Bearer", TestAccounts.VolunteerToken);
        var services = recorded.Services;
        await HeardAsync(services.GetRequiredService<TokenCallers>(), CredentialNotices.Channel);
        await HeardAsync(services.GetRequiredService<RightAnswers>(), RightNotices.Channel);
        await HeardAsync(services.GetRequiredService<KeptCheckSettings>(), CheckSettingNotices.Channel);
        return volunteer;
    }

    private async Task HeardAsync<TKey, TAnswer>(KeptAnswers<TKey, TAnswer> kept, string channel) where TKey : notnull
    {
        await kept.Connected.WaitAsync(NoticeWait);
        var heard = kept.ForgottenAsync(Guid.Empty);
        await api.Database.ExecuteAsync($"NOTIFY {channel}, 'all'");
        await heard.WaitAsync(NoticeWait);
    }

    private async Task<TranslationResponse> SaveDraftAsync(HttpClient volunteer, string text)
    {
        var response = await volunteer.PutAsJsonAsync($"{Url(1)}/draft", Workbench.Runs(text));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<TranslationResponse>(ApiJson.Options))!;
    }

    private string Sent() => $"{_commands.Count} commands:\n" + string.Join("\n----\n", _commands);

    private sealed class RecordingCommands(ConcurrentQueue<string> commands) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            commands.Enqueue(command.CommandText);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            commands.Enqueue(command.CommandText);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            commands.Enqueue(command.CommandText);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
