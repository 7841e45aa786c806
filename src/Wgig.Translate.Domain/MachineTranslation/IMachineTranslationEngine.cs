namespace Wgig.Translate.Domain.MachineTranslation;

/// <summary>
/// A kind of machine translation service: one small class per service, found by scanning. It translates plain
/// text (the segment without its codes) and answers null when it has no translation for the pair; failures
/// (down, slow, refused) are exceptions that <see cref="MachineTranslator"/> turns into "no suggestion".
/// </summary>
public interface IMachineTranslationEngine
{
    string Kind { get; }

    Task<string?> TranslateAsync(HttpClient http, EngineOptions engine, string text, string sourceLanguage, string targetLanguage, CancellationToken cancellationToken);
}
