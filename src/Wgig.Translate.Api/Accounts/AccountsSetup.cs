using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Wgig.Translate.Api.Security;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Accounts;

public static class Policies
{
    public const string ManageProjects = nameof(ManageProjects);
    public const string Invite = nameof(Invite);
    public const string ViewJobs = nameof(ViewJobs);
    public const string Publish = nameof(Publish);
    public const string Admin = nameof(Admin);
}

public static class AccountsSetup
{
    public const string TokenScheme = "Token";
    private const string EitherScheme = "CookieOrToken";

    /// <summary>
    /// Accounts on ASP.NET Core Identity: cookies for the web UI, personal bearer tokens for scripts and
    /// CAT tools, and deny-by-default authorization (every endpoint needs a signed-in caller unless it
    /// says otherwise). Failures are 401/403 problem details, except that the web app's pages send a
    /// signed-out visitor to the sign-in page.
    /// </summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddIdentityCore<Account>(AccountRules.Apply)
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<TranslationDb>()
            .AddSignInManager();
        services.AddScoped<AccountSessions>();
        // Token checks and per-language right checks kept for a few seconds, forgotten as what they depend on changes (here,
        // and in other processes through PostgreSQL's notices, which one listener hears for both).
        services.AddSingleton<TokenCallers>();
        services.AddSingleton<IHearsChanges>(provider => provider.GetRequiredService<TokenCallers>());
        services.AddSingleton<IInterceptor, CredentialChangesInterceptor>();
        services.AddSingleton<RightAnswers>();
        services.AddSingleton<IHearsChanges>(provider => provider.GetRequiredService<RightAnswers>());
        services.AddSingleton<IInterceptor, RightChangesInterceptor>();
        services.AddHostedService<ChangeNoticesListener>();
        services.AddAuthentication(EitherScheme)
            .AddPolicyScheme(EitherScheme, "Cookie or token", options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? TokenScheme
                    : IdentityConstants.ApplicationScheme)
            .AddCookie(IdentityConstants.ApplicationScheme, options =>
            {
                options.Cookie.Name = "wgig.session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(12);
                options.SlidingExpiration = true;
                options.LoginPath = "/sign-in";
                options.ReturnUrlParameter = "returnUrl";
                // Every request checks the session against the account's security stamp: signing out, a new
                // password or an admin disabling the account ends existing cookies at once.
                options.Events.OnValidatePrincipal = SecurityStampValidator.ValidatePrincipalAsync;
                // The web app's pages send a signed-out visitor to the sign-in page; the JSON API answers 401/403 problems.
                options.Events.OnRedirectToLogin = context => Web.Shell.WebPageMetadata.IsWebPage(context.HttpContext)
                    ? Redirect(context)
                    : Status(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => Status(context, StatusCodes.Status403Forbidden);
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(TokenScheme, null)
            // Never signed into; Identity signs them out when a session is ended, so they must exist.
            .AddCookie(IdentityConstants.TwoFactorRememberMeScheme)
            .AddCookie(IdentityConstants.TwoFactorUserIdScheme)
            .AddCookie(IdentityConstants.ExternalScheme);
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);
        services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.Section);
        services.AddScoped<IAuthorizationHandler, ProjectStaffHandler>();
        services.AddSingleton<SignInLimits>();
        services.AddScoped<SignInService>();
        services.AddScoped<AccountMail>();
        services.AddScoped<Invitations>();
        services.AddScoped<PasswordResets>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.ManageProjects, policy => policy.RequireRole(Roles.Admin, Roles.Coordinator, Roles.Secretariat)
                .AddRequirements(new ProjectStaffRequirement()))
            .AddPolicy(Policies.Invite, policy => policy.RequireRole(Roles.Admin, Roles.Coordinator))
            .AddPolicy(Policies.ViewJobs, policy => policy.RequireRole(Roles.Admin, Roles.Coordinator))
            .AddPolicy(Policies.Publish, policy => policy.RequireRole(Roles.Admin, Roles.Secretariat).AddRequirements(new ProjectStaffRequirement()))
            .AddPolicy(Policies.Admin, policy => policy.RequireRole(Roles.Admin));
        return services;
    }

    private static Task Redirect(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static Task Status(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    // One round trip for token, account and roles: every API call pays for this, so the query is compiled once
    // (no expression tree to build, parameterize and look up in the query cache per request).
    private static readonly Func<TranslationDb, string, CancellationToken, Task<TokenCaller?>> FindCaller = EF.CompileAsyncQuery(
        (TranslationDb db, string hash, CancellationToken _) => db.ApiTokens.AsNoTracking().Where(t => t.Hash == hash)
            .Join(db.Users, t => t.AccountId, a => a.Id, (t, a) => new TokenCaller(t, a.Id, a.UserName, a.Email, a.DisabledAt,
                db.UserRoles.Where(r => r.UserId == a.Id).Join(db.Roles, r => r.RoleId, role => role.Id, (_, role) => role.Name!).ToList()))
            .SingleOrDefault());

    /// <summary>"Authorization: Bearer wgig_…": a personal token, checked by its hash.</summary>
    private sealed class ApiTokenHandler(
        IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
        TranslationDb db, TokenCallers callers, TimeProvider clock)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var header = Request.Headers.Authorization.ToString();
            if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                return AuthenticateResult.NoResult();
            }
            var hash = Secrets.Hash(header["Bearer ".Length..].Trim());
            var now = clock.GetUtcNow();
            if (!callers.TryGet(hash, out var found))
            {
                var changes = callers.Changes;
                found = await FindCaller(db, hash, Context.RequestAborted);
                if (found is not null)
                {
                    callers.Remember(hash, found, changes, now);
                }
            }
            if (found is null || !found.Token.IsValidAt(now) || found.DisabledAt is not null)
            {
                return AuthenticateResult.Fail("The token is unknown, expired or revoked, or its account is disabled.");
            }
            var identity = new ClaimsIdentity(
                [
                    new Claim(ClaimTypes.NameIdentifier, found.AccountId.ToString()),
                    new Claim(ClaimTypes.Name, found.UserName ?? ""),
                    new Claim(ClaimTypes.Email, found.Email ?? ""),
                    new Claim("token", found.Token.Id.ToString()),
                    .. found.Roles.Select(role => new Claim(ClaimTypes.Role, role)),
                ], TokenScheme);
            var principal = new ClaimsPrincipal(identity);
            return AuthenticateResult.Success(new AuthenticationTicket(principal, TokenScheme));
        }
    }
}
