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

    /// <summary>Segments the caller holds under a live claim: the batch to translate offline.</summary>
    ClaimedByMe,
}

/// <param name="Version">"2.1" (default), "2.0" or "1.2".</param>
/// <param name="PrefillTargets">Copy the source into empty targets, for tools that translate in &lt;target&gt; (OmegaT's 1.2 filter).</param>
/// <param name="Caller">Whose claims <see cref="XliffUnits.ClaimedByMe"/> selects.</param>
public sealed record XliffExportOptions(string? Language, string? Version = null, XliffUnits Units = XliffUnits.All, bool PrefillTargets = false, Guid? Caller = null);

public sealed record XliffExportPlan(string FileName, string Version, string SourceLanguage, string TargetLanguage, Document Document);

public sealed record NoUnitsToExport(XliffUnits Units, string Language) : ConflictError("Nothing to export", Units switch
{
    XliffUnits.ClaimedByMe => $"You hold no live claim on this document in '{Language}'; claim a batch first.",
    XliffUnits.NeedsWork => $"Every segment of this document has a translation in '{Language}'.",
    _ => "The document has no current segments.",
});

public sealed record UnsupportedXliffVersion(string Version) : InvalidInputError("Unsupported XLIFF version",
    $"XLIFF version '{Version}' is not offered; choose 2.1, 2.0 or 1.2.",
    new Dictionary<string, string[]> { ["version"] = ["Choose 2.1, 2.0 or 1.2."] });

/// <summary>
/// Writes one document × target language as XLIFF, unit by unit, straight to the output: segments are
/// read from the database as a stream, so a document of any size is never held whole.
/// </summary>
public sealed class XliffExport(TranslationDb db, TimeProvider clock, Glossary.Glossaries glossaries)
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
        var plan = new XliffExportPlan($"{name}.{target}.xlf", version, project.SourceLanguage, target, document);
        // XLIFF 2 has no empty <file>, and an empty download helps nobody: say why there is nothing.
        if (!await Selected(plan, options).AnyAsync(cancellationToken))
        {
            return new NoUnitsToExport(options.Units, target);
        }
        return plan;
    }

    private sealed class UnitRow
    {
        public required Segment Segment { get; init; }

        public TargetRow? Target { get; init; }
    }

    private sealed class TargetRow
    {
        public string? Text { get; init; }

        public TargetState State { get; init; }

        public string? ReviewComment { get; init; }
    }

    private IQueryable<UnitRow> Selected(XliffExportPlan plan, XliffExportOptions options)
    {
        var finished = new[] { TargetState.Translated, TargetState.Approved };
        var now = clock.GetUtcNow();
        var caller = options.Caller ?? Guid.Empty;
        var language = plan.TargetLanguage;
        var targets = db.Targets.Where(t => t.Language == language);
        var segments = db.Segments.AsNoTracking().Where(s => s.DocumentId == plan.Document.Id && s.RetiredInVersion == null);
        segments = options.Units switch
        {
            XliffUnits.NeedsWork => segments.Where(s => !targets.Any(t => t.SegmentId == s.Id && finished.Contains(t.State))),
            XliffUnits.ClaimedByMe => segments.Where(s => targets.Any(t => t.SegmentId == s.Id
                && t.State == TargetState.Claimed && t.ClaimedBy == caller && t.Lease!.ExpiresAt > now)),
            _ => segments,
        };
        // A plain left join on the unique (segment, language): a FirstOrDefault here becomes a window over every target
        // of the language in the database, whose cost grows with every other document.
        return from s in segments
               join t in targets on s.Id equals t.SegmentId into found
               from t in found.DefaultIfEmpty()
               orderby s.Ordinal
               select new UnitRow
               {
                   Segment = s,
                   Target = t == null ? null : new TargetRow { Text = t.Text, State = t.State, ReviewComment = t.ReviewComment },
               };
    }

    public async Task<int> WriteAsync(XliffExportPlan plan, XliffExportOptions options, Stream output, CancellationToken cancellationToken)
    {
        var rows = Selected(plan, options).AsAsyncEnumerable();

        var units = 0;
        var terms = await glossaries.IndexAsync(plan.Document.ProjectId, plan.SourceLanguage, plan.TargetLanguage, cancellationToken);
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
                row.Target?.State ?? TargetState.Untranslated, Notes(row.Segment, row.Target?.ReviewComment), prefill, terms.Find(source.PlainText)));
            units++;
        }
        return units;
    }

    private static List<string>? Notes(Segment segment, string? reviewComment)
    {
        var notes = new List<string>();
        if (segment.Number is { } number)
        {
            notes.Add($"{segment.Kind} {Formats.StructuralLabel.Bare(number)}");
        }
        if (segment.PreviousContent is { } previous)
        {
            notes.Add($"Source changed in version {segment.ChangedInVersion}; it was: {previous.PlainText}");
        }
        if (reviewComment is not null)
        {
            notes.Add($"Reviewer: {reviewComment}");
        }
        return notes.Count == 0 ? null : notes;
    }
}
