using System.Globalization;
using Wgig.Translate.Domain.Common;

namespace Wgig.Translate.Domain.Checks;

/// <summary>
/// A problem one check found, at the level the project gives that check; a muted finding blocks nothing. The
/// <paramref name="Code"/> and its <paramref name="Arguments"/> say what was found in any language (<see cref="CheckText"/>);
/// <see cref="Message"/> says it in English.
/// </summary>
public sealed record CheckFinding(string Check, CheckLevel Level, string Code, IReadOnlyList<string> Arguments, bool Muted = false, string? MuteReason = null)
{
    public string Message => CheckText.English(Code, Arguments);

    public string MessageIn(CultureInfo culture) => CheckText.Format(Code, Arguments, culture);
}

/// <summary>The findings of every check on one translation.</summary>
public sealed record CheckReport(IReadOnlyList<CheckFinding> Findings)
{
    public static CheckReport Clean { get; } = new([]);

    public IEnumerable<CheckFinding> Errors => Findings.Where(f => f.Level == CheckLevel.Error && !f.Muted);

    public IEnumerable<CheckFinding> Warnings => Findings.Where(f => f.Level == CheckLevel.Warning && !f.Muted);

    /// <summary>
    /// Whether the translation may be handed in: no error, and every warning acknowledged by its check's id.
    /// The refusal carries the findings, so the editor can show them next to the text.
    /// </summary>
    public DomainError? RefusalOfSubmission(IReadOnlyCollection<string>? acknowledged)
    {
        if (Errors.Any())
        {
            return new ChecksFailed(this);
        }
        var open = Warnings.Where(w => acknowledged?.Contains(w.Check, StringComparer.Ordinal) != true).ToList();
        return open.Count > 0 ? new WarningsNotAcknowledged(this, [.. open.Select(w => w.Check).Distinct()]) : null;
    }

    /// <summary>The warnings handed in anyway, as the history records them.</summary>
    public string? AcknowledgementNote() =>
        Warnings.Any() ? "Acknowledged warnings: " + string.Join("; ", Warnings.Select(w => $"{w.Check}: {w.Message}")) : null;
}

public sealed record ChecksFailed(CheckReport Report) : UnprocessableError("Checks failed",
    "The translation fails these checks: " + string.Join(" ", Report.Errors.Select(e => $"[{e.Check}] {e.Message}")) +
    " Correct it; your text was not submitted (save it as a draft to keep it)."), IProblemExtensions
{
    public IReadOnlyDictionary<string, object?> Extensions => new Dictionary<string, object?> { ["findings"] = Report.Findings };
}

public sealed record WarningsNotAcknowledged(CheckReport Report, IReadOnlyList<string> Checks) : UnprocessableError("Warnings to acknowledge",
    "The translation has warnings: " + string.Join(" ", Report.Warnings.Select(w => $"[{w.Check}] {w.Message}")) +
    $" Correct them, or submit again acknowledging them (acknowledge: {string.Join(", ", Checks)})."), IProblemExtensions
{
    public IReadOnlyDictionary<string, object?> Extensions => new Dictionary<string, object?> { ["findings"] = Report.Findings, ["acknowledge"] = Checks };
}

/// <summary>
/// Runs every check on a translation at the levels a project set (others at their defaults), marking the
/// findings of checks muted for the segment. One instance serves the process: checks hold no state.
/// </summary>
public sealed class QualityChecks(IEnumerable<ICheck> checks)
{
    private readonly IReadOnlyList<ICheck> _checks = [.. checks.OrderBy(c => c.Id, StringComparer.Ordinal)];

    public IReadOnlyList<ICheck> All => _checks;

    public ICheck? Find(string id) => _checks.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.Ordinal));

    public CheckReport Run(CheckInput input, IReadOnlyDictionary<string, CheckLevel>? levels = null, IReadOnlyDictionary<string, string>? mutes = null)
    {
        // An empty translation is the workflow's to refuse (or, for a draft, to clear); there is nothing to check.
        if (string.IsNullOrWhiteSpace(input.TargetPlain))
        {
            return CheckReport.Clean;
        }
        List<CheckFinding>? findings = null;
        foreach (var check in _checks)
        {
            var level = levels is not null && levels.TryGetValue(check.Id, out var set) ? set : check.DefaultLevel;
            if (level == CheckLevel.Off)
            {
                continue;
            }
            string? reason = null;
            var muted = mutes?.TryGetValue(check.Id, out reason) == true;
            foreach (var message in check.Run(input))
            {
                (findings ??= []).Add(new CheckFinding(check.Id, level, message.Code, message.Arguments, muted, reason));
            }
        }
        return findings is null ? CheckReport.Clean : new CheckReport(findings);
    }
}
