using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wgig.Translate.Api.Claims;
using Wgig.Translate.Api.Tests.Aids;
using Wgig.Translate.Api.Translations;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Api.Tests.Claims;

/// <summary>
/// Two writes to one target interleaved by hand rather than by timing: a request of the API's reads the target (as every
/// write does, <see cref="TranslationWork.FindAsync"/>), another writer changes it, then the first one writes. The first is
/// refused as changed at the same time, and nothing of it is stored: no event of a transition that did not happen, no
/// notice, no memory entry, and the target's next transition goes through. The Worker's sweep and the holder's decision on
/// a lapsing review batch meet the same way, in each order: the sweep first, the decision between the sweep's read and its
/// write, the decision half written when the sweep comes (<see cref="LeaseEdgeTests"/> races them by timing).
/// </summary>
public sealed class InterleavedWritesTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private const string Translation = "Le groupe s’est réuni à Genève.";
    private static readonly string[] Acknowledged = ["numbers", "length", "final-punctuation", "glossary", "consistency", "whitespace"];

    private readonly Workbench _bench = new(api);
    private Guid _projectId;
    private Guid _documentId;
    private Guid _ana;
    private Guid _bo;

    private HttpClient Ana => _bench.Volunteer;

    private HttpClient Bo => _bench.SecondVolunteer;

    public async Task InitializeAsync()
    {
        await api.ResetAsync();
        // Ana translates, Bo reviews.
        _projectId = await _bench.ProjectAsync("Interleaved", "fr");
        (_documentId, _) = await _bench.PaperAsync(_projectId, "The group met in Geneva.\n\nIt wrote a report.\n");
        _ana = await _bench.AccountAsync("volunteer@test.example");
        _bo = await _bench.AccountAsync("volunteer2@test.example");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string TranslationUrl(Guid segment) => Workbench.Url(_projectId, _documentId, segment, "fr");

    private async Task<ClaimResponse> ClaimAsync(HttpClient client, string what)
    {
        var response = await client.PostAsJsonAsync($"/api/projects/{_projectId}/documents/{_documentId}/{what}", new { language = "fr", words = 1 });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ClaimResponse>(ApiJson.Options))!;
    }

    private Task<TranslationResponse> SubmitAsync(Guid segment) => Workbench.SubmitAsync(Ana, TranslationUrl(segment), Workbench.Runs(Translation, Acknowledged));

    // Ana's translation of the first segment, handed in.
    private async Task<Guid> TranslatedAsync()
    {
        var segment = (await ClaimAsync(Ana, "claims")).SegmentIds.Single();
        await SubmitAsync(segment);
        return segment;
    }

    // The segment as a write of the API's reads it: the caller's right, the segment and its target, tracked in the scope's store.
    private static async Task<TranslationContext> ReadAsync(AsyncServiceScope scope, Guid projectId, Guid documentId, Guid segment, Guid caller,
        LanguageRight right)
    {
        var read = await scope.ServiceProvider.GetRequiredService<TranslationWork>()
            .FindAsync(projectId, documentId, segment, "fr", caller, right, CancellationToken.None);
        Assert.True(read.Succeeded);
        return read.Value;
    }

    private Task<IReadOnlyList<string>> HistoryAsync(Guid segment) => api.Database.QueryAsync<string>($"""
        SELECT e.kind FROM translate.target_events e JOIN translate.targets t ON t.id = e.target_id
        WHERE t.segment_id = '{segment}' ORDER BY e.sequence
        """);

    private async Task<string> StateAsync(Guid segment) =>
        (await api.Database.QueryAsync<string>($"SELECT state FROM translate.targets WHERE segment_id = '{segment}'")).Single();

    [Fact]
    public async Task A_submission_read_before_a_draft_was_saved_is_refused_stores_no_event_and_goes_through_when_sent_again()
    {
        var segment = (await ClaimAsync(Ana, "claims")).SegmentIds.Single();
        await using var scope = api.Services.CreateAsyncScope();
        var read = await ReadAsync(scope, _projectId, _documentId, segment, _ana, LanguageRight.Translate);

        // The editor's autosave from another tab: the target changes, without a transition.
        (await Ana.PutAsJsonAsync($"{TranslationUrl(segment)}/draft", Workbench.Runs("Le groupe"))).EnsureSuccessStatusCode();

        var submitted = await scope.ServiceProvider.GetRequiredService<TranslationWork>().SubmitAsync(read,
            new SegmentContent(Translation, read.Segment.Content.Codes), null, Acknowledged, CancellationToken.None);
        Assert.IsType<TranslationChanged>(submitted.Error);
        Assert.Equal(["Claimed"], await HistoryAsync(segment));
        Assert.Equal("Claimed", await StateAsync(segment));

        await SubmitAsync(segment);
        Assert.Equal(["Claimed", "Submitted"], await HistoryAsync(segment));
    }

    // The sweep expiring the claim between a hand-in's read and its write numbers the target's next event first: the hand-in's
    // event then breaks the history's unique numbering, which aborts the hand-in's transaction. It answers that the translation
    // changed, with the target as it now is, and stores nothing.
    [Fact]
    public async Task A_submission_whose_next_event_the_sweep_numbered_first_is_refused_as_changed_and_stores_nothing()
    {
        var segment = (await ClaimAsync(Ana, "claims")).SegmentIds.Single();
        await using var scope = api.Services.CreateAsyncScope();
        var read = await ReadAsync(scope, _projectId, _documentId, segment, _ana, LanguageRight.Translate);

        // The sweep's event, as it writes it, without the rest of its work: the target's row is left as the hand-in read it.
        await api.Database.ExecuteAsync($"""
            INSERT INTO translate.target_events (id, target_id, sequence, kind, state_after, actor_id, text, comment, at)
            SELECT gen_random_uuid(), t.id, t.events_recorded + 1, 'Expired', 'Untranslated', NULL, NULL, NULL, now()
            FROM translate.targets t WHERE t.segment_id = '{segment}'
            """);

        var submitted = await scope.ServiceProvider.GetRequiredService<TranslationWork>().SubmitAsync(read,
            new SegmentContent(Translation, read.Segment.Content.Codes), null, Acknowledged, CancellationToken.None);

        var changed = Assert.IsType<TranslationChanged>(submitted.Error);
        Assert.Equal("Claimed", changed.Current.Target!.State.ToString());
        Assert.Equal(["Claimed", "Expired"], await HistoryAsync(segment));
        Assert.Equal("Claimed", await StateAsync(segment));
    }

    [Fact]
    public async Task A_rejection_read_before_the_target_moved_is_refused_and_tells_nobody()
    {
        var segment = await TranslatedAsync();
        await using var scope = api.Services.CreateAsyncScope();
        var read = await ReadAsync(scope, _projectId, _documentId, segment, _bo, LanguageRight.Review);

        // A new version placing the segment anew (TargetSql.Place) changes the target without a transition.
        await api.Database.ExecuteAsync($"UPDATE translate.targets SET word_count = word_count WHERE segment_id = '{segment}'");

        var rejected = await scope.ServiceProvider.GetRequiredService<TranslationWork>().ReviewAsync(read,
            new ReviewDecision(ReviewVerdict.Reject, "Use the UN term."), null, CancellationToken.None);
        Assert.IsType<TranslationChanged>(rejected.Error);
        Assert.Equal(["Claimed", "Submitted"], await HistoryAsync(segment));
        Assert.Equal([0L], await api.Database.QueryAsync<long>($"SELECT count(*) FROM translate.notifications WHERE account_id = '{_ana}' AND once_key LIKE 'rejected:%'"));

        (await Bo.PostAsJsonAsync($"{TranslationUrl(segment)}/review", new { decision = "reject", comment = "Use the UN term." })).EnsureSuccessStatusCode();
        Assert.Equal(["Claimed", "Submitted", "Rejected"], await HistoryAsync(segment));
    }

    [Fact]
    public async Task An_approval_read_before_the_sweep_released_its_lapsed_batch_is_refused_and_the_history_says_why()
    {
        var segment = await TranslatedAsync();
        var batch = await ClaimAsync(Bo, "reviews");
        await using var scope = api.Services.CreateAsyncScope();
        var read = await ReadAsync(scope, _projectId, _documentId, segment, _bo, LanguageRight.Review);

        api.Clock.SetUtcNow(batch.ExpiresAt);
        await api.SweepExpiredClaimsAsync();

        var approved = await scope.ServiceProvider.GetRequiredService<TranslationWork>().ReviewAsync(read, new ReviewDecision(ReviewVerdict.Approve),
            null, CancellationToken.None);
        Assert.IsType<TranslationChanged>(approved.Error);
        Assert.Equal("Translated", await StateAsync(segment));
        Assert.Equal(["Claimed", "Submitted", "ReviewClaimed", "ReviewExpired"], await HistoryAsync(segment));
        Assert.Equal([0L], await api.Database.QueryAsync<long>("SELECT count(*) FROM translate.memory_entries"));
    }

    [Fact]
    public async Task A_sweep_that_meets_a_decision_half_written_at_the_lapse_leaves_that_translation_to_it()
    {
        var segment = await TranslatedAsync();
        var batch = await ClaimAsync(Bo, "reviews");
        api.Clock.SetUtcNow(batch.ExpiresAt);

        // Bo's approval as EF Core writes it: the event first (its reference to the target holds the target's key), then the target.
        await using var decision = new NpgsqlConnection(api.Database.ConnectionString);
        await decision.OpenAsync();
        await using var transaction = await decision.BeginTransactionAsync();
        await ExecuteAsync(decision, $"""
            INSERT INTO translate.target_events (id, target_id, sequence, kind, state_after, actor_id, text, comment, at)
            SELECT gen_random_uuid(), t.id, t.events_recorded + 1, 'Approved', 'Approved', '{_bo}', NULL, NULL, now()
            FROM translate.targets t WHERE t.segment_id = '{segment}'
            """);
        // The sweep skips the target being written (SKIP LOCKED) rather than waiting for it or recording a lapse under the decision.
        await api.SweepExpiredClaimsAsync();
        await ExecuteAsync(decision, $"""
            UPDATE translate.targets SET state = 'Approved', review_claimed_by = NULL, review_claim_id = NULL, events_recorded = events_recorded + 1
            WHERE segment_id = '{segment}'
            """);
        await transaction.CommitAsync();
        await api.SweepExpiredClaimsAsync();

        Assert.Equal("Approved", await StateAsync(segment));
        Assert.Equal(["Claimed", "Submitted", "ReviewClaimed", "Approved"], await HistoryAsync(segment));
    }

    // A hand-in locks its claim, then its target (ReviewNotices' remarks). A writer that locks them the other way round meets it in a
    // deadlock; PostgreSQL rolls one back. Here the hand-in is the one rolled back (the other writer waits ten seconds before it
    // looks for a deadlock, the hand-in the server's one): it is read again and sent again, and stands once the other lets go.
    [Fact]
    public async Task A_submission_rolled_back_as_a_deadlock_s_victim_is_sent_again_and_stands()
    {
        var claim = await ClaimAsync(Ana, "claims");
        var segment = claim.SegmentIds.Single();
        await using var other = new NpgsqlConnection(api.Database.ConnectionString);
        await other.OpenAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await ExecuteAsync(other, "SET LOCAL deadlock_timeout = '10s'");
        await ExecuteAsync(other, $"SELECT 1 FROM translate.targets WHERE segment_id = '{segment}' FOR UPDATE");

        var handingIn = SubmitAsync(segment);
        await api.Database.SessionWaitsForALockAsync(handingIn);
        await ExecuteAsync(other, $"SELECT 1 FROM translate.claims WHERE id = '{claim.ClaimId}' FOR NO KEY UPDATE");
        await transaction.RollbackAsync();

        Assert.Equal(Translation, (await handingIn).Text!.Text);
        Assert.Equal("Translated", await StateAsync(segment));
        Assert.Equal(["Claimed", "Submitted"], await HistoryAsync(segment));
    }

    // A new version of the document locks its targets and then, through the open-words trigger, their claims; a hand-in locks its
    // claim and then its target. So the hand-in first takes the document's lock that claims share and a version takes alone: it
    // waits for the version under way instead of meeting it in a deadlock, then answers that the translation changed (the version
    // changed it), with nothing of it stored.
    [Fact]
    public async Task A_submission_during_a_new_version_waits_for_it_and_answers_that_the_translation_changed()
    {
        var segment = (await ClaimAsync(Ana, "claims")).SegmentIds.Single();
        await using var scope = api.Services.CreateAsyncScope();
        var version = scope.ServiceProvider.GetRequiredService<TranslationDb>();
        await using (var importing = await version.Database.BeginTransactionAsync())
        {
            // As DocumentImport does: the document alone, then its targets, then their word counts placed anew.
            await DocumentLocks.ForVersionAsync(version, _documentId, CancellationToken.None);
            await version.Database.ExecuteSqlAsync($"SELECT 1 FROM translate.targets WHERE document_id = {_documentId} FOR UPDATE");

            var handingIn = Ana.PutAsJsonAsync(TranslationUrl(segment), Workbench.Runs(Translation, Acknowledged));
            await api.Database.SessionWaitsForALockAsync(handingIn);
            await version.Database.ExecuteSqlAsync($"UPDATE translate.targets SET word_count = word_count + 1 WHERE segment_id = {segment}");
            await importing.CommitAsync();

            await (await handingIn).AssertProblemAsync(HttpStatusCode.Conflict, "Someone else changed the translation at the same time.");
        }
        Assert.Equal("Claimed", await StateAsync(segment));
        Assert.Equal(["Claimed"], await HistoryAsync(segment));
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task An_approval_after_the_sweep_released_its_lapsed_batch_is_stored_after_the_lapse_while_nobody_took_the_translation()
    {
        var segment = await TranslatedAsync();
        var batch = await ClaimAsync(Bo, "reviews");
        api.Clock.SetUtcNow(batch.ExpiresAt);
        await api.SweepExpiredClaimsAsync();

        (await Bo.PostAsJsonAsync($"{TranslationUrl(segment)}/review", new { decision = "approve" })).EnsureSuccessStatusCode();
        Assert.Equal("Approved", await StateAsync(segment));
        Assert.Equal(["Claimed", "Submitted", "ReviewClaimed", "ReviewExpired", "Approved"], await HistoryAsync(segment));
    }
}
