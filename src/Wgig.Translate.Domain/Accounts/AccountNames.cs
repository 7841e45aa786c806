using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Domain.Accounts;

/// <summary>People are shown by name, never by id: the display names of some accounts, read once.</summary>
public static class AccountNames
{
    public static async Task<IReadOnlyDictionary<Guid, string>> ReadAsync(TranslationDb db, IEnumerable<Guid?> accountIds, CancellationToken cancellationToken)
    {
        var ids = accountIds.OfType<Guid>().Distinct().ToList();
        return ids.Count == 0
            ? new Dictionary<Guid, string>()
            : await db.Users.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.DisplayName, cancellationToken);
    }

    public static Task<IReadOnlyDictionary<Guid, string>> ReadAsync(TranslationDb db, IEnumerable<Guid> accountIds, CancellationToken cancellationToken) =>
        ReadAsync(db, accountIds.Select(id => (Guid?)id), cancellationToken);
}
