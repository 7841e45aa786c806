namespace Wgig.Translate.Domain.MachineTranslation;

/// <summary>
/// The machine translation engines this installation offers (section "MachineTranslation"). Each engine has a
/// name projects choose it by, a kind (Apertium, LibreTranslate, DeepL), its URL and, where the service needs one,
/// a key. Keys live in configuration (environment, secrets store), never in the database.
/// </summary>
public sealed class MachineTranslationOptions
{
    public const string Section = "MachineTranslation";

    /// <summary>How long a suggestion may take; an engine that is slower (or down) gives no suggestion.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(3);

    public Dictionary<string, EngineOptions> Engines { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class EngineOptions
{
    /// <summary>Which <see cref="IMachineTranslationEngine"/> talks to it: "Apertium", "LibreTranslate", "DeepL".</summary>
    public string Kind { get; set; } = "";

    public Uri? Url { get; set; }

    public string? Key { get; set; }
}
