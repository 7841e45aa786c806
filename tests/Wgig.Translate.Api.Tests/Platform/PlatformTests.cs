using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Api.Tests.Platform;

[RunsLong(6)]
public sealed class PlatformTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    [Fact]
    public async Task An_unknown_route_is_a_404_problem() =>
        await (await _client.GetAsync("/no/such/thing")).AssertProblemAsync(HttpStatusCode.NotFound);

    [Fact]
    public async Task A_wrong_method_is_a_405_problem() =>
        await (await _client.DeleteAsync("/api/projects")).AssertProblemAsync(HttpStatusCode.MethodNotAllowed);

    [Fact]
    public void The_web_process_loads_neither_the_worker_nor_its_gateways_and_mailer()
    {
        var referenced = typeof(Program).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.DoesNotContain("Wgig.Translate.Worker", referenced);
        Assert.DoesNotContain("Octokit", referenced);
        Assert.DoesNotContain("LibGit2Sharp", referenced);
        Assert.DoesNotContain("MailKit", referenced);
        Assert.Contains("Wgig.Translate.Domain", referenced);
    }

    [Fact]
    public async Task Live_answers_without_touching_dependencies()
    {
        var response = await _client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_checks_the_database_and_the_job_storage()
    {
        var response = await _client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checks = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");
        Assert.Equal(["store", "job-storage"], checks.EnumerateObject().Select(c => c.Name));
        Assert.All(checks.EnumerateObject(), c => Assert.Equal("Healthy", c.Value.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Ready_fails_when_the_database_is_behind_its_migrations()
    {
        var name = "behind_" + Guid.NewGuid().ToString("N")[..12];
        await api.Database.ExecuteAsync($"CREATE DATABASE {name}");
        var behind = new Npgsql.NpgsqlConnectionStringBuilder(api.Database.ConnectionString) { Database = name }.ConnectionString;
        using var factory = api.WithWebHostBuilder(host => host.UseSetting("ConnectionStrings:Translation", behind));

        // Probes call anonymously; a token would send the request through the (unmigrated) account tables first.
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = null;
        var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("migrations not applied", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_with_a_token_while_the_database_is_down_is_a_503_problem_with_retry_after()
    {
        // Nothing listens on port 1: the token check before the endpoint cannot reach the database.
        var down = new Npgsql.NpgsqlConnectionStringBuilder(api.Database.ConnectionString) { Host = "127.0.0.1", Port = 1, Timeout = 2 }.ConnectionString;
        using var factory = api.WithWebHostBuilder(host => host.UseSetting("ConnectionStrings:Translation", down));
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestAccounts.VolunteerToken);

        var response = await client.GetAsync("/api/projects");

        await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "The database cannot be reached right now, so this request was not completed");
        Assert.Equal(TimeSpan.FromSeconds(int.Parse(Wgig.Translate.Api.Problems.ProblemDetailsSetup.RetryAfterSeconds, System.Globalization.CultureInfo.InvariantCulture)),
            response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_endpoints()
    {
        var document = JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json")).RootElement;

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/projects", paths);
        Assert.Contains("/api/projects/{projectId}/documents", paths);
        Assert.Contains("/api/projects/{projectId}/documents/{documentId}/segments", paths);
        var upload = document.GetProperty("paths").GetProperty("/api/projects/{projectId}/documents").GetProperty("post");
        Assert.True(upload.GetProperty("requestBody").GetProperty("content").TryGetProperty("multipart/form-data", out _));
        Assert.True(upload.GetProperty("responses").TryGetProperty("413", out _));
        // The docs page offers the personal-token scheme every API call needs.
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("token").GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task The_openapi_document_is_made_once_and_served_from_memory_to_every_caller()
    {
        var anonymous = await api.CreateClient((string?)null).GetAsync("/openapi/v1.json");
        // Another caller, signed in, under another host name, with a query the document does not read: the same document,
        // from memory (an Age header), naming no host.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json?made-up=1");
        request.Headers.Host = $"{Guid.NewGuid():N}.example.org";
        var signedIn = await api.CreateClient(TestAccounts.VolunteerToken).SendAsync(request);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (anonymous.StatusCode, signedIn.StatusCode));
        Assert.NotNull(signedIn.Headers.Age);
        var document = await signedIn.Content.ReadAsStringAsync();
        Assert.Equal(await anonymous.Content.ReadAsStringAsync(), document);
        Assert.Equal("/", Assert.Single(JsonDocument.Parse(document).RootElement.GetProperty("servers").EnumerateArray()).GetProperty("url").GetString());
    }

    [Fact]
    public async Task Every_operation_has_a_summary_and_a_description_and_enums_list_their_values()
    {
        var document = JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json")).RootElement;

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Name: $"{op.Name.ToUpperInvariant()} {path.Name}", Operation: op.Value))).ToList();
        Assert.True(operations.Count > 60);
        Assert.All(operations, o => Assert.False(string.IsNullOrWhiteSpace(o.Operation.TryGetProperty("summary", out var s) ? s.GetString() : null), $"{o.Name} has no summary"));
        Assert.All(operations, o => Assert.False(string.IsNullOrWhiteSpace(o.Operation.TryGetProperty("description", out var d) ? d.GetString() : null), $"{o.Name} has no description"));
        // What the upload takes today, not what it took once.
        var upload = operations.Single(o => o.Name == "POST /api/projects/{projectId}/documents").Operation;
        Assert.Equal("Upload a new document (Markdown, UN plain-text paper, DOCX or HTML) as multipart form data.", upload.GetProperty("summary").GetString());
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.Equal(["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
            schemas.GetProperty("DayOfWeek").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(Enum.GetNames<Domain.Targets.TargetState>(), schemas.GetProperty("TargetState").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
    }

    [Theory]
    [InlineData("/api/projects/{p}/documents/{d}/segments?language=fr&state=Done", "state must be one of Untranslated, Claimed, Translated, Approved, Rejected, NeedsUpdate; got 'Done'.")]
    public async Task A_bad_enum_value_in_the_query_lists_the_values_allowed(string url, string detail)
    {
        var projectId = await _client.CreateProjectAsync(name: "Enums " + Guid.NewGuid().ToString("N")[..6], targets: ["fr"]);
        var document = (await (await _client.UploadAsync(projectId, "a.md", "One sentence here.\n"u8.ToArray())).Content
            .ReadFromJsonAsync<Api.Documents.DocumentResponse>(ApiJson.Options))!;

        var response = await _client.GetAsync(url.Replace("{p}", projectId.ToString(), StringComparison.Ordinal).Replace("{d}", document.Id.ToString(), StringComparison.Ordinal));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, detail);
    }

    [Fact]
    public async Task A_bad_enum_value_in_a_json_body_lists_the_values_allowed()
    {
        var response = await _client.PutAsJsonAsync("/api/me/profile", new
        {
            availability = new[] { new { day = "Funday", from = "09:00:00", to = "12:00:00" } },
        });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "availability[0].day must be one of Sunday, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday.");
        await (await _client.PutAsJsonAsync("/api/me/profile", new { mail = "Sometimes" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "mail must be one of Immediately, DailyDigest, Never.");
    }

    [Fact]
    public async Task Interactive_api_docs_are_served()
    {
        var response = await _client.GetAsync("/docs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("openapi/v1.json", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The docs' script ships inside the API: nothing is loaded from a CDN.
        var script = await _client.GetAsync("/docs/scalar.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 100_000);
    }
}
