using Wgig.Translate.Domain.Common;

namespace Wgig.Translate.Domain.Projects;

/// <summary>
/// A project's escalation ladder: the steps the Worker takes as a claim or a deadline nears and passes.
/// Each step happens once and is recorded (a notification's once-key, an event in the history).
/// </summary>
/// <param name="RemindBeforeClaimEnds">How long before a claim ends its volunteer is reminded, placed in their
/// availability window; null: no reminder.</param>
/// <param name="RemindBeforeDeadline">How long before a deadline the volunteers holding work on it are told; null: not told.</param>
/// <param name="OverdueNotice">Tell the volunteer when their claim ran out with work unfinished.</param>
/// <param name="ReassignLapsedWork">Hand the unfinished segments of a lapsed claim to a backup volunteer chosen by
/// the balancing policy (never the one who let it lapse); otherwise they go back to the pool.</param>
/// <param name="AlertCoordinators">Tell the coordinators when a claim lapses, and where its work went.</param>
public sealed record EscalationLadder(
    TimeSpan? RemindBeforeClaimEnds,
    TimeSpan? RemindBeforeDeadline,
    bool OverdueNotice,
    bool ReassignLapsedWork,
    bool AlertCoordinators)
{
    public static readonly TimeSpan MaxLead = TimeSpan.FromDays(14);

    public static EscalationLadder Default { get; } = new(TimeSpan.FromHours(24), TimeSpan.FromHours(48), true, true, true);

    public static Result<EscalationLadder> Create(TimeSpan? remindBeforeClaimEnds, TimeSpan? remindBeforeDeadline, bool overdueNotice,
        bool reassignLapsedWork, bool alertCoordinators)
    {
        var errors = new ValidationErrors();
        Check(errors, "remindBeforeClaimEnds", remindBeforeClaimEnds);
        Check(errors, "remindBeforeDeadline", remindBeforeDeadline);
        if (errors.Any)
        {
            return errors.ToError("Invalid escalation ladder");
        }
        return new EscalationLadder(remindBeforeClaimEnds, remindBeforeDeadline, overdueNotice, reassignLapsedWork, alertCoordinators);
    }

    private static void Check(ValidationErrors errors, string field, TimeSpan? lead)
    {
        if (lead is { } value && (value < TimeSpan.FromMinutes(1) || value > MaxLead))
        {
            errors.Add(field, $"A lead time is between one minute and {MaxLead.TotalDays:0} days (or null for no such step); got {value}.");
        }
    }
}
