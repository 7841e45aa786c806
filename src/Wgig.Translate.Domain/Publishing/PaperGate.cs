using Wgig.Translate.Domain.Deadlines;

namespace Wgig.Translate.Domain.Publishing;

/// <param name="AwaitingReview">Translations handed in and not yet reviewed.</param>
/// <param name="Deadline">The deadline's forecast, when it has one (at risk, on track …).</param>
public sealed record LanguageReadiness(string Language, int Segments, int Approved, int AwaitingReview, double ApprovedPercent, ForecastStatus? Deadline)
{
    public bool Ready => PublishGate.ApprovedInFull(Approved, Segments);
}

/// <summary>Where a paper stands before publication: each required language's state and the secretariat's sign-off.</summary>
/// <param name="SignedOffBy">Who signed it off (their account id); <paramref name="SignedOffByName"/> is how people see them.</param>
public sealed record PaperGate(Guid DocumentId, string Path, int Version, int? SignedOffVersion, Guid? SignedOffBy, string? SignedOffByName, DateTimeOffset? SignedOffAt,
    IReadOnlyList<LanguageReadiness> Languages)
{
    public bool SignedOff => SignedOffVersion == Version;

    public bool Ready => Languages.All(l => l.Ready);

    public bool MayPublish => Ready && SignedOff;

    public string WhyNot() => !Ready
        ? $"{Path}: not approved in full in {string.Join(", ", Languages.Where(l => !l.Ready).Select(l => $"{l.Language} ({l.ApprovedPercent:0.#} %)"))}"
        : $"{Path}: not signed off by the secretariat{(SignedOffVersion is { } v ? $" since version {Version} (signed off: {v})" : "")}";
}

/// <summary>The gate's pure decisions, apart from <c>PublishGate.cs</c>'s reading and writing of the store.</summary>
public static partial class PublishGate
{
    /// <summary>"Approved in full": a document × language is published, and counts for the gate, only when every current segment is approved.</summary>
    public static bool ApprovedInFull(int approvedSegments, int segments) => segments > 0 && approvedSegments == segments;
}
