using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Wgig.Translate.Api.Tests;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Tests;
using Wgig.Translate.Worker;

namespace Wgig.Translate.Web.Tests;

/// <summary>
/// The API on a real loopback port (Kestrel, so Chromium can reach it), on a PostgreSQL database of its
/// own, and one Debian Chromium for every browser test of the collection. Never a downloaded browser.
/// </summary>
public sealed class WebApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private IPlaywright? _playwright;

    public TestDatabase Database { get; } = new();

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: the test output, never the repository.</summary>
    public static string Artifacts { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await TestAccounts.SeedAsync(Database);
        UseKestrel(0);
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-dev-shm-usage"],
        });
        Directory.CreateDirectory(Artifacts);
        // Assertions wait for the page as long as actions do (Browsing's context timeout): on a loaded two-core machine a
        // submission's answer can take longer than Playwright's 5-second default; a healthy run waits far less.
        Assertions.SetDefaultExpectTimeout(30_000);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Translation", Database.ConnectionString);
        builder.UseSetting("DataProtection:KeyRingKey", TestDatabase.KeyRingKey);
        builder.UseSetting("Jobs:QueuePollInterval", "00:10:00");
        // Local Git repositories of the publishing scenarios live in the temporary directory.
        builder.UseSetting("Repositories:LocalRoot", Path.GetTempPath());
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Machine translation: Apertium's web service, started by the tests that choose it for a project.
        builder.UseSetting("MachineTranslation:Engines:apertium:Kind", "Apertium");
        builder.UseSetting("MachineTranslation:Engines:apertium:Url", Apertium.Url.ToString());
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
        await DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>A JSON API client on the real port, acting with a personal token (the admin's unless told).</summary>
    public HttpClient Api(string token = TestAccounts.AdminToken)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The token in the link of the last letter queued to this address (an invitation, a password reset).</summary>
    public Task<string> TokenFromLetterAsync(string email) => Database.TokenFromLetterAsync(Services, email);

    /// <summary>An account with a password, as an accepted invitation makes one.</summary>
    public async Task<Guid> AccountAsync(string email, string name, string password, string role = Roles.Volunteer)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var account = new Account { Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = DateTimeOffset.UtcNow };
        var created = await users.CreateAsync(account, password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(account, role);
        return account.Id;
    }

    /// <summary>A coordinator who is staff of the project (the password is "a coordinator pass phrase"); their e-mail.</summary>
    public async Task<string> CoordinatorAsync(Guid project, string name = "Cora Diallo")
    {
        var email = $"cora.{Guid.NewGuid():N}@example.org";
        var id = await AccountAsync(email, name, "a coordinator pass phrase", Roles.Coordinator);
        (await Api().PutAsync($"/api/projects/{project}/staff/{id}", null)).EnsureSuccessStatusCode();
        return email;
    }

    /// <summary>A project with the sample report (or the given Markdown), its id and the document's.</summary>
    public async Task<(Guid Project, Guid Document)> ProjectAsync(string[] targets, byte[]? markdown = null, string file = "wgig-report.md")
    {
        var api = Api();
        var created = await api.PostAsJsonAsync("/api/projects", new { name = $"WGIG {Guid.NewGuid():N}", sourceLanguage = "en", targetLanguages = targets });
        created.EnsureSuccessStatusCode();
        var project = (await created.Content.ReadFromJsonAsync<IdOnly>())!.Id;
        var form = new MultipartFormDataContent { { new ByteArrayContent(markdown ?? Samples.Markdown), "file", file } };
        var uploaded = await api.PostAsync($"/api/projects/{project}/documents", form);
        uploaded.EnsureSuccessStatusCode();
        return (project, (await uploaded.Content.ReadFromJsonAsync<IdOnly>())!.Id);
    }

    /// <summary>A project with the paper in one target language, and a volunteer who may translate into it (the password is "a long pass phrase").</summary>
    public async Task<(Guid Project, Guid Document, string Email)> VolunteerAsync(string language, byte[] paper)
    {
        var (project, document) = await ProjectAsync([language], paper, $"paper-{Guid.NewGuid():N}.md");
        var email = $"v.{Guid.NewGuid():N}@example.org";
        var id = await AccountAsync(email, "Volunteer " + language, "a long pass phrase");
        await GrantAsync(project, id, language, translate: true, review: false);
        return (project, document, email);
    }

    /// <summary>A column of the target of the document's segment (0 for the first) in the language, as text ('' for none).</summary>
    public async Task<string> StoredAsync(Guid document, int ordinal, string language, string column = "draft") =>
        (await Database.QueryAsync<string>($"""
            SELECT coalesce(t.{column}::text, '') FROM translate.targets t JOIN translate.segments s ON s.id = t.segment_id
            WHERE s.document_id = '{document}' AND s.ordinal = {ordinal + 1} AND t.language = '{language}'
            """)).Single();

    public async Task GrantAsync(Guid project, Guid account, string language, bool translate, bool review)
    {
        var granted = await Api().PutAsJsonAsync($"/api/projects/{project}/members/{account}/languages/{language}", new { canTranslate = translate, canReview = review });
        granted.EnsureSuccessStatusCode();
    }

    /// <summary>The Worker's services on this app's database, to run a job the page queued as the Worker would.</summary>
    public ServiceProvider WorkerServices()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Translation"] = Database.ConnectionString,
            ["DataProtection:KeyRingKey"] = TestDatabase.KeyRingKey,
            ["Repositories:LocalRoot"] = Path.GetTempPath(),
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddWorkerServices();
        return services.BuildServiceProvider();
    }

    private sealed record IdOnly(Guid Id);
}

/// <summary>
/// The browser tests run in two collections, each with a web app of its own (Kestrel host, database and Chromium), so two run
/// at a time: one at a time left a third of the two cores idle while a page loaded or axe ran, and the browser tests were the
/// longest part of the suite (docs/testing.md). A test class goes in either; the two hold about as much test time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class InChromium : ICollectionFixture<WebApp>
{
    public const string Name = "web app in Chromium";
}

/// <inheritdoc cref="InChromium"/>
[CollectionDefinition(Name)]
public sealed class InSecondChromium : ICollectionFixture<WebApp>
{
    public const string Name = "second web app in Chromium";
}
