using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Languages;

namespace Wgig.Translate.Domain.Projects;

/// <summary>A body of work for one team: what it translates from, and into which languages.</summary>
public sealed class Project
{
    public const int MaxNameLength = 200;

    private Project(Guid id, string name, string sourceLanguage, IReadOnlyList<string> targetLanguages, DateTimeOffset createdAt)
    {
        Id = id;
        Name = name;
        NormalizedName = Normalize(name);
        SourceLanguage = sourceLanguage;
        TargetLanguages = targetLanguages;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>The name as compared for uniqueness: two projects may not differ only in case or spacing.</summary>
    public string NormalizedName { get; private set; }

    public string SourceLanguage { get; private set; }

    public IReadOnlyList<string> TargetLanguages { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public EscalationLadder Ladder { get; private set; } = EscalationLadder.Default;

    public void ChangeLadder(EscalationLadder ladder) => Ladder = ladder;

    public static string Normalize(string name) =>
        string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    public static Result<Project> Create(
        string? name, string? sourceLanguage, IReadOnlyList<string>? targetLanguages, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        var trimmedName = name?.Trim() ?? "";
        if (trimmedName.Length == 0)
        {
            errors.Add("name", "A project needs a name.");
        }
        else if (trimmedName.Length > MaxNameLength)
        {
            errors.Add("name", $"A project name has at most {MaxNameLength} characters; this one has {trimmedName.Length}.");
        }

        if (!LanguageTag.TryNormalize(sourceLanguage, out var source, out var sourceProblem))
        {
            errors.Add("sourceLanguage", sourceProblem);
        }

        var targets = new List<string>();
        if (targetLanguages is null || targetLanguages.Count == 0)
        {
            errors.Add("targetLanguages", "A project needs at least one target language.");
        }
        else
        {
            for (var i = 0; i < targetLanguages.Count; i++)
            {
                var field = $"targetLanguages[{i}]";
                if (!LanguageTag.TryNormalize(targetLanguages[i], out var target, out var problem))
                {
                    errors.Add(field, problem);
                }
                else if (string.Equals(target, source, StringComparison.Ordinal))
                {
                    errors.Add(field, SourceIsNoTarget(target));
                }
                else if (targets.Contains(target, StringComparer.Ordinal))
                {
                    errors.Add(field, $"'{target}' is listed twice.");
                }
                else
                {
                    targets.Add(target);
                }
            }
        }

        if (errors.Any)
        {
            return errors.ToError("The project is not valid.");
        }
        return new Project(Guid.CreateVersion7(now), trimmedName, source, [.. targets], now);
    }

    // One wording for a project created with its source among its targets and for a target added later.
    private static string SourceIsNoTarget(string tag) => $"'{tag}' is the source language; it cannot also be a target language.";

    public bool TranslatesInto(string language) => TargetLanguages.Contains(language, StringComparer.Ordinal);

    /// <summary>
    /// A tag for a new target language (canonicalized), or why it cannot be one: not a BCP 47 tag, the source, or already a target.
    /// </summary>
    public Result<string> CheckNewTargetLanguage(string? language)
    {
        if (!LanguageTag.TryNormalize(language, out var tag, out var problem))
        {
            return InvalidInputError.ForField("language", problem);
        }
        if (string.Equals(tag, SourceLanguage, StringComparison.Ordinal))
        {
            return InvalidInputError.ForField("language", SourceIsNoTarget(tag));
        }
        if (TranslatesInto(tag))
        {
            return new AlreadyATargetLanguage(tag);
        }
        return tag;
    }

    /// <summary>Adds a target language checked by <see cref="CheckNewTargetLanguage"/> (its targets are the caller's to create).</summary>
    public void AddTargetLanguage(string tag) => TargetLanguages = [.. TargetLanguages, tag];

    /// <summary>Takes a target language away; a project keeps at least one.</summary>
    public Result<string> RemoveTargetLanguage(string language)
    {
        if (!TranslatesInto(language))
        {
            return new NotATargetLanguage(language, TargetLanguages);
        }
        if (TargetLanguages.Count == 1)
        {
            return new LastTargetLanguage(language);
        }
        TargetLanguages = [.. TargetLanguages.Where(l => l != language)];
        return language;
    }
}
