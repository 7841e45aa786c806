using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Api.Web.Shell;
using Wgig.Translate.Domain.Common;

namespace Wgig.Translate.Api.Web.Account;

/// <summary>What the reset pages show: the request form, the "look in your mailbox" answer, or the new-password form.</summary>
public enum ResetStep
{
    Ask,
    Sent,
    Choose,
}

/// <summary>
/// Forgotten passwords: ask for a link by e-mail (the answer is the same whether or not the address has an
/// account), then choose a new password on the link's page. Every session of the account ends with it.
/// </summary>
public static class ResetPasswordPages
{
    public static RouteGroupBuilder MapResetPasswordPages(this RouteGroupBuilder web)
    {
        web.MapGet("/reset-password", Show).AllowAnonymous();
        web.MapPost("/reset-password", Ask).AllowAnonymous();
        web.MapPost("/reset-password/new", Choose).AllowAnonymous();
        return web;
    }

    private static async Task<IResult> Show(string? token, HttpContext http, PageContexts pages)
    {
        var step = token is null ? ResetStep.Ask : ResetStep.Choose;
        return WebResults.Render<ResetPasswordPage>(new { Page = await pages.ForAsync(http), Step = step, Token = token, Errors = FormErrors.None });
    }

    private static async Task<IResult> Ask([FromForm] string? email, HttpContext http, PageContexts pages, PasswordResets resets,
        IStringLocalizer<AccountText> text, CancellationToken cancellationToken)
    {
        var page = await pages.ForAsync(http);
        if (!System.Net.Mail.MailAddress.TryCreate(email?.Trim() ?? "", out _))
        {
            return WebResults.Render<ResetPasswordPage>(new
            {
                Page = page, Step = ResetStep.Ask, Token = (string?)null, Errors = new FormErrors().Add("email", text["SignIn.Error.EmailMissing"]),
            }, StatusCodes.Status400BadRequest);
        }
        await resets.RequestAsync(email, http.Request, cancellationToken);
        return WebResults.Render<ResetPasswordPage>(new { Page = page, Step = ResetStep.Sent, Token = (string?)null, Errors = FormErrors.None });
    }

    private static async Task<IResult> Choose([FromForm] string? token, [FromForm] string? password, [FromForm] string? confirmPassword, HttpContext http,
        PageContexts pages, PasswordResets resets, IStringLocalizer<AccountText> text, CancellationToken cancellationToken)
    {
        var page = await pages.ForAsync(http);
        var errors = new FormErrors();
        if ((password ?? "").Length < Domain.Accounts.PasswordRules.MinimumLength)
        {
            errors.Add("password", text["Invitation.Error.PasswordShort"]);
        }
        else if (password != confirmPassword)
        {
            errors.Add("confirmPassword", text["Invitation.Error.PasswordsDiffer"]);
        }
        else if (await resets.CompleteAsync(token, password, cancellationToken) is { } refused)
        {
            errors.Add(refused is InvalidInputError { Errors: var fields } && fields.ContainsKey("password") ? "password" : null,
                refused is InvalidInputError { Errors: var f } && f.ContainsKey("password") ? text["Invitation.Error.PasswordShort"] : text["Reset.Error.Link"]);
        }
        if (errors.Any)
        {
            return WebResults.Render<ResetPasswordPage>(new { Page = page, Step = ResetStep.Choose, Token = token, Errors = errors }, StatusCodes.Status400BadRequest);
        }
        return WebResults.SeeOther("/sign-in?reset=1");
    }
}
