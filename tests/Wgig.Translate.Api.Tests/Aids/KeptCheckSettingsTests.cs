using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Wgig.Translate.Api.Glossary;
using Wgig.Translate.Api.Tests.Security;
using Wgig.Translate.Domain.Checks;

namespace Wgig.Translate.Api.Tests.Aids;

/// <summary>
/// The check settings an API process keeps (<see cref="KeptCheckSettings"/>: levels and glossary) end as they change: at once
/// for changes this process makes, and when PostgreSQL's notice arrives for changes made elsewhere. Each test saves a draft
/// first, so that the settings are kept, then changes one and saves the draft again.
/// </summary>
public sealed class KeptCheckSettingsTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private static readonly TimeSpan NoticeWait = TimeSpan.FromSeconds(30);
    private static readonly object Stakeholder = new
    {
        terms = new object[] { new { language = "en", text = "stakeholder" }, new { language = "fr", text = "partie prenante" } },
    };

    private readonly Workbench _bench = new(api);
    private Guid _projectId;
    private string _draft = "";

    public async Task InitializeAsync()
    {
        await api.ResetAsync();
        _projectId = await _bench.ProjectAsync("Kept settings", "fr");
        var (documentId, segments) = await _bench.PaperAsync(_projectId, "All stakeholders met in 2004.\n");
        await _bench.ClaimAllAsync(_projectId, documentId, "fr");
        _draft = $"{Workbench.Url(_projectId, documentId, segments[0].Id, "fr")}/draft";
        // The notices of the set-up (the reset's TRUNCATE among them) are heard before anything is kept: PostgreSQL delivers
        // them in commit order, so once one sent now is heard, every earlier one was.
        await Kept.Connected.WaitAsync(NoticeWait);
        var heard = Kept.ForgottenAsync(Guid.Empty);
        await api.Database.ExecuteAsync($"NOTIFY {CheckSettingNotices.Channel}, 'all'");
        await heard.WaitAsync(NoticeWait);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private KeptCheckSettings Kept => api.Services.GetRequiredService<KeptCheckSettings>();

    private CheckSettingsQuestion Question => new(_projectId, "en", "fr");

    // "Tous les acteurs" does not use the glossary's "partie prenante"; 1999 is not the source's 2004.
    private async Task<List<string>> DraftFindingsAsync() =>
        [.. (await Workbench.SubmitAsync(_bench.Volunteer, _draft, Workbench.Runs("Tous les acteurs se sont réunis en 1999."))).Checks!
            .Select(f => $"{f.Check}:{f.Level}").Order()];

    // The very next draft's findings, and then the settings it read are kept: once the change's own notice (which may
    // still be on its way, and forgets them when heard) has arrived, the next draft keeps them and finds the same.
    private async Task<List<string>> KeptThenAsync()
    {
        var findings = await DraftFindingsAsync();
        await api.NoticesHeardAsync();
        Assert.Equal(findings, await DraftFindingsAsync());
        Assert.True(Kept.TryGet(Question, out _));
        return findings;
    }

    [Fact]
    public async Task A_glossary_entry_added_or_deleted_here_counts_in_the_very_next_draft()
    {
        Assert.DoesNotContain("glossary:Warning", await KeptThenAsync());

        var created = await _bench.Coordinator.PostAsJsonAsync($"/api/projects/{_projectId}/glossary", Stakeholder);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains("glossary:Warning", await KeptThenAsync());

        var entry = (await created.Content.ReadFromJsonAsync<GlossaryEntryResponse>(ApiJson.Options))!;
        Assert.Equal(HttpStatusCode.NoContent, (await _bench.Coordinator.DeleteAsync($"/api/projects/{_projectId}/glossary/{entry.Id}")).StatusCode);
        Assert.DoesNotContain("glossary:Warning", await DraftFindingsAsync());
    }

    [Fact]
    public async Task A_check_level_changed_here_counts_in_the_very_next_draft()
    {
        Assert.Contains("numbers:Warning", await KeptThenAsync());

        Assert.Equal(HttpStatusCode.OK, (await _bench.Coordinator.PutAsJsonAsync($"/api/projects/{_projectId}/checks/numbers", new { level = "Error" })).StatusCode);

        Assert.Contains("numbers:Error", await DraftFindingsAsync());
    }

    [Fact]
    public async Task A_glossary_shared_or_unshared_here_counts_in_the_very_next_draft_of_the_project_reading_it()
    {
        var owner = await _bench.ProjectAsync("Owner of the glossary", "fr");
        Assert.Equal(HttpStatusCode.Created, (await _bench.Coordinator.PostAsJsonAsync($"/api/projects/{owner}/glossary", Stakeholder)).StatusCode);
        Assert.DoesNotContain("glossary:Warning", await KeptThenAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await _bench.Coordinator.PutAsync($"/api/projects/{owner}/shares/glossary/{_projectId}", null)).StatusCode);
        Assert.Contains("glossary:Warning", await KeptThenAsync());

        // The owner's glossary changes: the project reading it reads it again.
        var second = new { terms = new object[] { new { language = "en", text = "met" }, new { language = "fr", text = "se sont rencontrés" } } };
        Assert.Equal(HttpStatusCode.Created, (await _bench.Coordinator.PostAsJsonAsync($"/api/projects/{owner}/glossary", second)).StatusCode);
        Assert.Equal(2, (await KeptThenAsync()).Count(f => f == "glossary:Warning"));

        Assert.Equal(HttpStatusCode.NoContent, (await _bench.Coordinator.DeleteAsync($"/api/projects/{owner}/shares/glossary/{_projectId}")).StatusCode);
        Assert.DoesNotContain("glossary:Warning", await DraftFindingsAsync());
    }

    [Fact]
    public async Task A_level_written_elsewhere_counts_once_its_notice_arrives()
    {
        Assert.Contains("numbers:Warning", await KeptThenAsync());

        // As another API process or a hand-written statement would: no save of this process to see it.
        var forgotten = Kept.ForgottenAsync(_projectId);
        await api.Database.ExecuteAsync($"""
            INSERT INTO translate.check_settings (project_id, "check", level, changed_by, changed_at)
                SELECT '{_projectId}', 'numbers', 'Off', id, now() FROM translate.accounts WHERE email = 'coordinator@test.example'
            """);
        await forgotten.WaitAsync(NoticeWait);

        Assert.DoesNotContain("numbers:Warning", await DraftFindingsAsync());
    }
}
