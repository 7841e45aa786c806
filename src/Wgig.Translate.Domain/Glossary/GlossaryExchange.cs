using System.Xml;
using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Domain.Glossary;

public enum GlossaryFormat
{
    Tbx,
    Csv,
}

/// <summary>One concept of an import file that was not taken, and why.</summary>
public sealed record RejectedEntry(int Index, string? Term, string Reason);

public sealed record GlossaryImportReport(int Entries, int Added, int Updated, IReadOnlyList<RejectedEntry> Rejected);

public sealed record UnreadableGlossary(GlossaryFormat Format, string Reason) : UnprocessableError("Not a readable glossary file",
    $"The file could not be read as {Format.ToString().ToUpperInvariant()}: {Reason} Nothing was imported.");

/// <summary>
/// Glossary import and export, TBX-Basic or CSV. An imported concept whose source term the project's glossary
/// has already replaces that entry; a concept that breaks the entry rules is reported and skipped, the rest is
/// saved in one go.
/// </summary>
public sealed class GlossaryExchange(TranslationDb db, TimeProvider clock)
{
    public async Task<Result<GlossaryImportReport>> ImportAsync(Project project, Stream file, GlossaryFormat format, Guid actor, CancellationToken cancellationToken)
    {
        List<GlossaryEntryDraft> drafts;
        try
        {
            if (format == GlossaryFormat.Tbx)
            {
                drafts = Tbx.Read(file);
            }
            else
            {
                var (read, problem) = GlossaryCsv.Read(file, project.SourceLanguage);
                if (problem is not null)
                {
                    return new UnreadableGlossary(format, problem);
                }
                drafts = read;
            }
        }
        catch (XmlException e)
        {
            return new UnreadableGlossary(format, e.Message);
        }
        var now = clock.GetUtcNow();
        var existing = await db.GlossaryEntries.Where(e => e.ProjectId == project.Id).ToListAsync(cancellationToken);
        var bySourceTerm = new Dictionary<string, GlossaryEntry>(StringComparer.Ordinal);
        foreach (var entry in existing)
        {
            foreach (var term in entry.TermsIn(project.SourceLanguage))
            {
                bySourceTerm.TryAdd(WordForms.Fold(term.Text), entry);
            }
        }
        int added = 0, updated = 0;
        var rejected = new List<RejectedEntry>();
        for (var i = 0; i < drafts.Count; i++)
        {
            var draft = drafts[i];
            var source = draft.Terms?.FirstOrDefault(t => Languages.LanguageTag.SameLanguage(t.Language, project.SourceLanguage))?.Text;
            // Tools write regions (en-US); the project's language is what the entry is kept in.
            draft = draft with { Terms = [.. (draft.Terms ?? []).Select(t => Languages.LanguageTag.SameLanguage(t.Language, project.SourceLanguage) ? t with { Language = project.SourceLanguage } : t)] };
            if (source is not null && bySourceTerm.GetValueOrDefault(WordForms.Fold(source.Trim())) is { } known)
            {
                if (known.Change(project.SourceLanguage, draft, actor, now) is { } problem)
                {
                    rejected.Add(new RejectedEntry(i + 1, source, Describe(problem)));
                    continue;
                }
                updated++;
                continue;
            }
            var created = GlossaryEntry.Create(project.Id, project.SourceLanguage, draft, actor, now);
            if (!created.Succeeded)
            {
                rejected.Add(new RejectedEntry(i + 1, source, Describe(created.Error)));
                continue;
            }
            db.GlossaryEntries.Add(created.Value);
            foreach (var term in created.Value.TermsIn(project.SourceLanguage))
            {
                bySourceTerm.TryAdd(WordForms.Fold(term.Text), created.Value);
            }
            added++;
        }
        await db.SaveChangesAsync(cancellationToken);
        return new GlossaryImportReport(drafts.Count, added, updated, rejected);
    }

    // Which field of the concept is wrong, as the API's validation problems name them.
    private static string Describe(DomainError problem) => problem is InvalidInputError invalid
        ? string.Join(" ", invalid.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))
        : problem.Detail;

    public async Task ExportAsync(Project project, GlossaryFormat format, Stream output, CancellationToken cancellationToken)
    {
        var entries = await db.GlossaryEntries.AsNoTracking().Where(e => e.ProjectId == project.Id).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        if (format == GlossaryFormat.Tbx)
        {
            Tbx.Write(output, project.SourceLanguage, $"Glossary of {project.Name} (Wgig.Translate)", entries);
        }
        else
        {
            GlossaryCsv.Write(output, entries);
        }
    }
}
