using Microsoft.Extensions.Configuration;
using Wgig.Translate.Worker;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Api.Tests;

/// <summary>The API in-process over HTTP, on a PostgreSQL database of its own per test class.</summary>
public sealed class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public TestDatabase Database { get; } = new();

    /// <summary>
    /// The API's clock: it ticks a millisecond per reading so events stay ordered, and tests move it on
    /// to let leases run out. Whole microseconds, as PostgreSQL stores them.
    /// </summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()))
    {
        AutoAdvanceAmount = TimeSpan.FromMilliseconds(1),
    };

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await TestAccounts.SeedAsync(Database);
    }

    /// <summary>Empties the database and puts the test accounts back.</summary>
    public async Task ResetAsync()
    {
        await Database.ResetAsync();
        await TestAccounts.SeedAsync(Database);
        // The same tokens now belong to new accounts: the token checks and right checks kept from before go now, not when PostgreSQL's notice of
        // the TRUNCATE arrives.
        Services.GetRequiredService<Wgig.Translate.Api.Accounts.TokenCallers>().ForgetAll();
        Services.GetRequiredService<Wgig.Translate.Domain.Documents.RightAnswers>().ForgetAll();
    }

    /// <summary>A client that acts as the test admin unless told otherwise.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestAccounts.AdminToken);
    }

    public HttpClient CreateClient(string? token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = token is null ? null : new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A client with no credentials that keeps cookies, as a browser does.</summary>
    public HttpClient CreateBrowser()
    {
        var browser = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        browser.DefaultRequestHeaders.Authorization = null;
        return browser;
    }

    /// <summary>Signs in with e-mail and password and returns the session cookie ("wgig.session=…"), to send by hand.</summary>
    public async Task<string> SignInAsync(string email, string password)
    {
        var response = await CreateClient((string?)null).PostAsJsonAsync("/api/session", new { email, password });
        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("wgig.session=", StringComparison.Ordinal)).Split(';')[0];
    }

    /// <summary>The token in the last letter the outbox holds for this address (invitation or password reset), unsealed as the Worker would.</summary>
    public Task<string> TokenFromLetterAsync(string email) => Database.TokenFromLetterAsync(Services, email);

    /// <summary>Invites someone (as the admin) and signs them up with this password; returns their account id.</summary>
    public async Task<Guid> InviteAndSignUpAsync(string email, string password, string role = "volunteer")
    {
        var invited = await CreateClient(TestAccounts.AdminToken).PostAsJsonAsync("/api/invitations", new { email, role });
        Assert.Equal(System.Net.HttpStatusCode.Created, invited.StatusCode);
        var signUp = await CreateClient((string?)null).PostAsJsonAsync("/api/accounts",
            new { invitation = await TokenFromLetterAsync(email), displayName = email.Split('@')[0], password });
        Assert.Equal(System.Net.HttpStatusCode.Created, signUp.StatusCode);
        return (await signUp.Content.ReadFromJsonAsync<ApiCalls.IdOnly>(ApiJson.Options))!.Id;
    }

    /// <summary>The Worker's reclaim sweep, as it runs every few minutes, on this API's database and clock.</summary>
    public async Task<int> SweepExpiredClaimsAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Translation"] = Database.ConnectionString, ["DataProtection:KeyRingKey"] = TestDatabase.KeyRingKey,
            }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddWorkerServices();
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Worker.Claims.ReclaimExpiredClaims>().SweepAsync(CancellationToken.None);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Translation", Database.ConnectionString);
        builder.UseSetting("DataProtection:KeyRingKey", TestDatabase.KeyRingKey);
        // A job must reach a Worker through LISTEN/NOTIFY; the fallback poll is set too long to hide a miss.
        builder.UseSetting("Jobs:QueuePollInterval", "00:10:00");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Machine translation: the real Apertium service (started by the tests that use it), one that never answers, one that is down.
        builder.UseSetting("MachineTranslation:Timeout", "00:00:01.500");
        foreach (var (name, url) in new[] { ("apertium", Apertium.Url), ("silent", Apertium.SilentUrl), ("down", Apertium.DownUrl) })
        {
            builder.UseSetting($"MachineTranslation:Engines:{name}:Kind", "Apertium");
            builder.UseSetting($"MachineTranslation:Engines:{name}:Url", url.ToString());
        }
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }
}

/// <summary>Requests the tests make again and again.</summary>
public static class ApiCalls
{
    public static async Task<Guid> CreateProjectAsync(this HttpClient client, string name = "WGIG papers",
        string source = "en", params string[] targets)
    {
        var response = await client.PostAsJsonAsync("/api/projects",
            new { name, sourceLanguage = source, targetLanguages = targets.Length == 0 ? ["ar", "zh", "fr", "ru", "es"] : targets });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<IdOnly>(ApiJson.Options))!.Id;
    }

    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, Guid projectId, string fileName, byte[] content,
        string? format = null, string? unstorableCharacters = null) =>
        client.PostAsync($"/api/projects/{projectId}/documents", UploadForm(fileName, content, format, unstorableCharacters));

    /// <summary>A document upload's form: the file, and the optional fields.</summary>
    public static MultipartFormDataContent UploadForm(string fileName, byte[] content, string? format = null, string? unstorableCharacters = null)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName } };
        if (format is not null)
        {
            form.Add(new StringContent(format), "format");
        }
        if (unstorableCharacters is not null)
        {
            form.Add(new StringContent(unstorableCharacters), "unstorableCharacters");
        }
        return form;
    }

    public sealed record IdOnly(Guid Id);
}

/// <summary>How the API writes JSON: web defaults, enums by name.</summary>
public static class ApiJson
{
    public static System.Text.Json.JsonSerializerOptions Options { get; } = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
