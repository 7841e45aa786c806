using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Wgig.Translate.Api.Tests.Aids;

/// <summary>
/// LibreTranslate and DeepL as their documentation describes them, in process on a free loopback port: LibreTranslate's
/// POST /translate (JSON or form fields q, source, target, format, api_key; {"translatedText"}; errors as {"error"} with
/// 400, 403 for a bad key, 429 past the rate limit) and DeepL's POST /v2/translate (the key in "Authorization: DeepL-Auth-Key";
/// JSON text[], source_lang, target_lang; {"translations":[{"detected_source_language","text"}]}; 403 for a bad key, 429 too
/// many requests, 456 quota exceeded, 400 {"message"}). The "translation" is the text marked with the target language, so a
/// test can tell what was asked. Every request is kept for the tests to read.
/// </summary>
public sealed class FakeTranslationServices : IAsyncDisposable
{
    public const string Key = "a-valid-key";

    /// <summary>A key the services accept but whose rate limit (LibreTranslate: 429) or quota (DeepL: 456) is spent.</summary>
    public const string SpentKey = "a-spent-key";

    /// <summary>A DeepL key sending too many requests at once: 429 with Retry-After.</summary>
    public const string ThrottledKey = "a-throttled-key";

    private readonly WebApplication _app;
    private readonly List<(string Path, string? Authorization, string ContentType, string Body)> _requests = [];

    private FakeTranslationServices(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<(string Path, string? Authorization, string ContentType, string Body)> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<FakeTranslationServices> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeTranslationServices(app);
        app.MapPost("/translate", fake.LibreTranslateAsync);
        app.MapPost("/v2/translate", fake.DeepLAsync);
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return fake;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<string> RecordAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        lock (_requests)
        {
            _requests.Add((request.Path, request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null, request.ContentType ?? "", body));
        }
        return body;
    }

    // https://libretranslate.com/docs: the fields come as JSON or as a form; api_key is one of them.
    private async Task<IResult> LibreTranslateAsync(HttpRequest request)
    {
        var body = await RecordAsync(request);
        Dictionary<string, string?> fields;
        if (request.HasJsonContentType())
        {
            using var json = JsonDocument.Parse(body);
            fields = json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : null);
        }
        else
        {
            fields = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(body).ToDictionary(p => p.Key, p => (string?)p.Value.ToString());
        }
        static IResult Error(int status, string message) => Results.Json(new { error = message }, statusCode: status);
        foreach (var required in new[] { "q", "source", "target" })
        {
            if (string.IsNullOrEmpty(fields.GetValueOrDefault(required)))
            {
                return Error(400, $"Invalid request: missing {required} parameter");
            }
        }
        return fields.GetValueOrDefault("api_key") switch
        {
            Key => Results.Json(new { translatedText = $"[{fields["target"]}] {fields["q"]}" }),
            SpentKey => Error(429, "Too many request limits violations"),
            _ => Error(403, "Invalid API key"),
        };
    }

    // https://developers.deepl.com/docs/api-reference/translate: the key only in the Authorization header.
    private async Task<IResult> DeepLAsync(HttpRequest request)
    {
        var body = await RecordAsync(request);
        var authorization = request.Headers.Authorization.ToString();
        if (authorization == $"DeepL-Auth-Key {SpentKey}")
        {
            return Results.StatusCode(456); // quota exceeded
        }
        if (authorization == $"DeepL-Auth-Key {ThrottledKey}")
        {
            request.HttpContext.Response.Headers.RetryAfter = "1";
            return Results.StatusCode(StatusCodes.Status429TooManyRequests);
        }
        if (authorization != $"DeepL-Auth-Key {Key}")
        {
            return Results.Json(new { message = "Wrong endpoint or authorization failed." }, statusCode: 403);
        }
        if (!request.HasJsonContentType())
        {
            return Results.Json(new { message = "Unsupported content type." }, statusCode: 415);
        }
        using var json = JsonDocument.Parse(body);
        if (!json.RootElement.TryGetProperty("text", out var texts) || texts.ValueKind != JsonValueKind.Array
            || !json.RootElement.TryGetProperty("target_lang", out var target))
        {
            return Results.Json(new { message = "Value for 'text' and 'target_lang' expected." }, statusCode: 400);
        }
        var source = json.RootElement.TryGetProperty("source_lang", out var given) ? given.GetString() : "EN";
        return Results.Json(new
        {
            translations = texts.EnumerateArray().Select(t => new { detected_source_language = source, text = $"[{target.GetString()}] {t.GetString()}" }).ToArray(),
        });
    }
}
