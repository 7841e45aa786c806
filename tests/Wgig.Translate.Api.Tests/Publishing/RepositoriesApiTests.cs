using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Wgig.Translate.Api.Publishing;
using Wgig.Translate.Domain.Publishing;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Api.Tests.Publishing;

[RunsLong(7)]
public sealed class RepositoriesApiTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private const string Secret = "a webhook secret";
    private readonly HttpClient _coordinator = api.CreateClient(TestAccounts.CoordinatorToken);
    private readonly HttpClient _secretariat = api.CreateClient(TestAccounts.SecretariatToken);
    private readonly HttpClient _admin = api.CreateClient(TestAccounts.AdminToken);

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static object GitHub(string? token = "ghp_secret-token-value", string? apiBaseUrl = null, string owner = "wgig") => new
    {
        host = "GitHub", owner, name = "papers", branch = "main", sourcePattern = "papers/en/**/*.md", targetTemplate = "papers/{lang}/{path}",
        writeMode = "PullRequest", apiBaseUrl, token, webhookSecret = Secret,
    };

    [Fact]
    public async Task A_connection_is_stored_and_shown_without_its_credentials_and_a_change_keeps_them()
    {
        var projectId = await _coordinator.CreateProjectAsync();

        var response = await _admin.PutAsJsonAsync($"/api/projects/{projectId}/repository", GitHub(apiBaseUrl: "https://github.example.org/some/path"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("ghp_secret-token-value", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        var changed = await _coordinator.PutAsJsonAsync($"/api/projects/{projectId}/repository", GitHub(token: null, apiBaseUrl: "https://github.example.org"));
        var read = (await _coordinator.GetFromJsonAsync<RepositoryResponse>($"/api/projects/{projectId}/repository", ApiJson.Options))!;
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal((true, true, "https://github.example.org", WriteMode.PullRequest), (read.HasToken, read.HasWebhookSecret, read.ApiBaseUrl, read.WriteMode));
        // Stored sealed: a dump of the database shows neither the token nor the webhook secret, and the key ring it
        // holds is itself encrypted with a key kept outside the database.
        var dump = string.Join("\n", [.. await api.Database.QueryAsync<string>("SELECT t::text FROM translate.repository_connections t"),
            .. await api.Database.QueryAsync<string>("SELECT t::text FROM translate.data_protection_keys t")]);
        Assert.DoesNotContain("ghp_secret-token-value", dump, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, dump, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", dump, StringComparison.Ordinal);
        Assert.Contains("keyRingEncrypted", dump, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_github_app_installation_is_accepted_in_place_of_a_token_and_its_key_is_never_shown()
    {
        var projectId = await _coordinator.CreateProjectAsync();
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var pem = key.ExportRSAPrivateKeyPem();
        object App(string? privateKey) => new
        {
            host = "GitHub", owner = "wgig", name = "papers", branch = "main", sourcePattern = "papers/en/**/*.md", targetTemplate = "papers/{lang}/{path}",
            appId = 1234, installationId = 42, appPrivateKey = privateKey,
        };

        var bad = await _coordinator.PutAsJsonAsync($"/api/projects/{projectId}/repository", App("not a key"));
        var good = await _coordinator.PutAsJsonAsync($"/api/projects/{projectId}/repository", App(pem));
        var kept = await _coordinator.PutAsJsonAsync($"/api/projects/{projectId}/repository", App(null));

        var problem = await bad.AssertProblemAsync(HttpStatusCode.BadRequest, "private key in PEM form");
        Assert.Equal(["appPrivateKey"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (good.StatusCode, kept.StatusCode));
        Assert.DoesNotContain("PRIVATE KEY", await good.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var read = (await kept.Content.ReadFromJsonAsync<RepositoryResponse>(ApiJson.Options))!;
        Assert.Equal((false, true, 1234L, 42L), (read.HasToken, read.HasAppPrivateKey, read.AppId, read.InstallationId));
    }

    [Fact]
    public async Task An_invalid_connection_is_a_400_naming_every_field_and_nothing_is_stored()
    {
        var projectId = await _coordinator.CreateProjectAsync();
        var before = await api.Database.SnapshotAsync();

        var response = await _coordinator.PutAsJsonAsync($"/api/projects/{projectId}/repository",
            new { host = "GitHub", name = "wgig/papers", branch = "", sourcePattern = "../secrets/*", targetTemplate = "papers/{path}" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["branch", "name", "owner", "sourcePattern", "targetTemplate", "token"],
            problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(before, await api.Database.SnapshotAsync());
        await (await _coordinator.GetAsync($"/api/projects/{projectId}/repository")).AssertProblemAsync(HttpStatusCode.Conflict, "not connected");
    }

    [Fact]
    public async Task A_publication_is_queued_for_the_worker_and_a_bad_request_changes_nothing()
    {
        var projectId = await ProjectWithSecretariatAsync(["fr", "es"]);
        var notConnected = await _secretariat.PostAsJsonAsync($"/api/projects/{projectId}/publications", new { languages = new[] { "fr" }, subset = true });
        await notConnected.AssertProblemAsync(HttpStatusCode.Conflict, "not connected to a document repository");
        await _coordinator.PutAsJsonAsync($"/api/projects/{projectId}/repository", GitHub());
        var before = await api.Database.SnapshotAsync();

        var bad = await _secretariat.PostAsJsonAsync($"/api/projects/{projectId}/publications",
            new { languages = new[] { "fr", "de" }, documentIds = new[] { Guid.NewGuid() } });

        var problem = await bad.AssertProblemAsync(HttpStatusCode.BadRequest, "'de' is not a target language");
        Assert.Equal(["documentIds", "languages"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(before, await api.Database.SnapshotAsync());

        var response = await _secretariat.PostAsJsonAsync($"/api/projects/{projectId}/publications", new { languages = new[] { "FR", "fr", "es" }, subset = true });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var publication = (await response.Content.ReadFromJsonAsync<PublicationResponse>(ApiJson.Options))!;
        Assert.Equal((1, PublicationStatus.Queued), (publication.Number, publication.Status));
        Assert.Equal(["fr", "es"], publication.Languages);
        Assert.Equal($"/api/projects/{projectId}/publications/{publication.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal([1L], await api.Database.QueryAsync<long>(
            $"SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%PublishTranslations%' AND arguments::text LIKE '%{publication.Id}%'"));
        var listed = (await _coordinator.GetFromJsonAsync<List<PublicationResponse>>($"/api/projects/{projectId}/publications", ApiJson.Options))!;
        Assert.Equal(publication.Id, Assert.Single(listed).Id);
    }

    [Fact]
    public async Task A_paper_is_published_whole_only_when_every_language_is_approved_and_the_secretariat_signed_it_off()
    {
        var projectId = await ProjectWithSecretariatAsync(["fr", "ar"]);
        await _coordinator.PutAsJsonAsync($"/api/projects/{projectId}/repository", GitHub());
        var upload = await _coordinator.UploadAsync(projectId, "paper.md", "# Report\n\nThe group met. It wrote.\n"u8.ToArray());
        var documentId = (await upload.Content.ReadFromJsonAsync<ApiCalls.IdOnly>(ApiJson.Options))!.Id;
        var segments = await api.Database.QueryAsync<Guid>($"SELECT id FROM translate.segments WHERE document_id = '{documentId}' ORDER BY ordinal");
        foreach (var segment in segments)
        {
            await api.Database.InsertTargetAsync(segment, "fr", "Approved", $"fr {segment:N}");
        }

        await (await _secretariat.PostAsync($"/api/projects/{projectId}/documents/{documentId}/sign-off", null))
            .AssertProblemAsync(HttpStatusCode.Conflict, "paper.md: not approved in full in ar (0 %)");
        await (await _secretariat.PostAsJsonAsync($"/api/projects/{projectId}/publications", new { }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "paper.md: not approved in full in ar (0 %). Publish a paper when all its required languages are approved");
        await (await _secretariat.PostAsJsonAsync($"/api/projects/{projectId}/publications", new { languages = new[] { "fr" } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "say subset: true");

        foreach (var segment in segments)
        {
            await api.Database.InsertTargetAsync(segment, "ar", "Approved", $"ar {segment:N}");
        }
        await (await _secretariat.PostAsJsonAsync($"/api/projects/{projectId}/publications", new { }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "paper.md: not signed off by the secretariat");
        var signed = await _secretariat.PostAsync($"/api/projects/{projectId}/documents/{documentId}/sign-off", null);
        var gates = (await _coordinator.GetFromJsonAsync<List<PaperGate>>($"/api/projects/{projectId}/papers", ApiJson.Options))!;
        var published = await _secretariat.PostAsJsonAsync($"/api/projects/{projectId}/publications", new { });

        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        var gate = Assert.Single(gates);
        Assert.True(gate.MayPublish);
        Assert.Equal([("fr", 100.0), ("ar", 100.0)], gate.Languages.Select(l => (l.Language, l.ApprovedPercent)));
        Assert.Equal(HttpStatusCode.Accepted, published.StatusCode);
        Assert.Equal(["fr", "ar"], (await published.Content.ReadFromJsonAsync<PublicationResponse>(ApiJson.Options))!.Languages);

        // The paper side by side: Arabic right to left, paragraph numbers beside both.
        var html = await _coordinator.GetStringAsync($"/api/projects/{projectId}/documents/{documentId}/paper");
        Assert.Contains("<td lang=\"ar\" dir=\"rtl\">", html, StringComparison.Ordinal);
        Assert.Contains($"<td lang=\"en\">The group met. It wrote.</td><td lang=\"fr\" dir=\"ltr\">fr {segments[1]:N} fr {segments[2]:N}</td>", html, StringComparison.Ordinal);
        Assert.Contains("export?language=ar&amp;approvedOnly=true", html.Replace("&approvedOnly", "&amp;approvedOnly", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_test_is_queued_for_the_worker_shown_pending_and_forgotten_when_the_connection_changes()
    {
        var projectId = await _coordinator.CreateProjectAsync();
        await (await _coordinator.PostAsync($"/api/projects/{projectId}/repository/check", null)).AssertProblemAsync(HttpStatusCode.Conflict, "not connected");
        (await _coordinator.PutAsJsonAsync($"/api/projects/{projectId}/repository", GitHub())).EnsureSuccessStatusCode();

        var asked = await _coordinator.PostAsync($"/api/projects/{projectId}/repository/check", null);

        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        var check = (await asked.Content.ReadFromJsonAsync<RepositoryResponse>(ApiJson.Options))!.Check!;
        Assert.Equal((null, null), (check.CheckedAt, check.Outcome));
        Assert.Equal([1L], await api.Database.QueryAsync<long>("SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%CheckRepositoryConnection%'"));
        (await _coordinator.PutAsJsonAsync($"/api/projects/{projectId}/repository", GitHub(token: null))).EnsureSuccessStatusCode();
        Assert.Null((await _coordinator.GetFromJsonAsync<RepositoryResponse>($"/api/projects/{projectId}/repository", ApiJson.Options))!.Check);
    }

    [Fact]
    public async Task A_signed_push_to_the_projects_branch_enqueues_a_sync_and_anything_else_does_not()
    {
        var projectId = await _coordinator.CreateProjectAsync();
        await _coordinator.PutAsJsonAsync($"/api/projects/{projectId}/repository", GitHub());
        var anonymous = api.CreateClient();

        var unsigned = await anonymous.SendAsync(Hook(projectId, "push", """{"ref":"refs/heads/main"}""", signature: "sha256=00"));
        var unknownProject = await anonymous.SendAsync(Hook(Guid.NewGuid(), "push", """{"ref":"refs/heads/main"}"""));
        var ping = await anonymous.SendAsync(Hook(projectId, "ping", """{"zen":"Keep it logically awesome."}"""));
        var otherBranch = await anonymous.SendAsync(Hook(projectId, "push", """{"ref":"refs/heads/l10n/x"}"""));
        var push = await anonymous.SendAsync(Hook(projectId, "push", """{"ref":"refs/heads/main","after":"abc"}"""));

        await unsigned.AssertProblemAsync(HttpStatusCode.Unauthorized, "X-Hub-Signature-256");
        await unknownProject.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent, HttpStatusCode.Accepted), (ping.StatusCode, otherBranch.StatusCode, push.StatusCode));
        Assert.Equal([1L], await api.Database.QueryAsync<long>("SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%SyncRepository%'"));
    }

    [Fact]
    public async Task Pointing_a_connection_elsewhere_without_giving_its_token_again_is_refused_and_the_token_stays_where_it_was()
    {
        var projectId = await _coordinator.CreateProjectAsync();
        await _coordinator.PutAsJsonAsync($"/api/projects/{projectId}/repository", GitHub());
        var before = await api.Database.SnapshotAsync();

        var moved = await _coordinator.PutAsJsonAsync($"/api/projects/{projectId}/repository", GitHub(token: null, owner: "attacker"));

        var problem = await moved.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("never sent to a new destination", problem.GetProperty("errors").GetProperty("token")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await api.Database.SnapshotAsync());
    }

    [Theory]
    [InlineData("coordinator", "https://github.example.org", HttpStatusCode.Forbidden, "Only an admin")]
    [InlineData("admin", "https://169.254.169.254", HttpStatusCode.BadRequest, "metadata address")]
    [InlineData("admin", "https://10.0.0.7", HttpStatusCode.BadRequest, "private")]
    [InlineData("admin", "http://github.example.org", HttpStatusCode.BadRequest, "https")]
    [InlineData("admin", "https://localhost:8443", HttpStatusCode.BadRequest, "host name")]
    public async Task Only_an_admin_sets_an_enterprise_server_and_only_a_public_https_one(string caller, string server, HttpStatusCode status, string why)
    {
        var projectId = await _coordinator.CreateProjectAsync();
        var before = await api.Database.SnapshotAsync();

        var response = await (caller == "admin" ? _admin : _coordinator).PutAsJsonAsync($"/api/projects/{projectId}/repository", GitHub(apiBaseUrl: server));

        var problem = await response.AssertProblemAsync(status);
        Assert.Contains(why, problem.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await api.Database.SnapshotAsync());
    }

    [Theory]
    [InlineData("LocalGit", "/home/worker/.ssh", "papers/{lang}/{path}", "name")]
    [InlineData("LocalGit", "../../etc", "papers/{lang}/{path}", "name")]
    [InlineData("GitHub", "papers", ".git/hooks/{lang}/{path}", "targetTemplate")]
    [InlineData("GitHub", "papers", "../{lang}/{path}", "targetTemplate")]
    [InlineData("GitHub", "papers", "/etc/{lang}/{path}", "targetTemplate")]
    public async Task A_repository_outside_the_local_root_or_a_template_outside_the_repository_is_a_400(string host, string name, string template, string field)
    {
        var projectId = await _coordinator.CreateProjectAsync();
        var before = await api.Database.SnapshotAsync();

        var response = await _coordinator.PutAsJsonAsync($"/api/projects/{projectId}/repository", new
        {
            host, owner = "wgig", name, branch = "main", sourcePattern = "papers/en/*.md", targetTemplate = template, token = "ghp_x",
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(before, await api.Database.SnapshotAsync());
    }

    [Fact]
    public async Task A_replayed_webhook_delivery_is_refused_and_an_oversized_body_is_not_read()
    {
        var projectId = await _coordinator.CreateProjectAsync();
        await _coordinator.PutAsJsonAsync($"/api/projects/{projectId}/repository", GitHub());
        var anonymous = api.CreateClient((string?)null);

        var first = await anonymous.SendAsync(Hook(projectId, "push", """{"ref":"refs/heads/main"}""", delivery: "d-1"));
        var replay = await anonymous.SendAsync(Hook(projectId, "push", """{"ref":"refs/heads/main"}""", delivery: "d-1"));
        var huge = await anonymous.SendAsync(Hook(projectId, "push", "{\"ref\":\"" + new string('x', 6 * 1024 * 1024) + "\"}", signature: "sha256=" + new string('0', 64)));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        await replay.AssertProblemAsync(HttpStatusCode.Conflict, "was received before");
        await huge.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "at most 5 MB");
        Assert.Equal([1L], await api.Database.QueryAsync<long>("SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%SyncRepository%'"));
    }

    // Staff roles are per project: the secretariat signs off and publishes the projects it is staff of.
    private async Task<Guid> ProjectWithSecretariatAsync(string[] targets)
    {
        var projectId = await _coordinator.CreateProjectAsync(targets: targets);
        var secretariat = (await api.Database.QueryAsync<Guid>("SELECT id FROM translate.accounts WHERE email = 'secretariat@test.example'")).Single();
        Assert.Equal(HttpStatusCode.OK, (await _coordinator.PutAsync($"/api/projects/{projectId}/staff/{secretariat}", null)).StatusCode);
        return projectId;
    }

    [Fact]
    public async Task The_secretariat_publishes_only_the_projects_it_is_staff_of()
    {
        var theirs = await ProjectWithSecretariatAsync(["fr"]);
        var other = await _coordinator.CreateProjectAsync(name: "Another team's papers", targets: ["fr"]);

        await (await _secretariat.PostAsJsonAsync($"/api/projects/{other}/publications", new { languages = new[] { "fr" }, subset = true }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await _secretariat.PostAsJsonAsync($"/api/projects/{theirs}/publications", new { languages = new[] { "fr" }, subset = true }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "not connected");
    }

    private static HttpRequestMessage Hook(Guid projectId, string kind, string body, string? signature = null, string? delivery = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/github/{projectId}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-GitHub-Event", kind);
        request.Headers.Add("X-GitHub-Delivery", delivery ?? Guid.NewGuid().ToString());
        request.Headers.Add("X-Hub-Signature-256",
            signature ?? "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(body))));
        return request;
    }
}
