using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Accounts;

/// <summary>
/// Wherever the JSON API takes an account id in its path ({accountId}), it takes the account's e-mail address too:
/// the one binding place, before the endpoint runs, so every endpoint and its authorization see the id. An address
/// nobody has is a 404 problem saying so.
/// </summary>
public static class AccountByEmail
{
    public const string RouteKey = "accountId";

    public static WebApplication UseAccountEmails(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            if (http.Request.RouteValues[RouteKey] is string given && given.Contains('@', StringComparison.Ordinal)
                && http.Request.Path.StartsWithSegments("/api"))
            {
                var db = http.RequestServices.GetRequiredService<TranslationDb>();
                var normalized = given.Trim().ToUpperInvariant();
                var id = await db.Users.AsNoTracking().Where(a => a.NormalizedEmail == normalized).Select(a => (Guid?)a.Id)
                    .SingleOrDefaultAsync(http.RequestAborted);
                if (id is null)
                {
                    await TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Account not found",
                        detail: $"No account has the e-mail address '{given.Trim()}'; give an account id or the address the person signed up with.")
                        .ExecuteAsync(http);
                    return;
                }
                http.Request.RouteValues[RouteKey] = id.Value.ToString();
            }
            await next(http);
        });
        return app;
    }
}
