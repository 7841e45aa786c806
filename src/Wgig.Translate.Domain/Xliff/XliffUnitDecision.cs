using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Domain.Xliff;

/// <summary>
/// What an XLIFF upload does with one unit, decided from the unit, our segment and its target as they
/// stand: submit the translation (<see cref="UnitOutcome.Applied"/>, which the submission itself may still
/// refuse), leave it (<see cref="UnitOutcome.Unchanged"/>: nothing new in it), or refuse it
/// (<see cref="UnitOutcome.Rejected"/>), always saying why in words the uploader can act on.
/// </summary>
public static class XliffUnitDecision
{
    /// <param name="Repeated">The unit id occurred earlier in the same file.</param>
    /// <param name="Source">Our segment's source, or null when no segment has the unit's id.</param>
    /// <param name="RetiredInVersion">The version that dropped the segment, if it did.</param>
    /// <param name="Current">The segment's target in the upload's language.</param>
    /// <param name="OnceClaimedByUploader">The uploader held a claim on the target before (so a lost claim is theirs to hear about).</param>
    public sealed record Unit(XliffTarget File, bool Repeated, SegmentContent? Source, int? RetiredInVersion, Target? Current, bool OnceClaimedByUploader);

    public sealed record Decision(UnitOutcome Outcome, string? Reason);

    public static Decision Decide(Unit unit, Guid uploader, DateTimeOffset now)
    {
        if (unit.Repeated)
        {
            return Rejected("the unit occurs more than once in the file; only its first occurrence counts");
        }
        if (unit.RetiredInVersion is { } retired)
        {
            return Rejected($"the segment was removed from the source in version {retired}; it is read-only");
        }
        if (unit.File.Problem is { } problem)
        {
            return Rejected(problem);
        }
        if (unit.File.Target is not { } translation || string.IsNullOrWhiteSpace(translation.PlainText))
        {
            return new(UnitOutcome.Unchanged, "no translation in the file");
        }
        if (translation.CodedText == unit.Source!.CodedText)
        {
            // Also how tools that translate in <target> (OmegaT) return a unit nobody translated.
            return new(UnitOutcome.Unchanged, "the target is a copy of the source, not a translation");
        }
        var current = unit.Current;
        if (current?.Text == translation.CodedText && current.State is not (TargetState.Claimed or TargetState.Rejected or TargetState.NeedsUpdate))
        {
            return new(UnitOutcome.Unchanged, "the same as the current translation");
        }
        var refusal = current is null ? "you have not claimed this segment" : NotTheUploaders(current, uploader, now, unit.OnceClaimedByUploader);
        return refusal is null ? new(UnitOutcome.Applied, null) : Rejected(refusal);
    }

    private static Decision Rejected(string reason) => new(UnitOutcome.Rejected, reason);

    private static string? NotTheUploaders(Target target, Guid uploader, DateTimeOffset now, bool wasTheirs) => target.State switch
    {
        TargetState.Claimed when target.ClaimedBy == uploader && target.ClaimExpiresAt > now => null,
        TargetState.Claimed when target.ClaimedBy == uploader =>
            $"your claim expired at {target.ClaimExpiresAt:u}; claim the segment again and upload again",
        TargetState.Claimed when target.ClaimExpiresAt > now => wasTheirs
            ? "your claim expired and the segment was reassigned to another volunteer"
            : "another volunteer has claimed this segment",
        TargetState.Approved => "the translation is already approved",
        TargetState.Translated => "a translation is already waiting for review",
        _ when wasTheirs => "your claim on this segment ended (expired or released); claim it again",
        _ => "you have not claimed this segment",
    };
}
