using System.Net;
using System.Net.Http.Json;
using System.Text;
using Wgig.Translate.Api.Documents;
using Wgig.Translate.Api.Notifications;
using Wgig.Translate.Api.Paging;
using Wgig.Translate.Domain.Activity;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Notifications;
using Wgig.Translate.Domain.Publishing;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Api.Tests.Documents;

/// <summary>A document has one origin and one sign-off: what may change it, and what a change tells people.</summary>
public sealed class SourceOwnershipTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private const string Paper = "# Report\n\nThe group met twice. It wrote a report.\n\nComments are welcome.\n";

    private readonly HttpClient _coordinator = api.CreateClient(TestAccounts.CoordinatorToken);
    private readonly HttpClient _secretariat = api.CreateClient(TestAccounts.SecretariatToken);
    private Guid _projectId;
    private Guid _documentId;

    public async Task InitializeAsync()
    {
        await api.ResetAsync();
        _projectId = await _coordinator.CreateProjectAsync(targets: ["fr", "es"]);
        // Staff roles are per project: the secretariat signs off the projects it is staff of.
        var secretariat = (await api.Database.QueryAsync<Guid>("SELECT id FROM translate.accounts WHERE email = 'secretariat@test.example'")).Single();
        Assert.Equal(HttpStatusCode.OK, (await _coordinator.PutAsync($"/api/projects/{_projectId}/staff/{secretariat}", null)).StatusCode);
        var upload = await _coordinator.UploadAsync(_projectId, "report.md", Encoding.UTF8.GetBytes(Paper));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var document = (await upload.Content.ReadFromJsonAsync<DocumentResponse>(ApiJson.Options))!;
        Assert.Equal(VersionOrigin.Upload, document.Origin);
        _documentId = document.Id;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string DocumentUrl => $"/api/projects/{_projectId}/documents/{_documentId}";

    [Fact]
    public async Task An_identical_upload_is_unchanged_makes_no_version_and_keeps_the_sign_off()
    {
        await SignOffAsync();
        var before = await api.Database.SnapshotAsync();

        var response = await UploadVersionAsync("report.md", Encoding.UTF8.GetBytes(Paper));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = (await response.Content.ReadFromJsonAsync<SourceUpdateResponse>(ApiJson.Options))!;
        Assert.Equal((1, 4, true, false), (summary.Version, summary.Unchanged, summary.Identical, summary.SignOffVoided));
        Assert.Equal(["The file is identical to version 1: nothing changed and no version was made."], summary.Warnings);
        Assert.Equal(before, await api.Database.SnapshotAsync());
        Assert.True((await GateAsync()).SignedOff);
    }

    [Fact]
    public async Task A_change_of_formatting_only_makes_a_version_and_keeps_the_sign_off()
    {
        await SignOffAsync();

        var response = await UploadVersionAsync("report.md", Encoding.UTF8.GetBytes(Paper.Replace("\n\nComments", "\n\n\nComments", StringComparison.Ordinal)));

        var summary = (await response.Content.ReadFromJsonAsync<SourceUpdateResponse>(ApiJson.Options))!;
        Assert.Equal((2, 4, false, false), (summary.Version, summary.Unchanged, summary.Identical, summary.SignOffVoided));
        var gate = await GateAsync();
        Assert.Equal((2, 2, true), (gate.Version, gate.SignedOffVersion, gate.SignedOff));
    }

    [Fact]
    public async Task A_real_change_voids_the_sign_off_and_the_secretariat_and_translators_are_told()
    {
        await SignOffAsync();
        // A secretariat account that is not staff of this project: staff roles are per project, so it hears nothing.
        var outsider = Guid.NewGuid();
        await api.Database.InsertAccountAsync(outsider, "Secretariat2", Wgig.Translate.Domain.Accounts.Roles.Secretariat);

        var response = await UploadVersionAsync("report.md", Encoding.UTF8.GetBytes(Paper.Replace("met twice", "met three times", StringComparison.Ordinal)));

        var summary = (await response.Content.ReadFromJsonAsync<SourceUpdateResponse>(ApiJson.Options))!;
        Assert.Equal((2, 1, true), (summary.Version, summary.Changed, summary.SignOffVoided));
        Assert.Equal(new Dictionary<string, int> { ["fr"] = 1, ["es"] = 1 }, summary.ApprovedNeedingUpdate);
        Assert.Contains("The secretariat's sign-off no longer holds: the text changed. The secretariat was told.", summary.Warnings);
        Assert.False((await GateAsync()).SignedOff);
        var told = (await _secretariat.GetFromJsonAsync<Paged<NotificationResponse>>("/api/me/notifications", ApiJson.Options))!.Items;
        var voided = Assert.Single(told, n => n.Kind == NotificationKind.SignOffVoided);
        Assert.Equal("The sign-off of report.md (version 1) no longer holds: version 2 changed 1, added 0 and retired 0 segment(s). " +
            "Sign it off again once every language is approved.", voided.Text);
        Assert.Empty(await api.Database.QueryAsync<string>($"SELECT kind FROM translate.notifications WHERE account_id = '{outsider}'"));
        // The translator of the sentence hears that their two translations (fr, es) need an update.
        var translator = (await api.Database.QueryAsync<string>(
            "SELECT text FROM translate.notifications WHERE kind = 'TranslationsNeedUpdate' ORDER BY text")).ToList();
        Assert.Equal(["1 of your translations of report.md (es) need an update: their source sentences changed in version 2. Each shows the previous source beside the new one; claim them again to update them.",
            "1 of your translations of report.md (fr) need an update: their source sentences changed in version 2. Each shows the previous source beside the new one; claim them again to update them."], translator);
        // The project's activity feed says it too, newest first.
        var activity = (await _coordinator.GetFromJsonAsync<List<ActivityEntry>>($"/api/projects/{_projectId}/activity?kind=import", ApiJson.Options))!;
        Assert.Equal([("NewVersion", "2 approved translation(s) went back to \"needs update\": their source changed."), ("Imported", (string?)null)],
            activity.Select(e => (e.What, e.Text)));
    }

    [Fact]
    public async Task A_docx_sent_as_a_new_version_of_a_markdown_document_is_refused_as_another_format()
    {
        var before = await api.Database.SnapshotAsync();

        var response = await UploadVersionAsync("report.docx", Samples.Docx);

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType,
            "'report.md' is a Markdown document, but 'report.docx' is Docx: a new version is in the document's own format.");
        // The same bytes under the document's own name: still not Markdown, and said so (not "not UTF-8 at byte 10").
        await (await UploadVersionAsync("report.md", Samples.Docx)).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType,
            "'report.md' is a Markdown document, but 'report.md' is Docx");
        Assert.Equal(before, await api.Database.SnapshotAsync());
    }

    [Fact]
    public async Task A_document_kept_in_the_repository_takes_no_upload_unless_detached()
    {
        await api.Database.ExecuteAsync($"UPDATE translate.documents SET origin = 'Repository' WHERE id = '{_documentId}'");
        var before = await api.Database.SnapshotAsync();
        var edited = Encoding.UTF8.GetBytes(Paper.Replace("met twice", "met three times", StringComparison.Ordinal));

        var refused = await UploadVersionAsync("report.md", edited);

        await refused.AssertProblemAsync(HttpStatusCode.Conflict, "'report.md' comes from the project's repository");
        await refused.AssertProblemAsync(HttpStatusCode.Conflict, "upload again with detach=true");
        Assert.Equal(before, await api.Database.SnapshotAsync());

        var detached = await UploadVersionAsync("report.md", edited, detach: true);

        Assert.Equal(HttpStatusCode.OK, detached.StatusCode);
        var summary = (await detached.Content.ReadFromJsonAsync<SourceUpdateResponse>(ApiJson.Options))!;
        Assert.Equal((2, true), (summary.Version, summary.Detached));
        var document = (await _coordinator.GetFromJsonAsync<DocumentResponse>(DocumentUrl, ApiJson.Options))!;
        Assert.Equal(VersionOrigin.Upload, document.Origin);
        Assert.Equal(await AccountAsync("coordinator@test.example"), document.Versions[^1].ImportedBy);
    }

    private async Task SignOffAsync()
    {
        var segments = await api.Database.QueryAsync<Guid>($"SELECT id FROM translate.segments WHERE document_id = '{_documentId}'");
        var translator = await AccountAsync("volunteer@test.example");
        foreach (var segment in segments)
        {
            foreach (var language in new[] { "fr", "es" })
            {
                await api.Database.InsertTargetAsync(segment, language, "Approved", "traduit");
                await api.Database.ExecuteAsync(
                    $"UPDATE translate.targets SET translator_id = '{translator}' WHERE segment_id = '{segment}' AND language = '{language}'");
            }
        }
        var signed = await _secretariat.PostAsync($"{DocumentUrl}/sign-off", null);
        Assert.True(signed.StatusCode == HttpStatusCode.OK, await signed.Content.ReadAsStringAsync());
    }

    private async Task<PaperGate> GateAsync() =>
        Assert.Single((await _coordinator.GetFromJsonAsync<List<PaperGate>>($"/api/projects/{_projectId}/papers", ApiJson.Options))!);

    private async Task<HttpResponseMessage> UploadVersionAsync(string name, byte[] content, bool detach = false)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", name } };
        if (detach)
        {
            form.Add(new StringContent("true"), "detach");
        }
        return await _coordinator.PostAsync($"{DocumentUrl}/versions", form);
    }

    private async Task<Guid> AccountAsync(string email) =>
        (await api.Database.QueryAsync<Guid>($"SELECT id FROM translate.accounts WHERE email = '{email}'")).Single();
}
