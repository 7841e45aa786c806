using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Profiles;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Domain.Claims;

/// <summary>
/// The one capacity rule, whatever way work reaches a volunteer (claimed next, chosen, assigned by a coordinator,
/// reassigned by the Worker): the words they hold in live claims, plus the new work, stay within their limit.
/// </summary>
public static class OpenWords
{
    /// <summary>
    /// The most words a volunteer may hold in live claims at once: their weekly capacity when their profile gives one
    /// (a 48-hour lease can then never hold more than a week's work), and never more than the project's cap.
    /// </summary>
    public static int LimitFor(VolunteerProfile? profile, ClaimOptions options) =>
        profile is { CapacityWordsPerWeek: > 0 } ? Math.Min(profile.CapacityWordsPerWeek, options.MaxOpenWords) : options.MaxOpenWords;

    /// <summary>Words each volunteer holds in live claims now: segments claimed and not yet handed in.</summary>
    public static async Task<Dictionary<Guid, int>> HeldAsync(TranslationDb db, IReadOnlyCollection<Guid> volunteerIds, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        Guid[] ids = [.. volunteerIds];
        return await db.Claims.Where(c => ids.Contains(c.VolunteerId) && c.Kind == ClaimKind.Translation && c.ReleasedAt == null && c.ExpiresAt > now)
            .Join(db.Targets.Where(t => t.State == TargetState.Claimed), c => c.Id, t => t.ClaimId, (c, t) => new { Volunteer = c.VolunteerId, t.WordCount })
            .GroupBy(x => x.Volunteer).Select(g => new { g.Key, Words = g.Sum(x => x.WordCount) })
            .ToDictionaryAsync(x => x.Key, x => x.Words, cancellationToken);
    }

    public static async Task<int> HeldAsync(TranslationDb db, Guid volunteerId, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await HeldAsync(db, [volunteerId], now, cancellationToken)).GetValueOrDefault(volunteerId);
}
