using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;
using Wgig.Translate.Domain.Storage;
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

/// <summary>
/// The API in-process over HTTP for one test class: a running host lent from a pool, its database emptied and the test
/// accounts put back, with a clock and sign-in limits of the class's own. Starting a host compiles every endpoint's
/// request delegate and the container's resolvers again (about a quarter of the API tests' processor time when each
/// class started its own, docs/testing.md); a host is lent to one class at a time, so classes still run in parallel,
/// each on a database nobody else touches.
/// </summary>
public sealed class ApiFactory : IAsyncLifetime
{
    private static readonly ConcurrentBag<ApiHost> Idle = [];

    private ApiHost _host = null!;

    public TestDatabase Database => _host.Database;

    /// <summary>
    /// The API's clock for this class: it ticks a millisecond per reading so events stay ordered, and tests move it on
    /// to let leases run out. Whole microseconds, as PostgreSQL stores them.
    /// </summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()))
    {
        AutoAdvanceAmount = TimeSpan.FromMilliseconds(1),
    };

    public IServiceProvider Services => _host.Services;

    public async Task InitializeAsync()
    {
        _host = Idle.TryTake(out var idle) ? idle : await ApiHost.StartAsync();
        _host.Lend(Clock);
        await ResetAsync();
    }

    Task IAsyncLifetime.DisposeAsync()
    {
        Idle.Add(_host);
        return Task.CompletedTask;
    }

    /// <summary>Empties the database and puts the test accounts back.</summary>
    public async Task ResetAsync()
    {
        await Database.ResetAsync();
        await TestAccounts.SeedAsync(Database);
        await NoticesHeardAsync();
        // The same tokens now belong to new accounts: the token checks and right checks kept from before go now, not when PostgreSQL's notice of
        // the TRUNCATE arrives.
        Services.GetRequiredService<Wgig.Translate.Api.Accounts.TokenCallers>().ForgetAll();
        Services.GetRequiredService<Wgig.Translate.Domain.Documents.RightAnswers>().ForgetAll();
        Services.GetRequiredService<Wgig.Translate.Domain.Checks.KeptCheckSettings>().ForgetAll();
    }

    /// <summary>
    /// Waits until the host's listener (this class's host, or <paramref name="host"/>'s) has heard every notice sent so far
    /// (the reset's, the last class's, the last request's): one more notice sent now arrives after them on the same
    /// connection. A notice heard later would forget what a test has just made the host keep.
    /// </summary>
    public async Task NoticesHeardAsync(IServiceProvider? host = null)
    {
        var callers = (host ?? Services).GetRequiredService<Wgig.Translate.Api.Accounts.TokenCallers>();
        await callers.Connected.WaitAsync(TimeSpan.FromSeconds(30));
        var marker = Guid.NewGuid();
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Forgotten(Guid? which)
        {
            if (which == marker)
            {
                heard.TrySetResult();
            }
        }
        callers.Forgotten += Forgotten;
        try
        {
            await Database.ExecuteAsync($"NOTIFY {Wgig.Translate.Domain.Accounts.CredentialNotices.Channel}, '{marker}'");
            await heard.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            callers.Forgotten -= Forgotten;
        }
    }

    /// <summary>A client that acts as the test admin.</summary>
    public HttpClient CreateClient() => _host.CreateClient();

    public HttpClient CreateClient(WebApplicationFactoryClientOptions options) => _host.CreateClient(options);

    public HttpClient CreateClient(string? token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = token is null ? null : new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Another host on the same database and clock with settings of its own; the caller disposes it.</summary>
    public WebApplicationFactory<Program> WithWebHostBuilder(Action<IWebHostBuilder> configure) => _host.WithWebHostBuilder(configure);

    /// <summary>
    /// Another host on the same database whose store adds the text of every command it sends to <paramref name="commands"/>,
    /// as Npgsql sends them: one entry per round trip (a batch of statements is one, its texts joined; a transaction's
    /// COMMIT is not a command and not counted); the caller disposes it.
    /// </summary>
    public WebApplicationFactory<Program> WithCommandsRecorded(ConcurrentQueue<string> commands)
    {
        GC.KeepAlive(NpgsqlListened);
        return WithWebHostBuilder(host => host.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton(provider =>
        {
            var builder = new NpgsqlDataSourceBuilder(provider.GetRequiredService<IConfiguration>().GetConnectionString(StoreServiceCollectionExtensions.ConnectionStringName));
            // Npgsql asks a data source's tracing filters about every command and batch it sends, once anything listens to its
            // activities: the filters record them and decline the activity.
            builder.ConfigureTracing(tracing => tracing
                .ConfigureCommandFilter(command =>
                {
                    commands.Enqueue(command.CommandText);
                    return false;
                })
                .ConfigureBatchFilter(batch =>
                {
                    commands.Enqueue(string.Join(";\n", batch.BatchCommands.Select(static (NpgsqlBatchCommand c) => c.CommandText)));
                    return false;
                }));
            return builder.Build();
        }))));
    }

    // Npgsql consults the tracing filters only while its activity source has a listener: this one, which samples nothing.
    private static readonly ActivityListener NpgsqlListened = Listen();

    private static ActivityListener Listen()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.None,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
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
}

/// <summary>
/// One running API on a PostgreSQL database of its own, lent to one test class at a time by <see cref="ApiFactory"/>.
/// What a class must not inherit from the one before it is set anew at each loan: the clock (the host reads
/// <see cref="LentClock"/>, which passes every call to the borrower's) and the sign-in limits (per process in the API,
/// a fresh <see cref="Wgig.Translate.Api.Accounts.SignInLimits"/> per loan, so the production defaults still hold within a class).
/// Hosts live until the test process ends; the cluster is thrown away after the run.
/// </summary>
internal sealed class ApiHost : WebApplicationFactory<Program>
{
    private readonly LentClock _clock = new();
    private Wgig.Translate.Api.Accounts.SignInLimits? _signInLimits;

    public TestDatabase Database { get; } = new();

    public static async Task<ApiHost> StartAsync()
    {
        var host = new ApiHost();
        await host.Database.InitializeAsync();
        return host;
    }

    public void Lend(FakeTimeProvider clock)
    {
        _clock.Current = clock;
        var previous = Interlocked.Exchange(ref _signInLimits, null);
        previous?.Dispose();
    }

    private Wgig.Translate.Api.Accounts.SignInLimits SignInLimits(IServiceProvider services)
    {
        if (_signInLimits is { } limits)
        {
            return limits;
        }
        var made = ActivatorUtilities.CreateInstance<Wgig.Translate.Api.Accounts.SignInLimits>(services);
        if (Interlocked.CompareExchange(ref _signInLimits, made, null) is { } other)
        {
            made.Dispose();
            return other;
        }
        return made;
    }

    /// <summary>A client that acts as the test admin unless told otherwise.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestAccounts.AdminToken);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _signInLimits?.Dispose();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Translation", Database.ConnectionString);
        builder.UseSetting("DataProtection:KeyRingKey", TestDatabase.KeyRingKey);
        // A job must reach a Worker through LISTEN/NOTIFY; the fallback poll is set too long to hide a miss.
        builder.UseSetting("Jobs:QueuePollInterval", "00:10:00");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // The per-address limit of the anonymous endpoints counts every class a host served in the last minute (each signs people up from
        // the same test address); the test of that limit sets its own on a host of its own.
        builder.UseSetting("RateLimits:AnonymousPerMinute", "100000");
        // Machine translation: the real Apertium service (started by the tests that use it), one that never answers, one that is down.
        builder.UseSetting("MachineTranslation:Timeout", "00:00:01.500");
        foreach (var (name, url) in new[] { ("apertium", Apertium.Url), ("silent", Apertium.SilentUrl), ("down", Apertium.DownUrl) })
        {
            builder.UseSetting($"MachineTranslation:Engines:{name}:Kind", "Apertium");
            builder.UseSetting($"MachineTranslation:Engines:{name}:Url", url.ToString());
        }
        builder.ConfigureTestServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock));
            // Handed to the sign-in service rather than registered: the container would dispose a limiter it made for a request.
            services.Replace(ServiceDescriptor.Scoped(provider =>
                ActivatorUtilities.CreateInstance<Wgig.Translate.Api.Accounts.SignInService>(provider, SignInLimits(provider))));
        });
    }

    /// <summary>The clock of the class the host is lent to.</summary>
    private sealed class LentClock : TimeProvider
    {
        public FakeTimeProvider Current { get; set; } = new();

        public override DateTimeOffset GetUtcNow() => Current.GetUtcNow();

        public override long GetTimestamp() => Current.GetTimestamp();

        public override long TimestampFrequency => Current.TimestampFrequency;

        public override TimeZoneInfo LocalTimeZone => Current.LocalTimeZone;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            Current.CreateTimer(callback, state, dueTime, period);
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
