using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Wgig.Translate.Api.Web.Shell;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Profiles;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Web.Account;

public static class ProfilePages
{
    public static RouteGroupBuilder MapProfilePages(this RouteGroupBuilder web)
    {
        web.MapGet("/profile", Show);
        web.MapPost("/profile", Save);
        web.MapPost("/profile/pause", Pause);
        web.MapPost("/profile/resume", Resume);
        web.MapPost("/profile/tokens", IssueToken);
        web.MapPost("/profile/tokens/{tokenId:guid}/revoke", RevokeToken);
        return web;
    }

    private static async Task<IResult> Show(string? welcome, string? saved, HttpContext http, PageContexts pages, TranslationDb db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var page = await pages.ForAsync(http);
        var profile = await VolunteerProfiles.ForChangeAsync(db, page.Me, clock.GetUtcNow(), cancellationToken);
        if (!profile.Succeeded)
        {
            return WebResults.Error(page, profile.Error);
        }
        return await RenderAsync(page, db, profile.Value, ProfileForm.From(profile.Value), null, welcome == "1", saved == "1", FormErrors.None, cancellationToken);
    }

    private static async Task<IResult> Save(IFormCollection form, HttpContext http, PageContexts pages, TranslationDb db, TimeProvider clock,
        IStringLocalizer<AccountText> text, CancellationToken cancellationToken)
    {
        var page = await pages.ForAsync(http);
        var profile = await VolunteerProfiles.ForChangeAsync(db, page.Me, clock.GetUtcNow(), cancellationToken);
        if (!profile.Succeeded)
        {
            return WebResults.Error(page, profile.Error);
        }
        var typed = ProfileForm.Read(form);
        var errors = typed.ApplyTo(profile.Value, clock.GetUtcNow(), text);
        if (errors.Any)
        {
            return await RenderAsync(page, db, profile.Value, typed, null, false, false, errors, cancellationToken, StatusCodes.Status400BadRequest);
        }
        await db.SaveChangesAsync(cancellationToken);
        if (profile.Value.InterfaceLanguage is { } language)
        {
            ShellPages.RememberCulture(http, language);
        }
        else
        {
            http.Response.Cookies.Delete(WebSetup.CultureCookie);
        }
        return WebResults.SeeOther("/profile?saved=1");
    }

    private static async Task<IResult> Pause([FromForm] string? reason, HttpContext http, PageContexts pages, TranslationDb db, TimeProvider clock,
        IStringLocalizer<AccountText> text, CancellationToken cancellationToken)
    {
        var page = await pages.ForAsync(http);
        var profile = await VolunteerProfiles.ForChangeAsync(db, page.Me, clock.GetUtcNow(), cancellationToken);
        if (!profile.Succeeded)
        {
            return WebResults.Error(page, profile.Error);
        }
        if (profile.Value.Pause(reason, clock.GetUtcNow()) is not null)
        {
            return await RenderAsync(page, db, profile.Value, ProfileForm.From(profile.Value), null, false, false,
                new FormErrors().Add("reason", text["Profile.Error.Reason", VolunteerProfile.MaxReasonLength]), cancellationToken, StatusCodes.Status400BadRequest);
        }
        await db.SaveChangesAsync(cancellationToken);
        return WebResults.SeeOther("/profile#availability");
    }

    private static async Task<IResult> Resume(HttpContext http, PageContexts pages, TranslationDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var page = await pages.ForAsync(http);
        var profile = await VolunteerProfiles.ForChangeAsync(db, page.Me, clock.GetUtcNow(), cancellationToken);
        if (!profile.Succeeded)
        {
            return WebResults.Error(page, profile.Error);
        }
        profile.Value.Resume(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return WebResults.SeeOther("/profile#availability");
    }

    private static async Task<IResult> IssueToken([FromForm] string? name, [FromForm] int? days, HttpContext http, PageContexts pages, TranslationDb db,
        TimeProvider clock, IStringLocalizer<AccountText> text, CancellationToken cancellationToken)
    {
        var page = await pages.ForAsync(http);
        var issued = await PersonalTokens.IssueAsync(db, page.Me, name, days, clock.GetUtcNow(), cancellationToken);
        var profile = await VolunteerProfiles.ForChangeAsync(db, page.Me, clock.GetUtcNow(), cancellationToken);
        if (!issued.Succeeded)
        {
            return await RenderAsync(page, db, profile.Value!, ProfileForm.From(profile.Value!), null, false, false,
                new FormErrors().Add("tokenName", text["Profile.Error.TokenName"]), cancellationToken, StatusCodes.Status400BadRequest);
        }
        // Shown once, in this response only: never in a redirect's address or a cookie.
        return await RenderAsync(page, db, profile.Value!, ProfileForm.From(profile.Value!), issued.Value.Secret, false, false, FormErrors.None, cancellationToken);
    }

    private static async Task<IResult> RevokeToken(Guid tokenId, HttpContext http, PageContexts pages, TranslationDb db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var page = await pages.ForAsync(http);
        return await PersonalTokens.RevokeAsync(db, page.Me, tokenId, clock.GetUtcNow(), cancellationToken) is { } refused
            ? WebResults.Error(page, refused)
            : WebResults.SeeOther("/profile#tokens");
    }

    private static async Task<IResult> RenderAsync(PageContext page, TranslationDb db, VolunteerProfile profile, ProfileForm form, string? newToken,
        bool welcome, bool saved, FormErrors errors, CancellationToken cancellationToken, int status = StatusCodes.Status200OK)
    {
        var tokens = await PersonalTokens.ListAsync(db, page.Me, cancellationToken);
        return WebResults.Render<ProfilePage>(new
        {
            Page = page,
            View = new ProfileView(form, profile.Paused, profile.PausedReason, tokens, newToken, welcome, saved, errors),
        }, status);
    }
}
