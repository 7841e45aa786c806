using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Languages;
using Wgig.Translate.Domain.Notifications;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Domain.Xliff;

public enum UnitOutcome
{
    /// <summary>The target was submitted as the uploader's translation.</summary>
    Applied,

    /// <summary>Nothing to do: no target, a copy of the source, or the translation we already have.</summary>
    Unchanged,

    /// <summary>The target was not taken; the reason says why.</summary>
    Rejected,
}

/// <param name="Findings">What the checks found in the unit's translation (a rejected unit's errors, or warnings handed in with it).</param>
public sealed record ImportedUnit(string UnitId, Guid? SegmentId, UnitOutcome Outcome, string? Reason, IReadOnlyList<Checks.CheckFinding>? Findings = null);

public sealed record XliffImportReport(string Version, string Language, int Applied, int Unchanged, int Rejected, IReadOnlyList<ImportedUnit> Units);

public sealed record XliffLanguageMismatch(string What, string InFile, string Expected) : UnprocessableError("Language mismatch",
    $"The file's {What} is '{InFile}', but this document × language needs '{Expected}'.");

public sealed record XliffFromAnotherDocument(string FileId, Guid DocumentId) : UnprocessableError("Another document's XLIFF",
    $"The file was exported from document '{FileId}', not from '{DocumentId:N}'; upload it to that document.");

/// <summary>
/// Applies a translated XLIFF file (2.x or 1.2) as submissions by the volunteer who uploads it. The file
/// is judged whole first (structure, processing requirements, languages, that it belongs to this
/// document); a broken file changes nothing. Then each unit on its own (<see cref="XliffUnitDecision"/>): a
/// changed target under the uploader's live claim is submitted through <see cref="TranslationWork"/>, like a
/// submission from the editor; everything else is reported with the reason. All applied units are written in
/// one transaction, with the document's targets locked so no web edit slips in between.
/// </summary>
public sealed class XliffImport(TranslationDb db, TimeProvider clock, TranslationWork work, Checks.SegmentChecks checks)
{
    private static readonly XNamespace X2 = XliffSchemas.Core2Namespace;

    /// <param name="acknowledgeWarnings">Hand in units whose only findings are warnings (a CAT tool cannot acknowledge them one by one).</param>
    public async Task<Result<XliffImportReport>> ApplyAsync(Guid projectId, Guid documentId, string? language, Guid volunteerId,
        Stream file, bool acknowledgeWarnings, CancellationToken cancellationToken)
    {
        // Rights first when the request names the language: nobody learns how we judge files they may not upload.
        if (language is not null && await TargetAsync(projectId, documentId, language, volunteerId, cancellationToken) is { Succeeded: false } forbidden)
        {
            return forbidden.Error;
        }
        var read = XliffReader.Read(file);
        if (!read.Succeeded)
        {
            return read.Error;
        }
        var xliff = read.Value;
        if (language is null && xliff.TargetLanguage is null)
        {
            return InvalidInputError.ForField("language", "The file names no target language; say which language it is in.");
        }
        var found = await TargetAsync(projectId, documentId, language ?? xliff.TargetLanguage, volunteerId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }
        var (project, _, target) = found.Value;
        if (Mismatch(xliff, documentId, project.SourceLanguage, target) is { } mismatch)
        {
            return mismatch;
        }

        var segments = await db.Segments.AsNoTracking().Where(s => s.DocumentId == documentId)
            .ToDictionaryAsync(s => s.Key, StringComparer.Ordinal, cancellationToken);
        var units = XliffTargets.Read(xliff, key => segments.TryGetValue(key, out var s) && s.RetiredInVersion is null ? s.Content : null).ToList();

        var checker = await checks.ForAsync(projectId, project.SourceLanguage, target, cancellationToken);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The uploader's batches first, then their targets: the order every hand-in locks in (ReviewNotices' remarks). Asked after this
        // lock, whether a batch is all handed in sees the editor's hand-ins of the same batches that committed meanwhile.
        await ReviewNotices.LockBatchesAsync(db, volunteerId, documentId, target, cancellationToken);
        // Only the targets the upload may submit are locked (the uploader's live claims), in the document's order, the order
        // claims and new versions lock in: no web edit slips in between, concurrent uploads, claims and new versions queue up
        // instead of deadlocking, and everyone else's claims go on. The rest are read as they are, to say why they are not applied.
        await db.Targets.FromSql($"""
                SELECT t.*, t.xmin FROM translate.targets t
                WHERE t.document_id = {documentId} AND t.language = {target} AND t.claimed_by = {volunteerId}
                ORDER BY t.ordinal NULLS LAST, t.id
                FOR UPDATE OF t
                """).LoadAsync(cancellationToken);
        var targets = (await db.Targets.FromSql($"""
                SELECT t.*, t.xmin FROM translate.targets t WHERE t.document_id = {documentId} AND t.language = {target}
                """).ToListAsync(cancellationToken)).ToDictionary(t => t.SegmentId);
        var onceMine = await OnceClaimedByAsync(volunteerId, [.. targets.Values.Select(t => t.Id)], cancellationToken);
        var mutes = await MutesAsync([.. targets.Values.Select(t => t.Id)], cancellationToken);

        var report = new List<ImportedUnit>(units.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var touchedClaims = new HashSet<Guid>();
        foreach (var unit in units)
        {
            var segment = segments.GetValueOrDefault(unit.UnitId);
            var current = segment is null ? null : targets.GetValueOrDefault(segment.Id);
            var decision = XliffUnitDecision.Decide(new XliffUnitDecision.Unit(unit, !seen.Add(unit.UnitId), segment?.Content, segment?.RetiredInVersion,
                current, current is not null && onceMine.Contains(current.Id)), volunteerId, now);
            var claimId = current?.ClaimId;
            // The checks judge what would be handed in: errors reject the unit, and so do warnings the upload does not acknowledge.
            var findings = decision.Outcome == UnitOutcome.Applied ? checker.Run(segment!.Content, unit.Target!, mutes: mutes.GetValueOrDefault(current!.Id)) : null;
            if (findings?.RefusalOfSubmission(acknowledgeWarnings ? [.. findings.Warnings.Select(w => w.Check)] : null) is { } blocked)
            {
                decision = new XliffUnitDecision.Decision(UnitOutcome.Rejected, blocked.Detail);
            }
            else if (decision.Outcome == UnitOutcome.Applied && work.Submit(current!, volunteerId, unit.Target!, segment!.Content, now, findings!.AcknowledgementNote()) is { } refused)
            {
                decision = new XliffUnitDecision.Decision(UnitOutcome.Rejected, refused.Detail);
            }
            else if (decision.Outcome == UnitOutcome.Applied && claimId is { } handedIn)
            {
                touchedClaims.Add(handedIn);
            }
            report.Add(new ImportedUnit(unit.UnitId, segment?.Id, decision.Outcome, decision.Reason, findings?.Findings is { Count: > 0 } unitFindings ? unitFindings : null));
        }

        await db.SaveChangesAsync(cancellationToken);
        await ReviewNotices.BatchesHandedInAsync(db, touchedClaims, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new XliffImportReport(xliff.Version, target,
            report.Count(u => u.Outcome == UnitOutcome.Applied),
            report.Count(u => u.Outcome == UnitOutcome.Unchanged),
            report.Count(u => u.Outcome == UnitOutcome.Rejected),
            report);
    }

    // The document × language, if the volunteer may translate into it.
    private Task<Result<DocumentLanguage>> TargetAsync(Guid projectId, Guid documentId, string? language, Guid volunteerId, CancellationToken cancellationToken) =>
        DocumentLanguage.FindForAsync(db, projectId, documentId, language, volunteerId, LanguageRight.Translate, cancellationToken);

    private static DomainError? Mismatch(XliffDocument xliff, Guid documentId, string sourceLanguage, string target)
    {
        if (!LanguageTag.SameLanguage(xliff.SourceLanguage, sourceLanguage))
        {
            return new XliffLanguageMismatch("source language", xliff.SourceLanguage, sourceLanguage);
        }
        if (xliff.TargetLanguage is { } trgLang && !LanguageTag.SameLanguage(trgLang, target))
        {
            return new XliffLanguageMismatch("target language", trgLang, target);
        }
        // Our 2.x exports name the document in <file id>; a file from another document would match no key anyway,
        // but saying so is kinder than a list of rejected units.
        foreach (var file in xliff.Xml.Root!.Elements(X2 + "file"))
        {
            if (Guid.TryParseExact((string?)file.Attribute("id"), "N", out var exportedFrom) && exportedFrom != documentId)
            {
                return new XliffFromAnotherDocument(exportedFrom.ToString("N"), documentId);
            }
        }
        return null;
    }

    private async Task<Dictionary<Guid, Dictionary<string, string>>> MutesAsync(List<Guid> targetIds, CancellationToken cancellationToken) =>
        (await db.TargetEvents.AsNoTracking()
            .Where(e => targetIds.Contains(e.TargetId) && (e.Kind == TargetEventKind.CheckMuted || e.Kind == TargetEventKind.CheckUnmuted))
            .OrderBy(e => e.Sequence).ToListAsync(cancellationToken))
        .GroupBy(e => e.TargetId).ToDictionary(g => g.Key, g => Target.MutedChecks(g));

    private async Task<HashSet<Guid>> OnceClaimedByAsync(Guid volunteerId, List<Guid> targetIds, CancellationToken cancellationToken) =>
        [.. await db.TargetEvents.Where(e => targetIds.Contains(e.TargetId) && e.Kind == TargetEventKind.Claimed && e.ActorId == volunteerId)
            .Select(e => e.TargetId).Distinct().ToListAsync(cancellationToken)];
}
