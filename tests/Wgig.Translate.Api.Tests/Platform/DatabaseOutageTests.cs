using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Npgsql;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Api.Tests.Platform;

/// <summary>
/// The API with its database connection running through a gate the test cuts: what callers see while the
/// database is away, and that the same process serves again once it is back. The fault harness in bench/
/// does the same with a real PostgreSQL stopped and started under load.
/// </summary>
public sealed class DatabaseOutageTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private TcpGate Gate()
    {
        var server = new NpgsqlConnectionStringBuilder(api.Database.ConnectionString);
        return new TcpGate(server.Host!, server.Port);
    }

    private WebApplicationFactoryClient Through(TcpGate gate)
    {
        var gated = new NpgsqlConnectionStringBuilder(api.Database.ConnectionString) { Host = "127.0.0.1", Port = gate.Port, Timeout = 3 }.ConnectionString;
        return new WebApplicationFactoryClient(api.WithWebHostBuilder(host => host.UseSetting("ConnectionStrings:Translation", gated)));
    }

    [Fact]
    public async Task While_the_database_is_away_liveness_stays_green_even_with_a_token_and_everything_else_is_a_503_with_retry_after()
    {
        await using var gate = Gate();
        using var gated = Through(gate);
        var client = gated.Client(TestAccounts.AdminToken);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/projects")).StatusCode);

        gate.Cut();

        var live = await client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var ready = await client.GetAsync("/health/ready");
        var notReady = await ready.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "Database unreachable");
        Assert.Equal("Unhealthy", notReady.GetProperty("health").GetString());
        Assert.Equal(TimeSpan.FromSeconds(5), ready.Headers.RetryAfter?.Delta);
        // The token is checked against the database: that is where the outage shows, as a 503, not a 500.
        foreach (var call in new Func<Task<HttpResponseMessage>>[]
        {
            () => client.GetAsync("/api/projects"),
            () => client.PostAsJsonAsync("/api/projects", new { name = "During the outage", sourceLanguage = "en", targetLanguages = new[] { "fr" } }),
            () => gated.Client(null).PostAsJsonAsync("/api/session", new { email = "admin@test.example", password = "not the password" }),
        })
        {
            var response = await call();
            await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "try again in a few seconds");
            Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        }

        gate.Restore();

        // The same process, no restart: pooled connections the cut broke are replaced as they are found broken.
        HttpResponseMessage? after = null;
        for (var attempt = 0; attempt < 10 && after?.StatusCode != HttpStatusCode.OK; attempt++)
        {
            after = await client.GetAsync("/health/ready");
        }
        Assert.Equal(HttpStatusCode.OK, after!.StatusCode);
        var created = await client.PostAsJsonAsync("/api/projects", new { name = "After the outage", sourceLanguage = "en", targetLanguages = new[] { "fr" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(["After the outage"], await api.Database.QueryAsync<string>("SELECT name FROM translate.projects"));
    }

    /// <summary>A derived factory and its clients, disposed together.</summary>
    private sealed class WebApplicationFactoryClient(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory) : IDisposable
    {
        public HttpClient Client(string? token)
        {
            var client = factory.CreateClient();
            client.DefaultRequestHeaders.Authorization = token is null ? null : new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            return client;
        }

        public void Dispose() => factory.Dispose();
    }
}
