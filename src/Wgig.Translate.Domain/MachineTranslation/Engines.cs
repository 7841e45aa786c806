using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Wgig.Translate.Domain.Languages;

namespace Wgig.Translate.Domain.MachineTranslation;

/// <summary>
/// Apertium's web service (APy, Debian's apertium-apy): GET /translate?langpair=eng|spa&amp;q=…, languages as
/// ISO 639-3 codes; unknown words are left as they are rather than marked with *.
/// </summary>
public sealed class ApertiumEngine : IMachineTranslationEngine
{
    private static readonly Dictionary<string, string> Alpha3 = new(StringComparer.Ordinal)
    {
        ["en"] = "eng", ["es"] = "spa", ["fr"] = "fra", ["ru"] = "rus", ["ar"] = "ara", ["zh"] = "zho", ["ca"] = "cat", ["pt"] = "por",
        ["it"] = "ita", ["de"] = "deu", ["gl"] = "glg", ["eu"] = "eus", ["oc"] = "oci", ["ro"] = "ron", ["nl"] = "nld", ["af"] = "afr",
        ["sv"] = "swe", ["da"] = "dan", ["nb"] = "nob", ["nn"] = "nno", ["uk"] = "ukr", ["be"] = "bel", ["kk"] = "kaz", ["tt"] = "tat",
    };

    public string Kind => "Apertium";

    public async Task<string?> TranslateAsync(HttpClient http, EngineOptions engine, string text, string sourceLanguage, string targetLanguage, CancellationToken cancellationToken)
    {
        var pair = $"{Code(sourceLanguage)}|{Code(targetLanguage)}";
        var url = Endpoint.Of(engine, $"translate?markUnknown=no&langpair={Uri.EscapeDataString(pair)}&q={Uri.EscapeDataString(text)}");
        using var response = await http.GetAsync(url, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        // APy answers 200 with responseStatus 400 for a pair it has not installed.
        return json.RootElement.TryGetProperty("responseStatus", out var status) && status.GetInt32() == 200
            ? json.RootElement.GetProperty("responseData").GetProperty("translatedText").GetString()
            : null;
    }

    private static string Code(string language) => Alpha3.GetValueOrDefault(LanguageTag.Primary(language), LanguageTag.Primary(language));
}

/// <summary>LibreTranslate: POST /translate {q, source, target, format, api_key}.</summary>
public sealed class LibreTranslateEngine : IMachineTranslationEngine
{
    public string Kind => "LibreTranslate";

    public async Task<string?> TranslateAsync(HttpClient http, EngineOptions engine, string text, string sourceLanguage, string targetLanguage, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(Endpoint.Of(engine, "translate"), new Dictionary<string, string?>
        {
            ["q"] = text, ["source"] = LanguageTag.Primary(sourceLanguage), ["target"] = targetLanguage.StartsWith("zh-Hant", StringComparison.Ordinal) ? "zt" : LanguageTag.Primary(targetLanguage),
            ["format"] = "text", ["api_key"] = engine.Key,
        }, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return json.RootElement.TryGetProperty("translatedText", out var translated) ? translated.GetString() : null;
    }
}

/// <summary>DeepL API v2: POST /v2/translate with the key in the Authorization header.</summary>
public sealed class DeepLEngine : IMachineTranslationEngine
{
    public string Kind => "DeepL";

    public async Task<string?> TranslateAsync(HttpClient http, EngineOptions engine, string text, string sourceLanguage, string targetLanguage, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint.Of(engine, "v2/translate"))
        {
            Content = JsonContent.Create(new { text = new[] { text }, source_lang = LanguageTag.Primary(sourceLanguage).ToUpperInvariant(), target_lang = Target(targetLanguage) }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("DeepL-Auth-Key", engine.Key);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return json.RootElement.GetProperty("translations").EnumerateArray().Select(t => t.GetProperty("text").GetString()).FirstOrDefault();
    }

    // DeepL wants a variant for English and Portuguese targets, and names Chinese scripts.
    private static string Target(string language) => language switch
    {
        "en-US" or "en-GB" or "pt-BR" or "pt-PT" => language.ToUpperInvariant(),
        _ when language.StartsWith("zh-Hant", StringComparison.Ordinal) => "ZH-HANT",
        _ => LanguageTag.Primary(language) switch { "en" => "EN-GB", "pt" => "PT-PT", "zh" => "ZH-HANS", var primary => primary.ToUpperInvariant() },
    };
}

/// <summary>A path below an engine's configured URL, whether or not the URL ends with a slash.</summary>
internal static class Endpoint
{
    public static Uri Of(EngineOptions engine, string path) => new(engine.Url!.AbsoluteUri.TrimEnd('/') + "/" + path);
}
