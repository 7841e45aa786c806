using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Domain.Xliff;

public enum XliffUnits
{
    /// <summary>Every current segment.</summary>
    All,

    /// <summary>Segments with no finished translation: untranslated, needing an update, or rejected.</summary>
    NeedsWork,
}

/// <param name="Version">"2.1" (default), "2.0" or "1.2".</param>
/// <param name="PrefillTargets">Copy the source into empty targets, for tools that translate in &lt;target&gt; (OmegaT's 1.2 filter).</param>
public sealed record XliffExportOptions(string? Language, string? Version = null, XliffUnits Units = XliffUnits.All, bool PrefillTargets = false);

public sealed record XliffExportPlan(string FileName, string Version, string SourceLanguage, string TargetLanguage, Document Document);

public sealed record UnsupportedXliffVersion(string Version) : InvalidInputError("Unsupported XLIFF version",
    $"XLIFF version '{Version}' is not offered; choose 2.1, 2.0 or 1.2.",
    new Dictionary<string, string[]> { ["version"] = ["Choose 2.1, 2.0 or 1.2."] });

/// <summary>
/// Writes one document × target language as XLIFF, unit by unit, straight to the output: segments are
/// read from the database as a stream, so a document of any size is never held whole.
/// </summary>
public sealed class XliffExport(TranslationDb db)
{
    public async Task<Result<XliffExportPlan>> PlanAsync(Guid projectId, Guid documentId, XliffExportOptions options, CancellationToken cancellationToken)
    {
        var found = await DocumentLanguage.FindAsync(db, projectId, documentId, options.Language, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }
        var (project, document, target) = found.Value;
        var version = options.Version ?? "2.1";
        if (version is not ("2.1" or "2.0" or "1.2"))
        {
            return new UnsupportedXliffVersion(version);
        }
        var name = Path.GetFileNameWithoutExtension(document.Path);
        return new XliffExportPlan($"{name}.{target}.xlf", version, project.SourceLanguage, target, document);
    }

    public async Task<int> WriteAsync(XliffExportPlan plan, XliffExportOptions options, Stream output, CancellationToken cancellationToken)
    {
        var finished = new[] { TargetState.Translated, TargetState.Approved };
        var rows = db.Segments.AsNoTracking()
            .Where(s => s.DocumentId == plan.Document.Id && s.RetiredInVersion == null)
            .OrderBy(s => s.Ordinal)
            .Select(s => new
            {
                Segment = s,
                Target = db.Targets.Where(t => t.SegmentId == s.Id && t.Language == plan.TargetLanguage).Select(t => new { t.Text, t.State }).FirstOrDefault(),
            })
            .Where(r => options.Units == XliffUnits.All || r.Target == null || !finished.Contains(r.Target.State))
            .AsAsyncEnumerable();

        var units = 0;
        using IXliffWriter writer = plan.Version == "1.2"
            ? new Xliff12Writer(output, plan.SourceLanguage, plan.TargetLanguage)
            : new Xliff2Writer(output, plan.SourceLanguage, plan.TargetLanguage, plan.Version);
        writer.StartFile(plan.Document.Id.ToString("N"), plan.Document.Path);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var source = row.Segment.Content;
            var translation = row.Target?.Text is { } text ? new Segmentation.SegmentContent(text, source.Codes) : null;
            var prefill = translation is null && options.PrefillTargets;
            writer.WriteUnit(new XliffUnit(row.Segment.Key, source, prefill ? source : translation,
                row.Target?.State ?? TargetState.Untranslated, Notes(row.Segment), prefill));
            units++;
        }
        return units;
    }

    private static List<string>? Notes(Segment segment)
    {
        var notes = new List<string>();
        if (segment.Number is { } number)
        {
            notes.Add($"{segment.Kind} {number}");
        }
        if (segment.PreviousContent is { } previous)
        {
            notes.Add($"Source changed in version {segment.ChangedInVersion}; it was: {previous.PlainText}");
        }
        return notes.Count == 0 ? null : notes;
    }
}
