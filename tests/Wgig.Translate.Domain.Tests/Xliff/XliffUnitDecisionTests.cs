using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Targets;
using Wgig.Translate.Domain.Xliff;
using static Wgig.Translate.Domain.Tests.Targets.TargetFixtures;

namespace Wgig.Translate.Domain.Tests.Xliff;

public sealed class XliffUnitDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Uploader = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Other = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly SegmentContent Source = SegmentContent.FromText("The group met.");
    private static readonly SegmentContent French = SegmentContent.FromText("Le groupe s’est réuni.");

    // Each situation: the unit in the file, our segment, its target, and what the upload must do with it.
    public static TheoryData<string, UnitOutcome, string?> Situations => new()
    {
        { "claimed by the uploader, translated", UnitOutcome.Applied, null },
        { "the same unit again", UnitOutcome.Rejected, "the unit occurs more than once in the file; only its first occurrence counts" },
        { "retired segment", UnitOutcome.Rejected, "the segment was removed from the source in version 2; it is read-only" },
        { "broken codes", UnitOutcome.Rejected, "code 99 is not a code of the source" },
        { "no target in the file", UnitOutcome.Unchanged, "no translation in the file" },
        { "blank target", UnitOutcome.Unchanged, "no translation in the file" },
        { "copy of the source", UnitOutcome.Unchanged, "the target is a copy of the source, not a translation" },
        { "same as the approved translation", UnitOutcome.Unchanged, "the same as the current translation" },
        { "no target row", UnitOutcome.Rejected, "you have not claimed this segment" },
        { "untranslated, never claimed", UnitOutcome.Rejected, "you have not claimed this segment" },
        { "the uploader's claim ran out", UnitOutcome.Rejected, "your claim expired at 2026-11-28 10:00:00Z; claim the segment again and upload again" },
        { "claimed by another", UnitOutcome.Rejected, "another volunteer has claimed this segment" },
        { "reassigned after the uploader's claim", UnitOutcome.Rejected, "your claim expired and the segment was reassigned to another volunteer" },
        { "reclaimed after the uploader's claim", UnitOutcome.Rejected, "your claim on this segment ended (expired or released); claim it again" },
        { "waiting for review", UnitOutcome.Rejected, "a translation is already waiting for review" },
        { "approved, a new text", UnitOutcome.Rejected, "the translation is already approved" },
        { "the uploader's draft, the same text", UnitOutcome.Applied, null },
        { "rejected, the same text", UnitOutcome.Rejected, "you have not claimed this segment" },
        { "the uploader's claim ends this instant", UnitOutcome.Rejected, "your claim expired at 2026-11-28 10:00:00Z; claim the segment again and upload again" },
        { "another's claim ran out", UnitOutcome.Rejected, "you have not claimed this segment" },
        { "another's claim ends this instant", UnitOutcome.Rejected, "you have not claimed this segment" },
        { "another's claim ran out after the uploader's", UnitOutcome.Rejected, "your claim on this segment ended (expired or released); claim it again" },
    };

    [Theory]
    [MemberData(nameof(Situations))]
    public void Each_unit_is_applied_left_or_refused_with_the_reason(string situation, UnitOutcome outcome, string? reason)
    {
        var unit = situation switch
        {
            "the same unit again" => Change(Unit(Claimed(Uploader)), u => u with { Repeated = true }),
            "retired segment" => Change(Unit(Claimed(Uploader)), u => u with { RetiredInVersion = 2 }),
            "broken codes" => Change(Unit(Claimed(Uploader)), u => u with { File = new XliffTarget("u1", null, "translated", "code 99 is not a code of the source") }),
            "no target in the file" => Change(Unit(Claimed(Uploader)), u => u with { File = new XliffTarget("u1", null, "initial", null) }),
            "blank target" => Unit(Claimed(Uploader), SegmentContent.FromText("  ")),
            "copy of the source" => Unit(Claimed(Uploader), Source),
            "same as the approved translation" => Unit(Approved()),
            "no target row" => Unit(null),
            "untranslated, never claimed" => Unit(Untranslated(Now)),
            "the uploader's claim ran out" => Unit(Claimed(Uploader, until: Now.AddHours(1)), at: Now.AddHours(2)),
            "claimed by another" => Unit(Claimed(Other)),
            "reassigned after the uploader's claim" => Change(Unit(Claimed(Other)), u => u with { OnceClaimedByUploader = true }),
            "reclaimed after the uploader's claim" => Change(Unit(Untranslated(Now)), u => u with { OnceClaimedByUploader = true }),
            "waiting for review" => Unit(Submitted(), SegmentContent.FromText("Le Groupe s’est réuni.")),
            "approved, a new text" => Unit(Approved(), SegmentContent.FromText("Le Groupe s’est réuni.")),
            "the uploader's draft, the same text" => Unit(Drafted(Uploader)),
            "rejected, the same text" => Unit(Rejected()),
            "the uploader's claim ends this instant" => Unit(Claimed(Uploader, until: Now.AddHours(1)), at: Now.AddHours(1)),
            "another's claim ran out" => Unit(Claimed(Other, until: Now.AddHours(1)), at: Now.AddHours(2)),
            "another's claim ends this instant" => Unit(Claimed(Other, until: Now.AddHours(1)), at: Now.AddHours(1)),
            "another's claim ran out after the uploader's" => Change(Unit(Claimed(Other, until: Now.AddHours(1)), at: Now.AddHours(2)), u => u with { OnceClaimedByUploader = true }),
            _ => Unit(Claimed(Uploader)),
        };

        var decision = XliffUnitDecision.Decide(unit.Unit, Uploader, unit.At);

        Assert.Equal((outcome, reason), (decision.Outcome, decision.Reason));
    }

    private static (XliffUnitDecision.Unit Unit, DateTimeOffset At) Unit(Target? current, SegmentContent? inFile = null, DateTimeOffset? at = null) =>
        (new XliffUnitDecision.Unit(new XliffTarget("u1", inFile ?? French, "translated", null), false, Source, null, current, false), at ?? Now.AddMinutes(5));

    private static (XliffUnitDecision.Unit Unit, DateTimeOffset At) Change((XliffUnitDecision.Unit Unit, DateTimeOffset At) unit,
        Func<XliffUnitDecision.Unit, XliffUnitDecision.Unit> change) => (change(unit.Unit), unit.At);

    private static Target Claimed(Guid volunteer, DateTimeOffset? until = null)
    {
        var target = Untranslated(Now);
        Assert.Null(target.Claim(Lease(volunteer, until ?? Now.AddHours(48), Now), Now));
        return target;
    }

    // A draft the uploader saved with the file's text: the upload still submits it.
    private static Target Drafted(Guid volunteer)
    {
        var target = Claimed(volunteer);
        Assert.Null(target.SaveDraft(volunteer, French, Now, Rules));
        return target;
    }

    // Sent back by the reviewer with the file's text: it is open again, not the uploader's.
    private static Target Rejected()
    {
        var target = Submitted();
        Assert.Null(target.Reject(Uploader, "Use the glossary's term.", Now));
        return target;
    }

    private static Target Submitted()
    {
        var target = Claimed(Other);
        Assert.Null(target.Submit(Other, French, Source, Now, Rules));
        return target;
    }

    private static Target Approved()
    {
        var target = Submitted();
        Assert.Null(target.Approve(Uploader, Now));
        return target;
    }
}
