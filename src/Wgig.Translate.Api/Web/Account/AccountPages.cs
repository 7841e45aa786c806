using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Api.Web.Shell;
using Wgig.Translate.Api.Web.Work;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Web.Account;

public static class AccountPages
{
    public static RouteGroupBuilder MapAccountPages(this RouteGroupBuilder web, WebNavigation navigation)
    {
        web.MapGet("/", Home).AllowAnonymous();
        web.MapGet("/sign-in", SignInForm).AllowAnonymous();
        web.MapPost("/sign-in", SignIn).AllowAnonymous();
        web.MapPost("/sign-out", SignOut);
        web.MapGet("/accept-invitation", InvitationForm).AllowAnonymous();
        web.MapPost("/accept-invitation", AcceptInvitation).AllowAnonymous();
        web.MapProfilePages();
        web.MapResetPasswordPages();
        navigation.Add(new NavigationItem("/profile", "Nav.Profile", 90));
        return web;
    }

    /// <summary>The web app's front door: My work for someone signed in, the sign-in form for everyone else.</summary>
    private static async Task<IResult> Home(HttpContext http, PageContexts pages, Domain.Work.MyWork work, TimeProvider clock, CancellationToken cancellationToken)
    {
        var page = await pages.ForAsync(http);
        if (page.Viewer is null)
        {
            return WebResults.Render<SignInPage>(new { Page = page, Form = new SignInForm(null, "/"), Errors = FormErrors.None });
        }
        return WebResults.Render<MyWorkPage>(new { Page = page, Work = await work.ReadAsync(page.Me, cancellationToken), Now = clock.GetUtcNow() });
    }

    private static async Task<IResult> SignInForm(string? returnUrl, string? reset, HttpContext http, PageContexts pages)
    {
        var page = await pages.ForAsync(http);
        if (page.Viewer is not null)
        {
            return WebResults.SeeOther(WebResults.LocalOr(returnUrl, "/"));
        }
        return WebResults.Render<SignInPage>(new
        {
            Page = page, Form = new SignInForm(null, WebResults.LocalOr(returnUrl, "/")), Errors = FormErrors.None, PasswordChanged = reset == "1",
        });
    }

    private static async Task<IResult> SignIn([FromForm] string? email, [FromForm] string? password, [FromForm] string? returnUrl,
        [FromForm] string? remember, HttpContext http, SignInService signIn, PageContexts pages, IStringLocalizer<AccountText> text, TranslationDb db, CancellationToken cancellationToken)
    {
        var errors = new FormErrors();
        if (string.IsNullOrWhiteSpace(email))
        {
            errors.Add("email", text["SignIn.Error.EmailMissing"]);
        }
        if (string.IsNullOrEmpty(password))
        {
            errors.Add("password", text["SignIn.Error.PasswordMissing"]);
        }
        if (!errors.Any)
        {
            switch (await signIn.SignInAsync(email, password, http, cancellationToken, remember: remember is not null))
            {
                case SignInOutcome.SignedIn(var account):
                    var chosen = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleOrDefaultAsync(
                        db.VolunteerProfiles.Where(p => p.AccountId == account.Id).Select(p => p.InterfaceLanguage), cancellationToken);
                    if (chosen is not null)
                    {
                        ShellPages.RememberCulture(http, chosen);
                    }
                    return WebResults.SeeOther(WebResults.LocalOr(returnUrl, "/"));
                case SignInOutcome.TooManyAttempts(var retryAfter):
                    http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    errors.Add("email", text["SignIn.Error.Locked"]);
                    break;
                default:
                    errors.Add("email", text["SignIn.Error.Wrong"]);
                    break;
            }
        }
        var page = await pages.ForAsync(http);
        return WebResults.Render<SignInPage>(new { Page = page, Form = new SignInForm(email, WebResults.LocalOr(returnUrl, "/"), remember is not null), Errors = errors },
            StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> SignOut(HttpContext http, AccountSessions sessions)
    {
        await sessions.SignOutAsync(http.User);
        return WebResults.SeeOther("/");
    }

    private static async Task<IResult> InvitationForm(string? token, HttpContext http, PageContexts pages, AccountSessions sessions,
        CancellationToken cancellationToken)
    {
        var page = await pages.ForAsync(http);
        var invitation = await sessions.FindInvitationAsync(token, cancellationToken);
        if (!invitation.Succeeded)
        {
            return WebResults.Error(page, invitation.Error);
        }
        return WebResults.Render<AcceptInvitationPage>(new
        {
            Page = page,
            Form = new InvitationForm(token!, invitation.Value.Email, ""),
            Errors = FormErrors.None,
        });
    }

    private static async Task<IResult> AcceptInvitation([FromForm] string? token, [FromForm] string? displayName, [FromForm] string? password,
        [FromForm] string? confirmPassword, HttpContext http, PageContexts pages, AccountSessions sessions, IStringLocalizer<AccountText> text,
        IStringLocalizer<ShellText> shell, CancellationToken cancellationToken)
    {
        var invitation = await sessions.FindInvitationAsync(token, cancellationToken);
        if (!invitation.Succeeded)
        {
            return WebResults.Error(await pages.ForAsync(http), invitation.Error);
        }
        var errors = new FormErrors();
        if (string.IsNullOrWhiteSpace(displayName))
        {
            errors.Add("displayName", text["Invitation.Error.NameMissing"]);
        }
        if ((password ?? "").Length < 10)
        {
            errors.Add("password", text["Invitation.Error.PasswordShort"]);
        }
        else if (password != confirmPassword)
        {
            errors.Add("confirmPassword", text["Invitation.Error.PasswordsDiffer"]);
        }
        if (!errors.Any)
        {
            var accepted = await sessions.AcceptInvitationAsync(token, displayName, password, cancellationToken);
            if (accepted.Succeeded)
            {
                await sessions.SignInAsync(accepted.Value.Account);
                return WebResults.SeeOther("/profile?welcome=1");
            }
            errors.Add(accepted.Error is InvalidInputError { Errors: var fields } && fields.ContainsKey("displayName") ? "displayName" : "password",
                WebErrors.Describe(accepted.Error, shell));
        }
        return WebResults.Render<AcceptInvitationPage>(new
        {
            Page = await pages.ForAsync(http),
            Form = new InvitationForm(token!, invitation.Value.Email, displayName ?? ""),
            Errors = errors,
        }, StatusCodes.Status400BadRequest);
    }
}

/// <param name="Remember">"Keep me signed in" was ticked (kept when the form comes back with an error).</param>
public sealed record SignInForm(string? Email, string ReturnUrl, bool Remember = false);

public sealed record InvitationForm(string Token, string Email, string DisplayName);
