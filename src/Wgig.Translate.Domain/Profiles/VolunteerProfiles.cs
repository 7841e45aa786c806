using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Domain.Profiles;

/// <summary>The profiles of some accounts, read once; whoever never filled one in has the empty profile (any time, UTC).</summary>
public sealed class VolunteerProfiles
{
    private readonly Dictionary<Guid, VolunteerProfile> _stored;
    private readonly DateTimeOffset _now;

    private VolunteerProfiles(Dictionary<Guid, VolunteerProfile> stored, DateTimeOffset now) => (_stored, _now) = (stored, now);

    public static async Task<VolunteerProfiles> ReadAsync(TranslationDb db, IEnumerable<Guid> accountIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = accountIds.Distinct().ToList();
        return new(await db.VolunteerProfiles.AsNoTracking().Where(p => ids.Contains(p.AccountId)).ToDictionaryAsync(p => p.AccountId, cancellationToken), now);
    }

    private static readonly Func<TranslationDb, Guid, CancellationToken, Task<VolunteerProfile?>> StoredOf = EF.CompileAsyncQuery(
        (TranslationDb db, Guid accountId, CancellationToken _) => db.VolunteerProfiles.AsNoTracking().SingleOrDefault(p => p.AccountId == accountId));

    /// <summary>
    /// One account's stored profile as it is (none when nobody filled one in), read-only: claim-next and review-next
    /// read it on every call, so the query is compiled once.
    /// </summary>
    public static Task<VolunteerProfile?> StoredAsync(TranslationDb db, Guid accountId, CancellationToken cancellationToken) =>
        StoredOf(db, accountId, cancellationToken);

    /// <summary>Profiles already read, for decisions that take them as they are.</summary>
    public static VolunteerProfiles From(IEnumerable<VolunteerProfile> stored, DateTimeOffset now) => new(stored.ToDictionary(p => p.AccountId), now);

    public VolunteerProfile this[Guid accountId] => _stored.GetValueOrDefault(accountId) ?? VolunteerProfile.Empty(accountId, _now);

    /// <summary>
    /// An account's profile to change, tracked: the stored one, or the empty profile of an account nobody
    /// filled one in for (stored when saved).
    /// </summary>
    public static async Task<Common.Result<VolunteerProfile>> ForChangeAsync(TranslationDb db, Guid accountId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var profile = await db.VolunteerProfiles.SingleOrDefaultAsync(p => p.AccountId == accountId, cancellationToken);
        if (profile is not null)
        {
            return profile;
        }
        if (!await db.Users.AnyAsync(a => a.Id == accountId, cancellationToken))
        {
            return new Projects.AccountNotFound(accountId);
        }
        profile = VolunteerProfile.Empty(accountId, now);
        db.VolunteerProfiles.Add(profile);
        return profile;
    }
}
