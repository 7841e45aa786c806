using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Formats;
using Wgig.Translate.Domain.Languages;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Domain.Documents;

/// <param name="TranslatedSegments">Segments written in the target language.</param>
/// <param name="SourceSegments">Segments with no usable translation, written in the source language.</param>
public sealed record ExportedDocument(string FileName, string MediaType, byte[] Content, int TranslatedSegments, int SourceSegments);

public sealed record NotATargetLanguage(string Language, IReadOnlyList<string> Targets) : InvalidInputError("Not a target language",
    $"'{Language}' is not a target language of this project ({string.Join(", ", Targets)}).",
    new Dictionary<string, string[]> { ["language"] = [$"'{Language}' is not one of {string.Join(", ", Targets)}."] });

/// <summary>
/// Rebuilds a document in its own format from its current source and the translations into one
/// language. A segment without a usable translation falls back to its source text, and the result
/// says how many did; blocks with no translation at all stay byte for byte as in the source.
/// </summary>
public sealed class DocumentExport(TranslationDb db, ImporterCatalog importers, IOptions<DocumentLimits> limits)
{
    public async Task<Result<ExportedDocument>> ExportAsync(
        Guid projectId, Guid documentId, string? language, bool approvedOnly, CancellationToken cancellationToken)
    {
        var found = await DocumentLanguage.FindAsync(db, projectId, documentId, language, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }
        var (project, document, target) = found.Value;

        var original = await db.DocumentVersions.Where(v => v.DocumentId == documentId && v.Number == document.CurrentVersion)
            .Select(v => v.Content).SingleAsync(cancellationToken);
        var segments = await db.Segments.AsNoTracking()
            .Where(s => s.DocumentId == documentId && s.RetiredInVersion == null)
            .OrderBy(s => s.Ordinal).ToListAsync(cancellationToken);
        var usable = approvedOnly ? new[] { TargetState.Approved } : [TargetState.Translated, TargetState.Approved];
        var translations = await db.Targets.AsNoTracking()
            .Where(t => t.Language == target && t.Text != null && usable.Contains(t.State))
            .Join(db.Segments.Where(s => s.DocumentId == documentId && s.RetiredInVersion == null), t => t.SegmentId, s => s.Id, (t, _) => t)
            .ToDictionaryAsync(t => t.SegmentId, cancellationToken);

        var translated = 0;
        var blocks = new List<SegmentContent?>();
        foreach (var block in segments.GroupBy(s => s.Paragraph).OrderBy(g => g.Key))
        {
            var parts = block.Select(s => translations.TryGetValue(s.Id, out var t) ? (s, t.ContentFor(s.Content)) : (s, null)).ToList();
            var blockTranslated = parts.Count(p => p.Item2 is not null);
            translated += blockTranslated;
            blocks.Add(blockTranslated == 0 ? null : BlockAssembly.Join(parts.Select(p =>
                p.Item2 is { } text
                    ? (text, BlockAssembly.JoinsWithoutSpaces(target) ? "" : p.s.SpaceAfter)
                    : (p.s.Content, p.s.SpaceAfter))));
        }

        var importer = importers.For(document.Format);
        // Under the same limit as reading a file: a page that is slow to write out (built to be) must not keep a processor busy.
        var (inTime, rebuilt) = await TimeLimit.RunAsync(token => importer.Rebuild(original, blocks, TextLanguages.Of(project.SourceLanguage, target), token),
            limits.Value.ParseTimeout, cancellationToken);
        if (!inTime)
        {
            return new ExportTooSlow(limits.Value.ParseTimeout);
        }
        if (!rebuilt!.Succeeded)
        {
            return rebuilt.Error;
        }
        return new ExportedDocument(LocalizedFileName(document.Path, target), importer.MediaType, rebuilt.Value,
            translated, segments.Count - translated);
    }

    // "papers/report.md" in French is "report.fr.md".
    private static string LocalizedFileName(string path, string language)
    {
        var name = Path.GetFileName(path);
        var extension = Path.GetExtension(name);
        return $"{Path.GetFileNameWithoutExtension(name)}.{language}{extension}";
    }
}
