using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Glossary;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Domain.Checks;

/// <summary>
/// The checks of one project and target language, with what they need loaded once: levels and glossary, and the keys of
/// the words met so far in either language. One per run (a request, a document's check, an upload); not thread-safe.
/// </summary>
public sealed class ProjectChecker(QualityChecks checks, IReadOnlyDictionary<string, CheckLevel> levels, TermIndex glossary, string sourceLanguage, string targetLanguage)
{
    private readonly WordKeys _sourceKeys = new(sourceLanguage);
    private readonly WordKeys _targetKeys = new(targetLanguage);

    public CheckReport Run(SegmentContent source, SegmentContent translation, IReadOnlyCollection<string>? others = null, IReadOnlyDictionary<string, string>? mutes = null) =>
        checks.Run(new CheckInput(source, translation, sourceLanguage, targetLanguage, glossary, others, _sourceKeys, _targetKeys), levels, mutes);
}

/// <summary>What the checks of one segment read (<see cref="SegmentChecks.ReadInputs"/>): there once its batch ran.</summary>
public sealed class CheckInputs
{
    internal CheckInputs(DocumentLanguage place, Segment segment, Target? target, ReadBatch.Rows<SegmentChecks.SegmentInput> rows) =>
        (Place, Segment, Target, Rows) = (place, segment, target, rows);

    internal DocumentLanguage Place { get; }

    internal Segment Segment { get; }

    internal Target? Target { get; }

    internal ReadBatch.Rows<SegmentChecks.SegmentInput> Rows { get; }
}

/// <summary>A document's translations in one language as the checks judge them (segments with findings only).</summary>
public sealed record SegmentReport(Guid SegmentId, string Key, int Ordinal, TargetState State, CheckReport Report);

/// <summary>
/// Runs the checks where translations are handed in (submission, draft, XLIFF upload) and for a whole document:
/// loads the project's levels, its glossary, the segment's mutes and the other translations of the same source.
/// </summary>
public sealed class SegmentChecks(TranslationDb db, QualityChecks checks, Glossaries glossaries)
{
    private static readonly string[] Finished = [nameof(TargetState.Translated), nameof(TargetState.Approved)];

    // The reads every draft save and submission makes, compiled once: a LINQ query otherwise pays for its expression tree
    // (parameters pulled out, the cache key compared) on every call, which was most of a draft save's own CPU.
    private static readonly Func<TranslationDb, Guid, IAsyncEnumerable<CheckSetting>> LevelsOf = EF.CompileAsyncQuery(
        (TranslationDb db, Guid projectId) => db.CheckSettings.AsNoTracking().Where(s => s.ProjectId == projectId));

    private static readonly string[] MuteKinds = [nameof(TargetEventKind.CheckMuted), nameof(TargetEventKind.CheckUnmuted)];

    public async Task<Dictionary<string, CheckLevel>> LevelsAsync(Guid projectId, CancellationToken cancellationToken) =>
        await LevelsOf(db, projectId).ToDictionaryAsync(s => s.Check, s => s.Level, StringComparer.Ordinal, cancellationToken);

    public async Task<ProjectChecker> ForAsync(Guid projectId, string sourceLanguage, string targetLanguage, CancellationToken cancellationToken)
    {
        var settings = await SettingsAsync(projectId, sourceLanguage, targetLanguage, cancellationToken);
        return new(checks, settings.Levels, settings.Glossary, sourceLanguage, targetLanguage);
    }

    // Levels and glossary change seldom and every draft save reads them: an API process takes them from what it kept
    // (KeptCheckSettings) for a few seconds, instead of three round trips and the glossary's compilation per call.
    private async Task<CheckSettings> SettingsAsync(Guid projectId, string sourceLanguage, string targetLanguage, CancellationToken cancellationToken)
    {
        var kept = KeptCheckSettings.Of(db);
        var question = new CheckSettingsQuestion(projectId, sourceLanguage, targetLanguage);
        if (kept is not null && kept.TryGet(question, out var settings))
        {
            return settings;
        }
        var (changes, readAt) = (kept?.Changes ?? 0, kept?.Now ?? default);
        var levels = await LevelsAsync(projectId, cancellationToken);
        var (glossary, glossaryProjects) = await glossaries.IndexWithProjectsAsync(projectId, sourceLanguage, targetLanguage, cancellationToken);
        settings = new CheckSettings(levels, glossary, glossaryProjects);
        kept?.Remember(question, settings, changes, readAt);
        return settings;
    }

    /// <summary>Every check on one translation of a segment, with its mutes and the project's other translations of the same source.</summary>
    public async Task<CheckReport> RunAsync(DocumentLanguage place, Segment segment, Target? target, SegmentContent translation,
        CancellationToken cancellationToken)
    {
        var batch = new ReadBatch();
        var inputs = ReadInputs(batch, place, segment, target);
        await batch.RunAsync(db, cancellationToken);
        return await RunAsync(inputs, translation, cancellationToken);
    }

    /// <summary>
    /// What the checks of one segment read from the store, added to a batch of reads a write sends together (the segment's
    /// other reads, the answer's): the project's other translations of the same source (the consistency check's; at most 20)
    /// and the target's mute and unmute events (which <see cref="Target.MutedChecks(IEnumerable{TargetEvent})"/> reads).
    /// </summary>
    public static CheckInputs ReadInputs(ReadBatch batch, DocumentLanguage place, Segment segment, Target? target) =>
        new(place, segment, target, batch.Add(InputsSql, reader => new SegmentInput(
                reader.OrNull<string>(0), reader.OrNull<string>(1), reader.OrNull<string>(2), reader.GetInt32(3)),
            new NpgsqlParameter("project", place.Project.Id),
            new NpgsqlParameter("language", NpgsqlDbType.Varchar) { Value = place.Language },
            new NpgsqlParameter("source", NpgsqlDbType.Text) { Value = segment.Source },
            new NpgsqlParameter("segment", segment.Id),
            new NpgsqlParameter("target", NpgsqlDbType.Uuid) { Value = (object?)target?.Id ?? DBNull.Value },
            new NpgsqlParameter("finished", Finished),
            new NpgsqlParameter("mutes", MuteKinds)));

    /// <summary>The checks on one translation of the segment whose inputs were read.</summary>
    public async Task<CheckReport> RunAsync(CheckInputs inputs, SegmentContent translation, CancellationToken cancellationToken)
    {
        var checker = await ForAsync(inputs.Place.Project.Id, inputs.Place.Project.SourceLanguage, inputs.Place.Language, cancellationToken);
        var rows = inputs.Rows.Value;
        var others = rows.Where(r => r.Kind is null).Select(r => r.Text!);
        var mutes = inputs.Target is null ? null : Target.MutedChecks(rows.Where(r => r.Kind is not null).OrderBy(r => r.Sequence)
            .Select(r => (Enum.Parse<TargetEventKind>(r.Kind!), r.Comment)));
        return checker.Run(inputs.Segment.Content, translation, [.. others.Select(Plain)], mutes);
    }

    private const string InputsSql = """
        (SELECT t.text, NULL::text, NULL::text, 0 FROM translate.segments s
         JOIN translate.documents d ON d.id = s.document_id JOIN translate.targets t ON t.segment_id = s.id
         WHERE d.project_id = @project AND t.language = @language AND md5(s.source) = md5(@source) AND s.source = @source
           AND s.id <> @segment AND t.text IS NOT NULL AND t.state = ANY(@finished)
         LIMIT 20)
        UNION ALL
        SELECT NULL, e.kind, e.comment, e.sequence FROM translate.target_events e
        WHERE e.target_id = @target AND e.kind = ANY(@mutes)
        """;

    /// <summary>The checks on every current translation of a document × language; only segments with findings are returned.</summary>
    public async Task<List<SegmentReport>> RunDocumentAsync(DocumentLanguage target, CancellationToken cancellationToken)
    {
        var checker = await ForAsync(target.Project.Id, target.Project.SourceLanguage, target.Language, cancellationToken);
        var language = target.Language;
        var rows = await db.Segments.AsNoTracking()
            .Where(s => s.DocumentId == target.Document.Id && s.RetiredInVersion == null)
            .Join(db.Targets.AsNoTracking().Where(t => t.Language == language && t.Text != null), s => s.Id, t => t.SegmentId,
                (s, t) => new { s.Id, s.Key, s.Ordinal, s.Source, s.SourceCodes, TargetId = t.Id, t.Text, t.State })
            .OrderBy(x => x.Ordinal).ToListAsync(cancellationToken);
        // Other translations of the same sources anywhere in the project: each distinct source and translation once, with how
        // many segments have it (a paper that repeats a sentence 200 times counts it, not sends it 200 times). This document's
        // current ones are in the rows already; the query reads the rest (other documents, and this one's retired segments).
        var translations = await db.Database.SqlQuery<SourceTranslation>($"""
            SELECT s.source AS source, t.text AS text, count(*)::int AS segments FROM translate.segments s
            JOIN translate.documents d ON d.id = s.document_id JOIN translate.targets t ON t.segment_id = s.id
            WHERE d.project_id = {target.Project.Id} AND t.language = {language} AND t.text IS NOT NULL AND t.state = ANY({Finished})
              AND (s.document_id <> {target.Document.Id} OR s.retired_in_version IS NOT NULL)
              AND md5(s.source) IN (SELECT md5(source) FROM translate.segments WHERE document_id = {target.Document.Id} AND retired_in_version IS NULL)
            GROUP BY s.source, t.text
            """).ToListAsync(cancellationToken);
        translations.AddRange(rows.Where(r => r.State is TargetState.Translated or TargetState.Approved).CountBy(r => (r.Source, r.Text!))
            .Select(c => new SourceTranslation(c.Key.Source, c.Key.Item2, c.Value)));
        // Per source, its distinct translations and how many segments have each: each translation is compared with the few
        // distinct ones, not with 199 others.
        var bySource = translations.GroupBy(t => t.Source, StringComparer.Ordinal).Where(g => g.Sum(t => t.Segments) > 1)
            .ToDictionary(g => g.Key, g => g.GroupBy(t => Plain(t.Text), StringComparer.Ordinal).ToDictionary(t => t.Key, t => t.Sum(x => x.Segments), StringComparer.Ordinal),
                StringComparer.Ordinal);
        var targetIds = rows.Select(r => r.TargetId).ToList();
        var muteEvents = await db.TargetEvents.AsNoTracking()
            .Where(e => targetIds.Contains(e.TargetId) && (e.Kind == TargetEventKind.CheckMuted || e.Kind == TargetEventKind.CheckUnmuted))
            .OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var mutes = muteEvents.GroupBy(e => e.TargetId).ToDictionary(g => g.Key, g => Target.MutedChecks(g));

        var reports = new List<SegmentReport>();
        foreach (var row in rows)
        {
            var source = new SegmentContent(row.Source, row.SourceCodes);
            List<string>? others = null;
            if (bySource.TryGetValue(row.Source, out var same))
            {
                // A finished translation is among the counted ones: the others are the rest (its own text only if another segment has it too).
                var mine = row.State is TargetState.Translated or TargetState.Approved ? Plain(row.Text!) : null;
                others = [.. same.Where(o => o.Key != mine || o.Value > 1).Select(o => o.Key)];
            }
            var report = checker.Run(source, new SegmentContent(row.Text!, source.Codes), others, mutes.GetValueOrDefault(row.TargetId));
            if (report.Findings.Count > 0)
            {
                reports.Add(new SegmentReport(row.Id, row.Key, row.Ordinal, row.State, report));
            }
        }
        return reports;
    }

    // Other segments' texts are coded over their own codes: only their words count here.
    private static string Plain(string coded) =>
        coded.AsSpan().ContainsAnyInRange(SegmentContent.FirstMarker, '\uF8FF') ? string.Concat(coded.Where(c => !SegmentContent.IsMarker(c))) : coded;

    internal sealed record SegmentInput(string? Text, string? Kind, string? Comment, int Sequence);

    private sealed record SourceTranslation(string Source, string Text, int Segments);
}
