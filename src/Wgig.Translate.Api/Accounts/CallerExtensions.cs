using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Accounts;

public static class CallerExtensions
{
    /// <summary>The signed-in caller's account id; endpoints reach here only after authorization.</summary>
    public static Guid AccountId(this ClaimsPrincipal caller) => Guid.Parse(caller.FindFirstValue(ClaimTypes.NameIdentifier)!);

    /// <summary>The caller's display name, for what the product tells others they did.</summary>
    public static async Task<string> DisplayNameAsync(this ClaimsPrincipal caller, TranslationDb db, CancellationToken cancellationToken)
    {
        var id = caller.AccountId();
        return await db.Users.AsNoTracking().Where(a => a.Id == id).Select(a => a.DisplayName).SingleAsync(cancellationToken);
    }
}
