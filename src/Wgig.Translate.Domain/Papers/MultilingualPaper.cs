using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Formats;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Domain.Papers;

/// <summary>One block of the paper (a paragraph, heading, item…) in the source and every language shown.</summary>
/// <param name="Label">The paper's own number or label as printed ("17.", "(a)", "(ii)", "2.1"); null for an unnumbered block.</param>
/// <param name="Translations">Per language, the block's approved translation.</param>
public sealed record PaperBlock(int Block, string? Label, BlockKind Kind, int Level, string Source, IReadOnlyDictionary<string, string> Translations);

/// <summary>A language of the paper and how far it is approved.</summary>
/// <param name="Complete">Every current segment approved: the language is shown and downloadable.</param>
public sealed record PaperLanguage(string Language, int Segments, int Approved, bool Complete);

public sealed record MultilingualPaperView(Guid ProjectId, Guid DocumentId, string Path, int Version, string SourceLanguage, IReadOnlyList<PaperLanguage> Languages,
    IReadOnlyList<PaperBlock> Blocks);

/// <summary>
/// The multilingual paper: every language approved in full beside the source, block by block in the paper's order,
/// each block carrying the number or label the source prints, so readers align "17." with "17." and "(a)" with "(a)"
/// whatever the block count. Serves the paper page and GET /api/projects/{id}/documents/{documentId}/paper/blocks.
/// </summary>
public static class MultilingualPaper
{
    public static async Task<Result<MultilingualPaperView>> ReadAsync(TranslationDb db, Guid projectId, Guid documentId, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => new { p.SourceLanguage, p.TargetLanguages })
            .SingleOrDefaultAsync(cancellationToken);
        if (project is null)
        {
            return new ProjectNotFound(projectId);
        }
        var document = await db.Documents.AsNoTracking().Where(d => d.Id == documentId && d.ProjectId == projectId).Select(d => new { d.Path, d.CurrentVersion })
            .SingleOrDefaultAsync(cancellationToken);
        if (document is null)
        {
            return new DocumentNotFound(projectId, documentId);
        }
        var segments = await db.Segments.AsNoTracking().Where(s => s.DocumentId == documentId && s.RetiredInVersion == null)
            .OrderBy(s => s.Ordinal).ToListAsync(cancellationToken);
        var approved = await db.Targets.AsNoTracking().Where(t => t.State == TargetState.Approved && t.Text != null)
            .Join(db.Segments.Where(s => s.DocumentId == documentId && s.RetiredInVersion == null), t => t.SegmentId, s => s.Id, (t, _) => t)
            .ToListAsync(cancellationToken);
        var byLanguage = approved.GroupBy(t => t.Language).ToDictionary(g => g.Key, g => g.ToDictionary(t => t.SegmentId));
        var languages = project.TargetLanguages.Select(l =>
        {
            var done = byLanguage.TryGetValue(l, out var found) ? found.Count : 0;
            return new PaperLanguage(l, segments.Count, done, segments.Count > 0 && done == segments.Count);
        }).ToList();
        var shown = languages.Where(l => l.Complete).Select(l => l.Language).ToList();

        var blocks = segments.GroupBy(s => s.Paragraph).OrderBy(g => g.Key).Select(block =>
        {
            var first = block.First();
            var source = BlockAssembly.Join(block.Select(s => (s.Content, s.SpaceAfter))).PlainText.Trim();
            var translations = shown.ToDictionary(language => language, language =>
            {
                var space = BlockAssembly.JoinsWithoutSpaces(language) ? "" : " ";
                return BlockAssembly.Join(block.Select(s => (byLanguage[language][s.Id].ContentFor(s.Content)!, s.SpaceAfter.Length > 0 ? space : "")))
                    .PlainText.Trim();
            }, StringComparer.Ordinal);
            return new PaperBlock(block.Key, Label(first.Number), first.Kind, first.Level, source, translations);
        }).ToList();
        return new MultilingualPaperView(projectId, documentId, document.Path, document.CurrentVersion, project.SourceLanguage, languages, blocks);
    }

    // Bullets are structure, not labels a reader aligns by.
    private static string? Label(string? number) => number is { Length: > 0 } printed && printed is not ("·" or "•" or "-" or "*" or "+") ? printed : null;
}
