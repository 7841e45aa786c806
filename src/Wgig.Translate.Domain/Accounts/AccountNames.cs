using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Domain.Accounts;

/// <summary>People are shown by name, never by id: the display names of some accounts, read once.</summary>
public static class AccountNames
{
    public static async Task<IReadOnlyDictionary<Guid, string>> ReadAsync(TranslationDb db, IEnumerable<Guid?> accountIds, CancellationToken cancellationToken)
    {
        var ids = accountIds.OfType<Guid>().Distinct().ToArray();
        var names = new Dictionary<Guid, string>(ids.Length);
        if (ids.Length > 0)
        {
            await foreach (var named in NamesOf(db, ids).WithCancellation(cancellationToken))
            {
                names[named.Id] = named.DisplayName;
            }
        }
        return names;
    }

    private sealed record Named(Guid Id, string DisplayName);

    // Every answer about a translation names its people: compiled once, and only the two columns read.
    private static readonly Func<TranslationDb, Guid[], IAsyncEnumerable<Named>> NamesOf = EF.CompileAsyncQuery((TranslationDb db, Guid[] ids) =>
        db.Users.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new Named(a.Id, a.DisplayName)));

    public static Task<IReadOnlyDictionary<Guid, string>> ReadAsync(TranslationDb db, IEnumerable<Guid> accountIds, CancellationToken cancellationToken) =>
        ReadAsync(db, accountIds.Select(id => (Guid?)id), cancellationToken);
}
