using System.Xml;
using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Languages;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Domain.Memory.Tmx;

/// <param name="Units">Translation units read.</param>
/// <param name="Added">Entries new to the memory.</param>
/// <param name="Updated">Entries the memory had already (refreshed when the file's are newer).</param>
/// <param name="Skipped">Units with nothing usable, counted per reason in <paramref name="Reasons"/>.</param>
public sealed record TmxImportReport(int Units, int Added, int Updated, int Skipped, IReadOnlyDictionary<string, int> Languages, IReadOnlyDictionary<string, int> Reasons);

public sealed record InvalidTmx(string Reason) : UnprocessableError("Not a readable TMX file",
    $"The file could not be read as TMX: {Reason} Nothing was imported.");

/// <summary>
/// TMX in and out of a project's memory. An import reads units in the project's source language with variants in
/// its target languages (regions and case as tools write them: EN-US, fr-FR), makes one entry per target
/// variant and writes them in one transaction: a file that breaks half-way imports nothing.
/// </summary>
public sealed class TmxExchange(TranslationDb db, TimeProvider clock)
{
    public async Task<Result<TmxImportReport>> ImportAsync(Project project, Stream file, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var languages = new Dictionary<string, int>(StringComparer.Ordinal);
        var reasons = new Dictionary<string, int>(StringComparer.Ordinal);
        void Skip(string reason) => reasons[reason] = reasons.GetValueOrDefault(reason) + 1;
        int units = 0, added = 0, written = 0;
        var batch = new List<MemoryEntry>(MemoryStore.BatchSize);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            foreach (var unit in TmxReader.Read(file))
            {
                units++;
                var source = unit.Variants.FirstOrDefault(v => LanguageTag.SameLanguage(v.Language, project.SourceLanguage)
                    && (unit.SourceLanguage is null or "*all*" || LanguageTag.SameLanguage(unit.SourceLanguage, project.SourceLanguage)));
                if (source is null)
                {
                    Skip($"no variant in the source language '{project.SourceLanguage}'");
                    continue;
                }
                var targets = unit.Variants.Where(v => v != source).Select(v => (Variant: v, Language: project.TargetLanguages.FirstOrDefault(t => LanguageTag.SameLanguage(v.Language, t))))
                    .Where(v => v.Language is not null).ToList();
                if (targets.Count == 0)
                {
                    Skip("no variant in a target language of the project");
                    continue;
                }
                var context = Context(unit);
                foreach (var (variant, language) in targets)
                {
                    var entry = MemoryEntry.Create(project.Id, project.SourceLanguage, language!, source.Content, OntoSource(variant.Content, source.Content), context,
                        MemoryOrigin.Import, unit.Changed ?? now, authorName: unit.Author?.Length > 200 ? unit.Author[..200] : unit.Author);
                    if (entry is null)
                    {
                        Skip("an empty or over-long text");
                        continue;
                    }
                    languages[language!] = languages.GetValueOrDefault(language!) + 1;
                    batch.Add(entry);
                }
                if (batch.Count >= MemoryStore.BatchSize)
                {
                    added += await MemoryStore.UpsertAsync(db, batch, cancellationToken);
                    written += batch.Count;
                    batch.Clear();
                }
            }
            added += await MemoryStore.UpsertAsync(db, batch, cancellationToken);
            written += batch.Count;
        }
        catch (XmlException e)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new InvalidTmx(e.Message);
        }
        await transaction.CommitAsync(cancellationToken);
        return new TmxImportReport(units, added, written - added, reasons.Values.Sum(), languages, reasons);
    }

    /// <summary>Writes the project's own memory (one target language, or all) as TMX 1.4b, streamed from the database.</summary>
    public async Task<int> ExportAsync(Project project, string? language, Stream output, CancellationToken cancellationToken)
    {
        var entries = db.MemoryEntries.AsNoTracking().Where(e => e.ProjectId == project.Id && e.SourceLanguage == project.SourceLanguage);
        if (language is not null)
        {
            entries = entries.Where(e => e.TargetLanguage == language);
        }
        var authors = db.Users.Select(a => new { a.Id, a.DisplayName });
        var rows = entries.OrderBy(e => e.Id)
            .Select(e => new { Entry = e, Author = authors.Where(a => a.Id == e.AuthorId).Select(a => a.DisplayName).FirstOrDefault() ?? e.AuthorName })
            .AsAsyncEnumerable();
        var count = 0;
        using (var writer = new TmxWriter(output, project.SourceLanguage, clock.GetUtcNow()))
        {
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                writer.Write(row.Entry, row.Author);
                count++;
            }
        }
        return count;
    }

    // Our own export carries the context key; OmegaT's alternative translations name the segments around them.
    private static Guid? Context(TmxUnit unit) =>
        unit.Properties.TryGetValue(TmxWriter.ContextProperty, out var key) && Guid.TryParseExact(key, "N", out var context) ? context
        : unit.Properties.TryGetValue("prev", out var previous) || unit.Properties.ContainsKey("next")
            ? MemoryText.ContextOf(previous, unit.Properties.GetValueOrDefault("next"))
            : null;

    // The target variant's codes as markers over the source variant's codes: the same id and kind; others dropped.
    private static SegmentContent OntoSource(SegmentContent target, SegmentContent source)
    {
        var text = new System.Text.StringBuilder(target.CodedText.Length);
        foreach (var c in target.CodedText)
        {
            if (!SegmentContent.IsMarker(c))
            {
                text.Append(c);
                continue;
            }
            var code = target.CodeAt(c);
            var index = source.Codes.ToList().FindIndex(s => s.Id == code.Id && s.Kind == code.Kind);
            if (index >= 0)
            {
                text.Append(SegmentContent.MarkerFor(index));
            }
        }
        return new SegmentContent(text.ToString(), source.Codes);
    }
}
