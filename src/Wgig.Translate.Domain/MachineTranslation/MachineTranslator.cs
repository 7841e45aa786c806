using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wgig.Translate.Domain.Memory;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Domain.MachineTranslation;

/// <summary>A suggestion under way: the engine and text to ask, and the cached answer if there is one.</summary>
public sealed record MachineRequest(string Engine, string SourceLanguage, string TargetLanguage, string Text, Guid Key, string? Cached);

/// <summary>A machine translation offered for a segment; never applied by itself.</summary>
public sealed record MachineSuggestion(string Engine, string Text, bool Cached);

/// <summary>
/// Machine translation as a suggestion source: the engine a project chose for the language, asked once per
/// source text (answers are cached), within a time budget. An engine that is not configured, down, slow or
/// refusing gives no suggestion and a log line, never an error for the volunteer.
/// </summary>
public sealed class MachineTranslator(TranslationDb db, IHttpClientFactory httpClients, IEnumerable<IMachineTranslationEngine> engines,
    IOptionsMonitor<MachineTranslationOptions> options, TimeProvider clock, ILogger<MachineTranslator> logger)
{
    public const string HttpClientName = "machine-translation";

    public IReadOnlyCollection<string> ConfiguredEngines => [.. options.CurrentValue.Engines.Keys];

    public bool IsConfigured(string engine) => options.CurrentValue.Engines.TryGetValue(engine, out var settings)
        && settings.Url is not null && engines.Any(e => string.Equals(e.Kind, settings.Kind, StringComparison.OrdinalIgnoreCase));

    /// <summary>The suggestion for a segment, from the cache or the engine; null when there is none.</summary>
    public async Task<MachineSuggestion?> SuggestAsync(Guid projectId, string sourceLanguage, string targetLanguage, SegmentContent source, CancellationToken cancellationToken)
    {
        var request = await PrepareAsync(projectId, sourceLanguage, targetLanguage, source, cancellationToken);
        return request is null ? null : await CompleteAsync(request, request.Cached is null ? await FetchAsync(request, cancellationToken) : null, cancellationToken);
    }

    /// <summary>
    /// The first half of a suggestion, reading the database: which engine the project chose, and its cached answer.
    /// Null when the project has no engine for the language. The engine can then be asked while the caller does other work.
    /// </summary>
    public async Task<MachineRequest?> PrepareAsync(Guid projectId, string sourceLanguage, string targetLanguage, SegmentContent source, CancellationToken cancellationToken)
    {
        var engine = await db.MachineTranslationSettings.AsNoTracking().Where(s => s.ProjectId == projectId && s.Language == targetLanguage)
            .Select(s => s.Engine).SingleOrDefaultAsync(cancellationToken);
        var text = MemoryText.Normalize(source.PlainText);
        if (engine is null || text.Length == 0)
        {
            return null;
        }
        var key = MemoryText.KeyOf(text);
        var cached = await db.MachineTranslations.AsNoTracking()
            .Where(c => c.Engine == engine && c.SourceLanguage == sourceLanguage && c.TargetLanguage == targetLanguage && c.SourceKey == key)
            .Select(c => c.Text).SingleOrDefaultAsync(cancellationToken);
        return new MachineRequest(engine, sourceLanguage, targetLanguage, text, key, cached);
    }

    public Task<string?> FetchAsync(MachineRequest request, CancellationToken cancellationToken) =>
        FetchAsync(request.Engine, request.Text, request.SourceLanguage, request.TargetLanguage, cancellationToken);

    /// <summary>The second half: the cached answer, or the engine's (kept for next time), or nothing.</summary>
    public async Task<MachineSuggestion?> CompleteAsync(MachineRequest request, string? fetched, CancellationToken cancellationToken)
    {
        if (request.Cached is { } cached)
        {
            return new MachineSuggestion(request.Engine, cached, true);
        }
        if (fetched is null)
        {
            return null;
        }
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO translate.machine_translations (engine, source_language, target_language, source_key, text, created_at)
            VALUES ({request.Engine}, {request.SourceLanguage}, {request.TargetLanguage}, {request.Key}, {fetched}, {clock.GetUtcNow()})
            ON CONFLICT DO NOTHING
            """, cancellationToken);
        return new MachineSuggestion(request.Engine, fetched, false);
    }

    /// <summary>Asks the engine, within the time budget; null for any failure.</summary>
    public async Task<string?> FetchAsync(string engineName, string text, string sourceLanguage, string targetLanguage, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (!settings.Engines.TryGetValue(engineName, out var engineOptions) || engineOptions.Url is null
            || engines.FirstOrDefault(e => string.Equals(e.Kind, engineOptions.Kind, StringComparison.OrdinalIgnoreCase)) is not { } engine)
        {
            logger.LogWarning("Machine translation engine {Engine} is chosen by a project but not configured (MachineTranslation:Engines:{Engine}).", engineName, engineName);
            return null;
        }
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(settings.Timeout);
        try
        {
            var translated = await engine.TranslateAsync(httpClients.CreateClient(HttpClientName), engineOptions, text, sourceLanguage, targetLanguage, budget.Token);
            return string.IsNullOrWhiteSpace(translated) ? null : translated.Trim();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Machine translation engine {Engine} gave no answer within {Timeout}.", engineName, settings.Timeout);
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException or InvalidOperationException or KeyNotFoundException)
        {
            logger.LogWarning("Machine translation engine {Engine} failed: {Reason}", engineName, e.Message);
        }
        return null;
    }
}
