using Wgig.Translate.Domain.Notifications;
using Wgig.Translate.Domain.Profiles;

namespace Wgig.Translate.Domain.Deadlines;

/// <summary>
/// The escalation ladder's steps for deadlines, as decisions: what coordinators hear when a forecast changes,
/// and what the volunteers holding work on a document hear as its deadline nears and passes. The Worker's job
/// only reads and writes; the rules and every word are here, each notice with the once-key that keeps a rerun
/// from saying it twice.
/// </summary>
public static class DeadlineNotices
{
    /// <summary>To the project's coordinators, when <see cref="Deadline.Forecast"/> changed the status (once per change).</summary>
    public static CoordinatorNotice ForecastChanged(Deadline deadline, Guid projectId, string path, int remainingWords, DateTimeOffset now)
    {
        var due = $"{deadline.DueAt:yyyy-MM-dd HH:mm} UTC";
        var text = deadline.Status switch
        {
            ForecastStatus.AtRisk => $"{path} ({deadline.Language}) is at risk of missing its deadline {due}: " +
                (deadline.ProjectedFinish is { } finish ? $"at the recent pace it finishes {finish:yyyy-MM-dd}" : "nothing was handed in lately") +
                $", {remainingWords:N0} words left.",
            ForecastStatus.OnTrack => $"{path} ({deadline.Language}) is on track for its deadline {due}.",
            ForecastStatus.Done => $"{path} ({deadline.Language}) is translated, before its deadline {due}.",
            _ => $"{path} ({deadline.Language}): too little recent work to forecast its deadline {due}.",
        };
        return new CoordinatorNotice(projectId, text, deadline.DocumentId, $"deadline:{deadline.Id}:{deadline.Status}:{now:O}");
    }

    /// <summary>
    /// A deadline not yet done, and one volunteer's live claims on its document × language (none: nobody holds work on it).
    /// </summary>
    public sealed record Holding(Guid DeadlineId, Guid ProjectId, Guid DocumentId, DateTimeOffset DueAt, string Language, string Path, Guid VolunteerId, int Segments,
        TimeSpan? Lead, bool OverdueNotice, bool AlertCoordinators);

    /// <summary>
    /// The steps due for one holding: once the deadline passed unfinished, the coordinators' alert (if the ladder has it)
    /// and the volunteer's overdue notice; before, the reminder that it is near, placed in the volunteer's availability
    /// window once the ladder's lead has come, with the time in their own time zone.
    /// </summary>
    public static (OnceNotice? Near, OnceNotice? Missed, CoordinatorNotice? Alert) For(Holding holding, VolunteerProfile profile, DateTimeOffset now)
    {
        var key = $"{holding.DeadlineId}:{holding.DueAt.UtcDateTime:yyyy-MM-ddTHH:mm}";
        var passed = holding.DueAt <= now;
        var alert = passed && holding.AlertCoordinators
            ? new CoordinatorNotice(holding.ProjectId, $"{holding.Path} ({holding.Language}) missed its deadline {holding.DueAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC with work unfinished.",
                holding.DocumentId, $"deadline-missed:{key}")
            : null;
        if (holding.Segments == 0)
        {
            return (null, null, alert);
        }
        var holds = $"; you hold {holding.Segments} segment(s) of it.";
        if (passed)
        {
            return (null, holding.OverdueNotice
                ? new OnceNotice(holding.VolunteerId, $"{holding.Path} ({holding.Language}) was due {profile.LocalTime(holding.DueAt)}{holds}",
                    holding.DeadlineId, $"deadline-missed:{key}")
                : null, alert);
        }
        var near = holding.Lead is { } lead && profile.ReminderTime(holding.DueAt - lead, holding.DueAt) <= now
            ? new OnceNotice(holding.VolunteerId, $"{holding.Path} ({holding.Language}) is due {profile.LocalTime(holding.DueAt)}{holds}",
                holding.DeadlineId, $"deadline-near:{key}")
            : null;
        return (near, null, alert);
    }
}
