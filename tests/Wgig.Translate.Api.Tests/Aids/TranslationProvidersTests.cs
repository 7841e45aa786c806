using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Wgig.Translate.Domain.MachineTranslation;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Tests.Aids;

/// <summary>The LibreTranslate and DeepL engines over HTTP against services that answer as their documentation says.</summary>
public sealed class TranslationProvidersTests : IAsyncLifetime
{
    private FakeTranslationServices _services = null!;

    public async Task InitializeAsync() => _services = await FakeTranslationServices.StartAsync();

    public async Task DisposeAsync() => await _services.DisposeAsync();

    // The engine as the API configures it (MachineTranslation:Engines:{name}), behind the translator that degrades failures to
    // no suggestion. Fetching reads no database: the store is never opened.
    private MachineTranslator Translator(string kind, string? key, string path = "")
    {
        var settings = new MachineTranslationOptions
        {
            Engines = { ["engine"] = new EngineOptions { Kind = kind, Url = new Uri(_services.BaseUrl + path), Key = key } },
        };
        return new MachineTranslator(StoreServiceCollectionExtensions.OpenStore(NpgsqlDataSource.Create("Host=127.0.0.1;Database=unused")),
            new Clients(), [new LibreTranslateEngine(), new DeepLEngine(), new ApertiumEngine()], new Monitor(settings), TimeProvider.System,
            NullLogger<MachineTranslator>.Instance);
    }

    [Fact]
    public async Task LibreTranslate_is_asked_with_the_key_in_the_body_and_its_translation_is_offered()
    {
        var translated = await Translator("LibreTranslate", FakeTranslationServices.Key).FetchAsync("engine", "The group met in Tunis.", "en", "fr", CancellationToken.None);

        Assert.Equal("[fr] The group met in Tunis.", translated);
        var request = Assert.Single(_services.Requests);
        Assert.Equal("/translate", request.Path);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(("The group met in Tunis.", "en", "fr", "text", FakeTranslationServices.Key),
            (body.RootElement.GetProperty("q").GetString(), body.RootElement.GetProperty("source").GetString(), body.RootElement.GetProperty("target").GetString(),
             body.RootElement.GetProperty("format").GetString(), body.RootElement.GetProperty("api_key").GetString()));
    }

    [Fact]
    public async Task LibreTranslate_names_traditional_chinese_zt_and_a_url_with_a_trailing_slash_is_the_same_service()
    {
        var translated = await Translator("LibreTranslate", FakeTranslationServices.Key, "/").FetchAsync("engine", "Internet governance", "en", "zh-Hant", CancellationToken.None);

        Assert.Equal("[zt] Internet governance", translated);
        Assert.Equal("/translate", Assert.Single(_services.Requests).Path);
    }

    [Fact]
    public async Task DeepL_is_asked_with_the_key_in_the_authorization_header_and_its_variants_of_the_target()
    {
        var translator = Translator("DeepL", FakeTranslationServices.Key);

        Assert.Equal("[ES] The group met.", await translator.FetchAsync("engine", "The group met.", "en", "es", CancellationToken.None));
        Assert.Equal("[EN-GB] Le groupe.", await translator.FetchAsync("engine", "Le groupe.", "fr", "en", CancellationToken.None));
        Assert.Equal("[ZH-HANS] The group.", await translator.FetchAsync("engine", "The group.", "en", "zh", CancellationToken.None));

        var first = _services.Requests[0];
        Assert.Equal(("/v2/translate", $"DeepL-Auth-Key {FakeTranslationServices.Key}"), (first.Path, first.Authorization));
        using var body = JsonDocument.Parse(first.Body);
        Assert.Equal(["The group met."], body.RootElement.GetProperty("text").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(("EN", "ES"), (body.RootElement.GetProperty("source_lang").GetString(), body.RootElement.GetProperty("target_lang").GetString()));
        Assert.DoesNotContain(FakeTranslationServices.Key, first.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("LibreTranslate", "a-wrong-key")]           // 403 Invalid API key
    [InlineData("LibreTranslate", FakeTranslationServices.SpentKey)]  // 429 past the rate limit
    [InlineData("LibreTranslate", null)]                    // no key: 403
    [InlineData("DeepL", "a-wrong-key")]                    // 403
    [InlineData("DeepL", FakeTranslationServices.SpentKey)]   // 456 quota exceeded
    [InlineData("DeepL", FakeTranslationServices.ThrottledKey)] // 429 with Retry-After
    public async Task A_refused_key_a_spent_quota_or_a_rate_limit_gives_no_suggestion_rather_than_an_error(string kind, string? key)
    {
        var translated = await Translator(kind, key).FetchAsync("engine", "The group met.", "en", "es", CancellationToken.None);

        Assert.Null(translated);
        Assert.Single(_services.Requests); // asked once, not retried in the volunteer's request
    }

    [Fact]
    public async Task A_url_that_is_not_the_service_gives_no_suggestion()
    {
        Assert.Null(await Translator("DeepL", FakeTranslationServices.Key, "/elsewhere").FetchAsync("engine", "The group met.", "en", "es", CancellationToken.None));
        Assert.Null(await Translator("LibreTranslate", FakeTranslationServices.Key, "/elsewhere").FetchAsync("engine", "The group met.", "en", "es", CancellationToken.None));
    }

    private sealed class Clients : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new();
    }

    private sealed class Monitor(MachineTranslationOptions value) : IOptionsMonitor<MachineTranslationOptions>
    {
        public MachineTranslationOptions CurrentValue => value;

        public MachineTranslationOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<MachineTranslationOptions, string?> listener) => null;
    }
}
