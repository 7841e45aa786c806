namespace Wgig.Translate.Domain.MachineTranslation;

/// <summary>Which configured engine suggests machine translations for one target language of a project.</summary>
public sealed class MachineTranslationSetting
{
    private MachineTranslationSetting()
    {
        Language = Engine = "";
    }

    public Guid ProjectId { get; private set; }

    public string Language { get; private set; }

    /// <summary>The engine's name in configuration (MachineTranslation:Engines:{name}).</summary>
    public string Engine { get; private set; }

    public Guid ChangedBy { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public static MachineTranslationSetting Create(Guid projectId, string language, string engine, Guid changedBy, DateTimeOffset now) =>
        new() { ProjectId = projectId, Language = language, Engine = engine, ChangedBy = changedBy, ChangedAt = now };

    public void Change(string engine, Guid changedBy, DateTimeOffset now)
    {
        Engine = engine;
        ChangedBy = changedBy;
        ChangedAt = now;
    }
}

/// <summary>An engine's answer for one source text and language pair, kept so the engine is asked once per segment text.</summary>
public sealed class CachedMachineTranslation
{
    private CachedMachineTranslation()
    {
        Engine = SourceLanguage = TargetLanguage = Text = "";
    }

    public string Engine { get; private set; }

    public string SourceLanguage { get; private set; }

    public string TargetLanguage { get; private set; }

    /// <summary>The source's key (<see cref="Memory.MemoryText.KeyOf"/>).</summary>
    public Guid SourceKey { get; private set; }

    public string Text { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static CachedMachineTranslation Create(string engine, string sourceLanguage, string targetLanguage, Guid sourceKey, string text, DateTimeOffset now) =>
        new() { Engine = engine, SourceLanguage = sourceLanguage, TargetLanguage = targetLanguage, SourceKey = sourceKey, Text = text, CreatedAt = now };
}
