using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Claims;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Bench.Faults;

/// <summary>A volunteer of the site, with a personal API token and a password (<see cref="Site.Password"/>) for the web app.</summary>
internal sealed record Person(Guid Id, string Token, string Role, string Email);

/// <summary>
/// One installation for a scenario: a fresh database on the harness's cluster, accounts with tokens and passwords
/// (seeded straight into the store: an admin, a coordinator, translators and reviewers), and the API and Worker
/// processes, which the scenario starts, kills and restarts.
/// </summary>
internal sealed class Site : IAsyncDisposable
{
    /// <summary>
    /// The checks' warnings a placeholder translation trips (its marks add numbers, it is shorter, its punctuation differs):
    /// acknowledged, as a volunteer would, so that the load measures the workflow rather than the checks' refusals.
    /// </summary>
    public static readonly string[] AcknowledgedWarnings =
        ["numbers", "length", "final-punctuation", "untranslated", "references", "whitespace", "doubled-words", "french-spacing", "consistency", "glossary", "urls"];

    /// <summary>Every seeded account's password, for signing in to the web app as a browser does.</summary>
    public const string Password = "a long fault-harness pass phrase";

    private static readonly Lazy<string> PasswordHash = new(() =>
        new Microsoft.AspNetCore.Identity.PasswordHasher<Account>().HashPassword(new Account(), Password));

    private readonly Harness _harness;
    private readonly string _purpose;
    private readonly List<AppProcess> _processes = [];
    private int _started;

    private Site(Harness harness, string purpose, string database, NpgsqlDataSource dataSource)
    {
        (_harness, _purpose, Database, DataSource) = (harness, purpose, database, dataSource);
    }

    public string Database { get; }

    public NpgsqlDataSource DataSource { get; }

    public Person Admin { get; private set; } = null!;

    /// <summary>A coordinator, made staff of each project <see cref="CreateProjectAsync"/> creates: the dashboard's viewer.</summary>
    public Person Coordinator { get; private set; } = null!;

    public List<Person> Translators { get; } = [];

    public List<Person> Reviewers { get; } = [];

    public List<string> ApiUrls { get; } = [];

    public static async Task<Site> CreateAsync(Harness harness, string purpose, int translators = 1, int reviewers = 1)
    {
        var database = await harness.CreateDatabaseAsync(purpose);
        var site = new Site(harness, purpose, database, NpgsqlDataSource.Create(database));
        await site.SeedAsync(translators, reviewers);
        return site;
    }

    private async Task SeedAsync(int translators, int reviewers)
    {
        var sql = new StringBuilder();
        foreach (var role in Roles.All)
        {
            sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO translate.roles (id, name, normalized_name) VALUES (gen_random_uuid(), '{role}', '{role.ToUpperInvariant()}');\n");
        }
        Person Add(string role, int number)
        {
            var email = $"{role}{number}@faults.example";
            var person = new Person(Guid.CreateVersion7(), Secrets.New("wgig_"), role, email);
            sql.Append(CultureInfo.InvariantCulture, $"""
                INSERT INTO translate.accounts (id, user_name, normalized_user_name, email, normalized_email, email_confirmed, security_stamp,
                    password_hash, display_name, created_at, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
                VALUES ('{person.Id}', '{email}', '{email.ToUpperInvariant()}', '{email}', '{email.ToUpperInvariant()}', true, '{Guid.NewGuid()}',
                    '{PasswordHash.Value}', '{role} {number}', now(), false, false, true, 0);
                INSERT INTO translate.account_roles (user_id, role_id) SELECT '{person.Id}', id FROM translate.roles WHERE name = '{(role == "reviewer" ? Roles.Volunteer : role)}';
                INSERT INTO translate.api_tokens (id, account_id, name, hash, hint, created_at, expires_at)
                VALUES (gen_random_uuid(), '{person.Id}', 'faults', '{Secrets.Hash(person.Token)}', '{person.Token[..9]}', now(), now() + interval '7 days');

                """);
            return person;
        }
        Admin = Add(Roles.Admin, 1);
        Coordinator = Add(Roles.Coordinator, 1);
        Translators.AddRange(Enumerable.Range(1, translators).Select(i => Add(Roles.Volunteer, i)));
        Reviewers.AddRange(Enumerable.Range(1, reviewers).Select(i => Add("reviewer", i)));
        await ExecuteAsync(sql.ToString());
    }

    /// <summary>Translators may translate, reviewers review, into the languages of the project.</summary>
    public Task GrantAsync(Guid projectId, params string[] languages) => ExecuteAsync(string.Join('\n', languages.SelectMany(language =>
        Translators.Select(t => (t.Id, Translate: true, Review: false)).Concat(Reviewers.Select(r => (r.Id, Translate: false, Review: true)))
            .Select(p => $"""
                INSERT INTO translate.project_members (id, project_id, account_id, language, can_translate, can_review, granted_by, granted_at)
                VALUES (gen_random_uuid(), '{projectId}', '{p.Id}', '{language}', {p.Translate}, {p.Review}, '{Admin.Id}', now());
                """))));

    public AppProcess StartWorker(params (string Key, string Value)[] settings)
    {
        var worker = AppProcess.Start(_harness, $"{_purpose}-worker-{++_started}", AppKind.Worker, [], _harness.AppSettings(Database, settings));
        _processes.Add(worker);
        return worker;
    }

    /// <summary>An API process on a free port, ready (its readiness probe green) when this returns; its URL is added to <see cref="ApiUrls"/>.</summary>
    public async Task<(AppProcess Process, string Url)> StartApiAsync(string? url = null, params (string Key, string Value)[] settings)
    {
        url ??= $"http://127.0.0.1:{Cluster.FreePort()}";
        var api = AppProcess.Start(_harness, $"{_purpose}-api-{++_started}", AppKind.Api, ["--urls", url], _harness.AppSettings(Database, settings));
        _processes.Add(api);
        using var probe = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(5) };
        if (!await Harness.WaitAsync(async () => api.HasExited || (await probe.GetAsync("/health/ready")).IsSuccessStatusCode, TimeSpan.FromMinutes(2), TimeSpan.FromMilliseconds(200))
            || api.HasExited)
        {
            throw new InvalidOperationException($"The API at {url} did not become ready; see {api.LogFile}");
        }
        if (!ApiUrls.Contains(url))
        {
            ApiUrls.Add(url);
        }
        return (api, url);
    }

    public static HttpClient Client(string url, Person person, TimeSpan? timeout = null)
    {
        var client = new HttpClient { BaseAddress = new Uri(url), Timeout = timeout ?? TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", person.Token);
        return client;
    }

    /// <summary>Chromium's Accept header for a page: what the web app sees from a browser.</summary>
    public const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    /// <summary>
    /// A browser without a token: it keeps its cookies (the session, the antiforgery cookie) and does not follow redirects, so
    /// a page that sends it to the sign-in form shows as the redirect it is.
    /// </summary>
    public static HttpClient Browser(string url, TimeSpan? timeout = null)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(url), Timeout = timeout ?? TimeSpan.FromMinutes(2),
        };
        client.DefaultRequestHeaders.Accept.ParseAdd(BrowserAccept);
        return client;
    }

    /// <summary>The sign-in form's fields as the page gives them (its antiforgery token) with the person's e-mail and password.</summary>
    public static FormUrlEncodedContent SignInForm(string page, Person person) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value,
        ["email"] = person.Email, ["password"] = Password, ["returnUrl"] = "/",
    });

    public async Task<Guid> CreateProjectAsync(HttpClient admin, string name, params string[] languages)
    {
        var project = await JsonAsync(await admin.PostAsJsonAsync("/api/projects", new { name, sourceLanguage = "en", targetLanguages = languages }));
        var projectId = project.GetProperty("id").GetGuid();
        await GrantAsync(projectId, languages);
        (await admin.PutAsync($"/api/projects/{projectId}/staff/{Coordinator.Id}", null)).EnsureSuccessStatusCode();
        return projectId;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(body.Length == 0 ? "{}" : body).RootElement.Clone()
            : throw new HttpRequestException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}", null, response.StatusCode);
    }

    public static MultipartFormDataContent File(string fileName, byte[] content) =>
        new() { { new ByteArrayContent(content), "file", fileName } };

    /// <summary>
    /// Every segment of the project (or of one document) in these languages translated by the first translator and
    /// approved by the first reviewer, through the domain's own transitions (so history and credits are real), straight in the store.
    /// </summary>
    public async Task ApproveAsync(Guid projectId, IReadOnlyList<string> languages, Guid? documentId = null)
    {
        await using var db = StoreServiceCollectionExtensions.OpenStore(DataSource);
        var now = DateTimeOffset.UtcNow;
        var rules = new ClaimOptions();
        var segments = await db.Segments.Where(s => db.Documents.Any(d => d.Id == s.DocumentId && d.ProjectId == projectId) && s.RetiredInVersion == null)
            .Where(s => documentId == null || s.DocumentId == documentId).ToDictionaryAsync(s => s.Id);
        var ids = segments.Keys.ToList();
        var targets = await db.Targets.Where(t => ids.Contains(t.SegmentId) && languages.Contains(t.Language)).ToListAsync();
        // One claim per document × language, as a translator taking a whole paper would hold.
        foreach (var batch in targets.GroupBy(t => (t.DocumentId, t.Language)))
        {
            var claim = Claim.Open(Translators[0].Id, batch.Key.DocumentId, batch.Key.Language, now, rules);
            claim.Cover(batch.Sum(t => t.WordCount));
            db.Claims.Add(claim);
            foreach (var target in batch)
            {
                var source = segments[target.SegmentId].Content;
                Require(target.Claim(claim, now));
                Require(target.Submit(Translators[0].Id, SegmentContent.FromText($"{target.Language}: {source.PlainText}"), source, now, rules));
                Require(target.Approve(Reviewers[0].Id, now));
            }
        }
        await db.SaveChangesAsync();
    }

    /// <summary>The next document × language (by path, then language) with nothing approved yet, approved in full: new work to publish.</summary>
    public async Task ApproveNextAsync(Guid projectId, IReadOnlyList<string> languages)
    {
        foreach (var (documentId, language) in from d in await QueryAsync<Guid>($"SELECT id FROM translate.documents WHERE project_id = '{projectId}' ORDER BY path")
                 from l in languages
                 select (d, l))
        {
            if (await ScalarAsync<long>($"""
                SELECT count(*) FROM translate.targets t JOIN translate.segments s ON s.id = t.segment_id
                WHERE s.document_id = '{documentId}' AND t.language = '{language}' AND t.state = 'Approved'
                """) == 0)
            {
                await ApproveAsync(projectId, [language], documentId);
                return;
            }
        }
        throw new InvalidOperationException("Every document is approved in every language already.");
    }

    private static void Require(Domain.Common.DomainError? error)
    {
        if (error is not null)
        {
            throw new InvalidOperationException(error.Detail);
        }
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.IsDBNull(0) ? default! : reader.GetFieldValue<T>(0));
        }
        return values;
    }

    public async Task<T> ScalarAsync<T>(string sql) => (await QueryAsync<T>(sql)).Single();

    public async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Invariants every scenario ends with: nothing half-done in the workflow's own bookkeeping.</summary>
    public async Task CheckWorkflowInvariantsAsync(ScenarioReport report)
    {
        report.Check(await ScalarAsync<long>("""
            SELECT count(*) FROM translate.targets t
            WHERE t.state = 'Claimed' AND (t.claim_id IS NULL OR NOT EXISTS (SELECT 1 FROM translate.claims c WHERE c.id = t.claim_id AND c.volunteer_id = t.claimed_by))
            """) == 0, "every claimed segment belongs to a claim of its holder (no orphan claims)");
        report.Check(await ScalarAsync<long>("""
            SELECT count(*) FROM (SELECT segment_id, language FROM translate.targets GROUP BY segment_id, language HAVING count(*) > 1) x
            """) == 0, "no segment × language has two targets (so no segment under two live claims)");
        report.Check(await ScalarAsync<long>("""
            SELECT count(*) FROM translate.targets t
            WHERE t.events_recorded <> (SELECT count(*) FROM translate.target_events e WHERE e.target_id = t.id)
            """) == 0, "every target's history is complete: its event count matches the events stored");
        report.Check(await ScalarAsync<long>("""
            SELECT count(*) FROM translate.targets t WHERE t.state IN ('Translated', 'Approved')
            AND NOT EXISTS (SELECT 1 FROM translate.target_events e WHERE e.target_id = t.id AND e.kind IN ('Submitted', 'EditedAndApproved'))
            """) == 0, "every handed-in translation has its submission in the history");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            process.Dispose();
        }
        await DataSource.DisposeAsync();
    }

    public static bool IsServiceUnavailable(HttpRequestException e) => e.StatusCode == HttpStatusCode.ServiceUnavailable;
}
