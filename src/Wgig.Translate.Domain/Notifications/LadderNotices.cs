using Wgig.Translate.Domain.Balancing;
using Wgig.Translate.Domain.Claims;
using Wgig.Translate.Domain.Profiles;
using Wgig.Translate.Domain.Projects;

namespace Wgig.Translate.Domain.Notifications;

/// <summary>
/// The escalation ladder's steps for claims, as decisions: whether a step is due and what it says, from what
/// the Worker read. The jobs only load and save; every word volunteers and coordinators read is here, and
/// each notice carries the once-key that makes a rerun write nothing new.
/// </summary>
public static class LadderNotices
{
    /// <summary>A live claim with unfinished segments, as the reminder step sees it.</summary>
    public sealed record EndingClaim(Guid ClaimId, Guid VolunteerId, string Path, string Language, DateTimeOffset ExpiresAt, TimeSpan Lead, int Unfinished);

    /// <summary>
    /// The reminder that a claim ends soon: due once the lead before the end has come, placed in the volunteer's
    /// availability window, with the end in their own time zone; null while it is not due.
    /// </summary>
    public static OnceNotice? ClaimEndingSoon(EndingClaim claim, VolunteerProfile profile, DateTimeOffset now) =>
        profile.ReminderTime(claim.ExpiresAt - claim.Lead, claim.ExpiresAt) > now ? null
        : new OnceNotice(claim.VolunteerId,
            $"Your claim on {claim.Path} ({claim.Language}) ends {profile.LocalTime(claim.ExpiresAt)} with {claim.Unfinished} segment(s) still to translate. " +
            "Hand them in, renew the claim, or release it.",
            claim.ClaimId, $"claim-ending:{claim.ClaimId}:{claim.ExpiresAt.UtcDateTime:yyyy-MM-ddTHH:mm:ss}");

    /// <summary>
    /// After a claim lapsed: the overdue notice to its volunteer and the alert to the coordinators, each only if
    /// the project's ladder has the step; the alert says where the work went (<paramref name="outcome"/>: the
    /// reassignment, or null when the project does not reassign).
    /// </summary>
    public static (OnceNotice? Overdue, CoordinatorNotice? Alert) ClaimLapsed(LapsedBatch batch, string path, EscalationLadder ladder, Reassigned? outcome,
        Func<Guid, string> nameOf)
    {
        var what = $"{batch.SegmentIds.Count} segment(s) of {path} ({batch.Language})";
        var key = $"claim-lapsed:{batch.ClaimId}";
        var overdue = !ladder.OverdueNotice ? null : new OnceNotice(batch.VolunteerId,
            $"Your claim ran out with {what} unfinished; " + (outcome?.VolunteerId is not null ? "they went to another volunteer" : "they are back in the pool") +
            ". Anything you typed is kept in the segments' history as a suggestion.", batch.ClaimId, key);
        var where = outcome switch
        {
            { VolunteerId: { } backup } => $"reassigned to {nameOf(backup)}",
            { WhyNot: { } why } => $"back in the pool: {why}",
            _ => "back in the pool (this project does not reassign lapsed work)",
        };
        var alert = !ladder.AlertCoordinators ? null
            : new CoordinatorNotice(batch.ProjectId, $"{nameOf(batch.VolunteerId)} let a claim lapse with {what} unfinished; {where}.", batch.ClaimId, key);
        return (overdue, alert);
    }

    /// <summary>A claim that lapsed, for the pause rule, with the project it was in.</summary>
    public sealed record Lapse(Guid VolunteerId, DateTimeOffset LapsedAt, Guid ProjectId);

    /// <summary>
    /// A volunteer to pause, why, and what they and the coordinators are told: the coordinators of each project in which
    /// a counted claim lapsed (one message each, under one once-key, so a coordinator of two of them hears it once).
    /// </summary>
    public sealed record Pause(Guid VolunteerId, string Reason, OnceNotice ToVolunteer, IReadOnlyList<CoordinatorNotice> ToCoordinators);

    /// <summary>
    /// The pause rule: a volunteer who let <see cref="ClaimOptions.PauseAfterLapses"/> claims lapse within
    /// <see cref="ClaimOptions.LapseWindow"/>, counting only lapses since a coordinator last resumed them, is paused
    /// (unless already paused); they and the coordinators of the projects where those claims lapsed are told once.
    /// </summary>
    public static IReadOnlyList<Pause> RepeatLapsers(IEnumerable<Lapse> lapses, VolunteerProfiles profiles, Func<Guid, string> nameOf, ClaimOptions rules,
        DateTimeOffset now)
    {
        var since = now - rules.LapseWindow;
        var reason = $"{rules.PauseAfterLapses} or more claims lapsed within {rules.LapseWindow.TotalDays:0} days";
        return [.. lapses.GroupBy(l => l.VolunteerId)
            .Select(g => (Volunteer: g.Key, Profile: profiles[g.Key],
                Counted: g.Where(l => l.LapsedAt > since && l.LapsedAt > (profiles[g.Key].ResumedAt ?? DateTimeOffset.MinValue)).ToList()))
            .Where(v => !v.Profile.Paused && v.Counted.Count >= rules.PauseAfterLapses)
            .Select(v =>
            {
                var key = $"paused:{v.Volunteer}:{now.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffff}";
                return new Pause(v.Volunteer, reason,
                    new OnceNotice(v.Volunteer, $"You were paused: {reason}. Your coordinator can resume you; until then you take no new work.", v.Volunteer, key),
                    [.. v.Counted.Select(l => l.ProjectId).Distinct().Order()
                        .Select(project => new CoordinatorNotice(project, $"{nameOf(v.Volunteer)} was paused: {reason}.", v.Volunteer, key))]);
            })];
    }
}
