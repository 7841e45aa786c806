using System.Security.Claims;

namespace Wgig.Translate.Api.Accounts;

public static class CallerExtensions
{
    /// <summary>The signed-in caller's account id; endpoints reach here only after authorization.</summary>
    public static Guid AccountId(this ClaimsPrincipal caller) => Guid.Parse(caller.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
