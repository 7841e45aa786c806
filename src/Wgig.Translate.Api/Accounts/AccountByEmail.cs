using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Accounts;

/// <summary>
/// Wherever the JSON API takes an account, it takes its id or its e-mail address: <see cref="FindAsync"/> is the one place that
/// resolves either. Path values ({accountId}) are resolved before the endpoint runs, so every endpoint and its authorization see
/// the id; a body field or query parameter naming a person calls <see cref="ResolveAsync"/>. Neither an account id nor a known
/// address is a 4xx problem saying what is allowed.
/// </summary>
public static class AccountByEmail
{
    public const string RouteKey = "accountId";

    public static WebApplication UseAccountEmails(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            if (http.Request.RouteValues[RouteKey] is string given && !Guid.TryParse(given, out _) && http.Request.Path.StartsWithSegments("/api"))
            {
                var db = http.RequestServices.GetRequiredService<TranslationDb>();
                if (await FindAsync(db, given, http.RequestAborted) is not { } id)
                {
                    await TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Account not found", detail: NotFoundDetail(given))
                        .ExecuteAsync(http);
                    return;
                }
                http.Request.RouteValues[RouteKey] = id.ToString();
            }
            await next(http);
        });
        return app;
    }

    /// <summary>The account given by its id or its e-mail address (any case), if there is one.</summary>
    public static async Task<Guid?> FindAsync(TranslationDb db, string? given, CancellationToken cancellationToken)
    {
        var trimmed = given?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }
        if (Guid.TryParse(trimmed, out var id))
        {
            return await db.Users.AnyAsync(a => a.Id == id, cancellationToken) ? id : null;
        }
        var normalized = trimmed.ToUpperInvariant();
        return await db.Users.AsNoTracking().Where(a => a.NormalizedEmail == normalized).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>A person named in a field of the request: their account, or a 400 problem on that field.</summary>
    public static async Task<Result<Guid>> ResolveAsync(TranslationDb db, string field, string? given, CancellationToken cancellationToken) =>
        await FindAsync(db, given, cancellationToken) is { } id
            ? id
            : InvalidInputError.ForField(field, string.IsNullOrWhiteSpace(given)
                ? "Name the person by their account id or their e-mail address."
                : NotFoundDetail(given));

    private static string NotFoundDetail(string given) =>
        $"No account has the id or e-mail address '{given.Trim()}'; give an account id or the address the person signed up with.";
}
