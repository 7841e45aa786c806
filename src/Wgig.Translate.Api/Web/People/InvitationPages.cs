using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Api.Web.Shell;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Web.People;

/// <summary>
/// Inviting people into a project from a pasted list, with their role and rights per language; the pending invitations
/// resent or revoked. Everything goes through <see cref="Invitations"/>, as the JSON API: an address that has an account
/// gets the rights at once instead of an invitation.
/// </summary>
public static class InvitationPages
{
    public static RouteGroupBuilder MapInvitationPages(this RouteGroupBuilder web)
    {
        web.MapGet("/projects/{projectId:guid}/invitations", Show);
        web.MapPost("/projects/{projectId:guid}/invitations", Invite);
        web.MapPost("/projects/{projectId:guid}/invitations/{invitationId:guid}/resend", Resend);
        web.MapPost("/projects/{projectId:guid}/invitations/{invitationId:guid}/revoke", Revoke);
        return web;
    }

    private static async Task<IResult> Show(Guid projectId, string? notice, HttpContext http, PageContexts pages, TranslationDb db, Invitations invitations,
        IStringLocalizer<PeopleText> text, CancellationToken cancellationToken)
    {
        var page = await pages.ForAsync(http);
        var message = notice switch
        {
            "resent" => text["Invite.Notice.Resent"].Value,
            "revoked" => text["Invite.Notice.Revoked"].Value,
            _ => null,
        };
        return await RenderAsync(page, http, db, invitations, projectId, "", Roles.Volunteer, new HashSet<string>(), new HashSet<string>(), [], message, FormErrors.None, StatusCodes.Status200OK,
            cancellationToken);
    }

    private static async Task<IResult> RenderAsync(PageContext page, HttpContext http, TranslationDb db, Invitations invitations, Guid projectId, string emails,
        string role, IReadOnlySet<string> translate, IReadOnlySet<string> review, IReadOnlyList<InviteLine> results, string? notice, FormErrors errors, int status,
        CancellationToken cancellationToken)
    {
        if (await StaffAccess.ProjectProblemAsync(db, http, projectId) is { } refused)
        {
            return WebResults.Error(page, refused);
        }
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => new ProjectHeading(p.Id, p.Name, p.TargetLanguages))
            .SingleAsync(cancellationToken);
        var pending = await invitations.PendingAsync(http.User, projectId, cancellationToken);
        return WebResults.Render<InvitationsPage>(new
        {
            Page = page, View = new InvitationsView(project, emails, role, translate, review, results, pending, notice), Errors = errors,
        }, status);
    }

    /// <summary>Every address of the pasted list invited (or given the rights, if it has an account); each line says what became of it.</summary>
    private static async Task<IResult> Invite(Guid projectId, IFormCollection form, HttpContext http, PageContexts pages, TranslationDb db,
        Invitations invitations, IStringLocalizer<PeopleText> text, IStringLocalizer<ShellText> shell, CancellationToken cancellationToken)
    {
        var page = await pages.ForAsync(http);
        var emails = form["emails"].ToString();
        var role = form["role"].ToString();
        var translate = form["translate"].OfType<string>().ToHashSet(StringComparer.Ordinal);
        var review = form["review"].OfType<string>().ToHashSet(StringComparer.Ordinal);
        var lines = InvitationsView.Split(emails);
        var errors = new FormErrors();
        if (lines.Count == 0)
        {
            errors.Add("emails", text["Invite.Error.None"]);
        }
        else if (lines.Count > InvitationsView.MaxAddresses)
        {
            errors.Add("emails", text["Invite.Error.TooMany", InvitationsView.MaxAddresses]);
        }
        if (errors.Any)
        {
            return await RenderAsync(page, http, db, invitations, projectId, emails, role, translate, review, [], null, errors, StatusCodes.Status400BadRequest,
                cancellationToken);
        }
        if (await StaffAccess.ProjectProblemAsync(db, http, projectId) is { } refused)
        {
            return WebResults.Error(page, refused);
        }
        var grants = translate.Union(review).Select(l => new InvitationGrant(l, translate.Contains(l), review.Contains(l))).ToList();
        var results = new List<InviteLine>();
        foreach (var line in lines)
        {
            var address = System.Net.Mail.MailAddress.TryCreate(line, out var parsed) ? parsed.Address : line;
            var outcome = await invitations.InviteAsync(http.User, address, role, projectId, grants, http.Request, cancellationToken);
            results.Add(outcome.Succeeded
                ? new InviteLine(line, outcome.Value, null)
                : new InviteLine(line, null, outcome.Error is AccountExists ? text["Invite.Error.Exists"] : WebErrors.Describe(outcome.Error, shell)));
        }
        // What went out is done; the lines that were refused stay in the field to correct and send again.
        var left = string.Join("\n", results.Where(r => r.Problem is not null).Select(r => r.Text));
        var status = results.All(r => r.Problem is not null) ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        return await RenderAsync(page, http, db, invitations, projectId, left, role, translate, review, results, null, FormErrors.None, status, cancellationToken);
    }

    private static async Task<IResult> Resend(Guid projectId, Guid invitationId, HttpContext http, PageContexts pages, TranslationDb db, Invitations invitations,
        IStringLocalizer<ShellText> shell, CancellationToken cancellationToken) =>
        await ChangeAsync(projectId, http, pages, db, invitations, shell, "resent",
            async () => (await invitations.ResendAsync(http.User, invitationId, http.Request, cancellationToken)).Error, cancellationToken);

    private static async Task<IResult> Revoke(Guid projectId, Guid invitationId, HttpContext http, PageContexts pages, TranslationDb db, Invitations invitations,
        IStringLocalizer<ShellText> shell, CancellationToken cancellationToken) =>
        await ChangeAsync(projectId, http, pages, db, invitations, shell, "revoked",
            () => invitations.RevokeAsync(http.User, invitationId, cancellationToken), cancellationToken);

    private static async Task<IResult> ChangeAsync(Guid projectId, HttpContext http, PageContexts pages, TranslationDb db, Invitations invitations,
        IStringLocalizer<ShellText> shell, string notice, Func<Task<DomainError?>> change, CancellationToken cancellationToken)
    {
        var page = await pages.ForAsync(http);
        if (await StaffAccess.ProjectProblemAsync(db, http, projectId) is { } refused)
        {
            return WebResults.Error(page, refused);
        }
        var error = await change();
        return error is null
            ? WebResults.SeeOther($"/projects/{projectId}/invitations?notice={notice}#pending")
            : await RenderAsync(page, http, db, invitations, projectId, "", Roles.Volunteer, new HashSet<string>(), new HashSet<string>(), [], null,
                new FormErrors().Add(null, WebErrors.Describe(error, shell)), Problems.DomainErrorResults.StatusFor(error), cancellationToken);
    }
}
