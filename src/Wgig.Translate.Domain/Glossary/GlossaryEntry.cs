using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Languages;

namespace Wgig.Translate.Domain.Glossary;

/// <summary>TBX-Basic's administrative status of a term.</summary>
public enum TermStatus
{
    /// <summary>The rendering to use.</summary>
    Preferred,

    /// <summary>Acceptable, though not the first choice.</summary>
    Admitted,

    /// <summary>Must not be used (TBX "deprecated"): a check flags it in translations.</summary>
    Forbidden,
}

/// <summary>One term of a concept in one language.</summary>
/// <param name="PartOfSpeech">TBX-Basic's picklist: noun, verb, adjective, adverb, properNoun, other.</param>
public sealed record GlossaryTerm(string Language, string Text, TermStatus Status = TermStatus.Preferred, string? PartOfSpeech = null, string? Note = null);

/// <summary>A glossary entry as a request or an import file gives it, before it is checked.</summary>
public sealed record GlossaryEntryDraft(string? Definition, string? Note, bool DoNotTranslate, IReadOnlyList<GlossaryTermDraft>? Terms);

public sealed record GlossaryTermDraft(string? Language, string? Text, string? Status = null, string? PartOfSpeech = null, string? Note = null);

/// <summary>
/// A concept of a project's glossary (TBX's conceptEntry): its definition and notes and its terms per
/// language, each with a status; or a term that is not to be translated ("do not translate": the
/// source term stays as it is in every language). The project's terms in its source language are what
/// segments are searched for.
/// </summary>
public sealed class GlossaryEntry
{
    public const int MaxTermLength = 200;
    public const int MaxTextLength = 2000;
    public const int MaxTerms = 60;

    private static readonly HashSet<string> PartsOfSpeech = ["noun", "verb", "adjective", "adverb", "properNoun", "other"];

    private GlossaryEntry()
    {
        Terms = [];
    }

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public string? Definition { get; private set; }

    public string? Note { get; private set; }

    public bool DoNotTranslate { get; private set; }

    public IReadOnlyList<GlossaryTerm> Terms { get; private set; }

    public Guid? UpdatedBy { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IEnumerable<GlossaryTerm> TermsIn(string language) => Terms.Where(t => string.Equals(t.Language, language, StringComparison.Ordinal));

    public static Result<GlossaryEntry> Create(Guid projectId, string sourceLanguage, GlossaryEntryDraft draft, Guid? actor, DateTimeOffset now)
    {
        var entry = new GlossaryEntry { Id = Guid.CreateVersion7(now), ProjectId = projectId };
        var problem = entry.Change(sourceLanguage, draft, actor, now);
        return problem is null ? entry : problem;
    }

    /// <summary>Replaces the entry's content with the draft's, or says every field that is wrong and changes nothing.</summary>
    public DomainError? Change(string sourceLanguage, GlossaryEntryDraft draft, Guid? actor, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        var terms = new List<GlossaryTerm>();
        var drafts = draft.Terms ?? [];
        if (drafts.Count > MaxTerms)
        {
            errors.Add("terms", $"An entry has at most {MaxTerms} terms; this one has {drafts.Count}.");
        }
        for (var i = 0; i < drafts.Count && i < MaxTerms; i++)
        {
            var term = drafts[i];
            var field = $"terms[{i}]";
            if (!LanguageTag.TryNormalize(term.Language, out var language, out var languageProblem))
            {
                errors.Add(field + ".language", languageProblem);
            }
            var text = Clean(term.Text);
            if (text.Length == 0)
            {
                errors.Add(field + ".text", "A term has text.");
            }
            else if (text.Length > MaxTermLength)
            {
                errors.Add(field + ".text", $"A term has at most {MaxTermLength} characters; this one has {text.Length}.");
            }
            TermStatus status = TermStatus.Preferred;
            if (term.Status is { Length: > 0 } named && !TryStatus(named, out status))
            {
                errors.Add(field + ".status", $"'{named}' is not a term status; use preferred, admitted or forbidden.");
            }
            var partOfSpeech = Clean(term.PartOfSpeech) is { Length: > 0 } pos ? PartsOfSpeech.FirstOrDefault(p => string.Equals(p, pos, StringComparison.OrdinalIgnoreCase)) : null;
            if (partOfSpeech is null && Clean(term.PartOfSpeech).Length > 0)
            {
                errors.Add(field + ".partOfSpeech", $"'{term.PartOfSpeech}' is not a part of speech; use {string.Join(", ", PartsOfSpeech)}.");
            }
            var note = (term.Note ?? "").Trim();
            if (note.Length > MaxTextLength)
            {
                errors.Add(field + ".note", $"A note has at most {MaxTextLength} characters.");
            }
            if (terms.Any(t => t.Language == language && string.Equals(WordForms.Fold(t.Text), WordForms.Fold(text), StringComparison.Ordinal)))
            {
                errors.Add(field, $"'{text}' is listed twice in '{language}'.");
            }
            terms.Add(new GlossaryTerm(language, text, status, partOfSpeech, note.Length == 0 ? null : note));
        }
        if (!terms.Any(t => t.Language == sourceLanguage))
        {
            errors.Add("terms", $"An entry needs a term in the project's source language '{sourceLanguage}': that is what segments are searched for.");
        }
        else if (terms.Where(t => t.Language == sourceLanguage).All(t => t.Status == TermStatus.Forbidden))
        {
            errors.Add("terms", $"An entry needs a term in '{sourceLanguage}' that is not forbidden.");
        }
        var definition = (draft.Definition ?? "").Trim();
        var entryNote = (draft.Note ?? "").Trim();
        if (definition.Length > MaxTextLength)
        {
            errors.Add("definition", $"A definition has at most {MaxTextLength} characters.");
        }
        if (entryNote.Length > MaxTextLength)
        {
            errors.Add("note", $"A note has at most {MaxTextLength} characters.");
        }
        if (errors.Any)
        {
            return errors.ToError("The glossary entry is not valid.");
        }
        Definition = definition.Length == 0 ? null : definition;
        Note = entryNote.Length == 0 ? null : entryNote;
        DoNotTranslate = draft.DoNotTranslate;
        Terms = terms;
        UpdatedBy = actor;
        UpdatedAt = now;
        return null;
    }

    public static bool TryStatus(string name, out TermStatus status)
    {
        status = name.Trim().ToLowerInvariant() switch
        {
            "preferred" or "preferredterm-admn-sts" => TermStatus.Preferred,
            "admitted" or "admittedterm-admn-sts" => TermStatus.Admitted,
            "forbidden" or "deprecated" or "deprecatedterm-admn-sts" or "supersededterm-admn-sts" or "notrecommended" => TermStatus.Forbidden,
            _ => (TermStatus)(-1),
        };
        return Enum.IsDefined(status);
    }

    private static string Clean(string? text) => string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
