using System.Globalization;
using System.Security.Cryptography;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Api.Projects;
using Wgig.Translate.Api.Publishing;
using Wgig.Translate.Api.Web.People;
using Wgig.Translate.Api.Web.Shell;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Publishing;
using Wgig.Translate.Domain.Security;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Web.Settings;

/// <summary>
/// A project's settings for its staff: target languages (<see cref="ProjectLanguages"/>), the escalation ladder
/// (<see cref="EscalationLadder.Create"/>), the repository connection (<see cref="RepositoryConnectionApi.SaveAsync"/>, the JSON API's
/// rules: write-only credentials dropped when the destination changes, the Enterprise server for admins only), its test by the
/// Worker's gateway, and the webhook's set-up. The same rules as the JSON API, in the page's words.
/// </summary>
public static class SettingsPages
{
    public static RouteGroupBuilder MapSettingsPages(this RouteGroupBuilder web)
    {
        web.MapGet("/projects/{projectId:guid}/settings", Show);
        web.MapPost("/projects/{projectId:guid}/settings/languages", AddLanguage);
        web.MapPost("/projects/{projectId:guid}/settings/languages/{language}/remove", RemoveLanguage);
        web.MapPost("/projects/{projectId:guid}/settings/ladder", ChangeLadder);
        web.MapPost("/projects/{projectId:guid}/settings/repository", Connect);
        web.MapPost("/projects/{projectId:guid}/settings/repository/check", Check);
        web.MapPost("/projects/{projectId:guid}/settings/webhook-secret", NewWebhookSecret);
        return web;
    }

    /// <summary>The page, or (to the script waiting for a connection test, header <see cref="WebResults.PartialHeader"/>) the test's status alone.</summary>
    private static async Task<IResult> Show(Guid projectId, string? notice, HttpContext http, PageContexts pages, TranslationDb db,
        IStringLocalizer<SettingsText> text, IOptions<AccountOptions> accounts, CancellationToken cancellationToken)
    {
        var page = await pages.ForAsync(http);
        if (http.Request.WantsPartial())
        {
            if (await StaffAccess.ProjectProblemAsync(db, http, projectId) is { } refused)
            {
                return WebResults.Error(page, refused);
            }
            var connection = await db.RepositoryConnections.AsNoTracking().SingleOrDefaultAsync(c => c.ProjectId == projectId, cancellationToken);
            return WebResults.Fragment<ConnectionCheckStatus>(page, new { ProjectId = projectId, Connection = connection });
        }
        var message = notice switch
        {
            "language-added" => text["Settings.Notice.LanguageAdded"].Value,
            "language-removed" => text["Settings.Notice.LanguageRemoved"].Value,
            "ladder" => text["Settings.Notice.Ladder"].Value,
            "repository" => text["Settings.Notice.Repository"].Value,
            "check" => text["Settings.Notice.Check"].Value,
            _ => null,
        };
        return await RenderAsync(new Render(page, http, db, accounts.Value, projectId), FormErrors.None, StatusCodes.Status200OK, cancellationToken,
            view => view with { Notice = message });
    }

    private static async Task<IResult> AddLanguage(Guid projectId, IFormCollection form, HttpContext http, PageContexts pages, TranslationDb db, TimeProvider clock,
        IStringLocalizer<SettingsText> text, IStringLocalizer<ShellText> shell, IOptions<AccountOptions> accounts, CancellationToken cancellationToken)
    {
        var (render, refused) = await OpenAsync(projectId, http, pages, db, accounts);
        if (refused is not null)
        {
            return refused;
        }
        var typed = form["language"].ToString().Trim();
        var added = await ProjectLanguages.AddAsync(db, projectId, typed, clock.GetUtcNow(), cancellationToken);
        if (added.Succeeded)
        {
            return WebResults.SeeOther($"/projects/{projectId}/settings?notice=language-added#languages");
        }
        var message = added.Error switch
        {
            AlreadyATargetLanguage already => text["Settings.Languages.Error.Already", Languages.Name(already.Language, shell)].Value,
            InvalidInputError when typed.Length == 0 => text["Settings.Languages.Error.Empty"].Value,
            InvalidInputError => text["Settings.Languages.Error.Invalid", typed].Value,
            var other => WebErrors.Describe(other, shell),
        };
        return await RenderAsync(render, new FormErrors().Add("new-language", message), Problems.DomainErrorResults.StatusFor(added.Error), cancellationToken,
            view => view with { NewLanguage = typed });
    }

    /// <summary>Asks first (a confirmation on the page, without script too), then removes: the language's rights, deadlines and choices go with it.</summary>
    private static async Task<IResult> RemoveLanguage(Guid projectId, string language, IFormCollection form, HttpContext http, PageContexts pages, TranslationDb db,
        IStringLocalizer<SettingsText> text, IStringLocalizer<ShellText> shell, IOptions<AccountOptions> accounts, CancellationToken cancellationToken)
    {
        var (render, refused) = await OpenAsync(projectId, http, pages, db, accounts);
        if (refused is not null)
        {
            return refused;
        }
        if (form["confirm"] != "yes")
        {
            return await RenderAsync(render, FormErrors.None, StatusCodes.Status200OK, cancellationToken, view => view with { RemoveAsked = language });
        }
        var removed = await ProjectLanguages.RemoveAsync(db, projectId, language, cancellationToken);
        if (removed.Succeeded)
        {
            return WebResults.SeeOther($"/projects/{projectId}/settings?notice=language-removed#languages");
        }
        var name = Languages.Name(language, shell);
        var message = removed.Error switch
        {
            LanguageHasWork work => text["Settings.Languages.Error.HasWork", name, Formats.Number(work.Segments, render.Page), Formats.Number(work.Comments, render.Page)].Value,
            LastTargetLanguage => text["Settings.Languages.Error.Last", name].Value,
            var other => WebErrors.Describe(other, shell),
        };
        return await RenderAsync(render, new FormErrors().Add(null, message), Problems.DomainErrorResults.StatusFor(removed.Error), cancellationToken);
    }

    private static async Task<IResult> ChangeLadder(Guid projectId, IFormCollection form, HttpContext http, PageContexts pages, TranslationDb db,
        IStringLocalizer<SettingsText> text, IOptions<AccountOptions> accounts, CancellationToken cancellationToken)
    {
        var (render, refused) = await OpenAsync(projectId, http, pages, db, accounts);
        if (refused is not null)
        {
            return refused;
        }
        var typed = new LadderForm(form["remindBeforeClaimEnds"].ToString().Trim(), form["remindBeforeDeadline"].ToString().Trim(), form["overdueNotice"] == "true",
            form["reassignLapsedWork"] == "true", form["alertCoordinators"] == "true");
        var errors = new FormErrors();
        var claimLead = Lead(typed.RemindBeforeClaimEnds, "ladder-claim", errors, text);
        var deadlineLead = Lead(typed.RemindBeforeDeadline, "ladder-deadline", errors, text);
        if (!errors.Any)
        {
            var ladder = EscalationLadder.Create(claimLead, deadlineLead, typed.OverdueNotice, typed.ReassignLapsedWork, typed.AlertCoordinators);
            if (ladder.Succeeded)
            {
                var project = await db.Projects.SingleAsync(p => p.Id == projectId, cancellationToken);
                project.ChangeLadder(ladder.Value);
                await db.SaveChangesAsync(cancellationToken);
                return WebResults.SeeOther($"/projects/{projectId}/settings?notice=ladder#ladder");
            }
            var invalid = (InvalidInputError)ladder.Error;
            var range = text["Settings.Ladder.Error.Range", Formats.Number((int)EscalationLadder.MaxLead.TotalHours, render.Page)].Value;
            foreach (var (field, id) in new[] { ("remindBeforeClaimEnds", "ladder-claim"), ("remindBeforeDeadline", "ladder-deadline") })
            {
                if (invalid.Errors.ContainsKey(field))
                {
                    errors.Add(id, range);
                }
            }
        }
        return await RenderAsync(render, errors, StatusCodes.Status400BadRequest, cancellationToken, view => view with { Ladder = typed });
    }

    // A lead time in hours as people write them ("24", "1.5", "1,5"); empty for no such step.
    private static TimeSpan? Lead(string typed, string fieldId, FormErrors errors, IStringLocalizer<SettingsText> text)
    {
        if (typed.Length == 0)
        {
            return null;
        }
        if (double.TryParse(typed.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var hours) && hours <= 100_000)
        {
            return TimeSpan.FromHours(hours);
        }
        errors.Add(fieldId, text["Settings.Ladder.Error.Hours"]);
        return null;
    }

    private static async Task<IResult> Connect(Guid projectId, IFormCollection form, HttpContext http, PageContexts pages, TranslationDb db,
        ICredentialProtector protector, IOptions<RepositoryAccessOptions> repositories, TimeProvider clock, IStringLocalizer<SettingsText> text,
        IStringLocalizer<ShellText> shell, IOptions<AccountOptions> accounts, CancellationToken cancellationToken)
    {
        var (render, refused) = await OpenAsync(projectId, http, pages, db, accounts);
        if (refused is not null)
        {
            return refused;
        }
        var existing = await db.RepositoryConnections.AsNoTracking().SingleOrDefaultAsync(c => c.ProjectId == projectId, cancellationToken);
        string Field(string name) => form[name].ToString().Trim();
        var errors = new FormErrors();
        var host = Enum.TryParse<RepositoryHost>(Field("host"), out var h) && Enum.IsDefined(h) ? h : RepositoryHost.GitHub;
        var writeMode = Enum.TryParse<WriteMode>(Field("writeMode"), out var w) && Enum.IsDefined(w) ? w : WriteMode.PullRequest;
        // The Enterprise server is the admins' to choose; anyone else keeps whatever an admin set.
        var server = ProjectAccess.IsAdmin(http.User) ? Field("apiBaseUrl") : host == RepositoryHost.GitHub ? existing?.ApiBaseUrl ?? "" : "";
        var typed = new RepositoryForm(host, Field("owner"), Field("name"), Field("branch"), Field("sourcePattern"), Field("targetTemplate"), writeMode,
            form["branchPerPublication"] == "true", form["publishXliff"] == "true", server, Field("appId"), Field("installationId"));
        var appId = Number(typed.AppId, "repo-appId", errors, text);
        var installationId = Number(typed.InstallationId, "repo-installationId", errors, text);
        var useApp = host == RepositoryHost.GitHub && appId is not null;
        if (errors.Any)
        {
            return await RenderAsync(render, errors, StatusCodes.Status400BadRequest, cancellationToken, view => view with { Repository = typed });
        }
        var request = new RepositoryRequest(host, typed.Owner, typed.Name, typed.Branch, typed.SourcePattern, typed.TargetTemplate, writeMode,
            typed.BranchPerPublication, typed.PublishXliff, server.Length == 0 ? null : server, useApp || host != RepositoryHost.GitHub ? null : Field("token"),
            null, useApp ? appId : null, useApp ? installationId : null, useApp && Field("appPrivateKey") is { Length: > 0 } key ? key : null);
        var saved = await RepositoryConnectionApi.SaveAsync(projectId, request, http.User, db, protector, repositories.Value, clock.GetUtcNow(), cancellationToken);
        if (saved.Succeeded)
        {
            return WebResults.SeeOther($"/projects/{projectId}/settings?notice=repository#repository");
        }
        switch (saved.Error)
        {
            case InvalidInputError invalid:
                foreach (var field in invalid.Errors.Keys)
                {
                    var message = text[$"Settings.Repository.Error.{field}"];
                    errors.Add($"repo-{field}", message.ResourceNotFound ? string.Join(" ", invalid.Errors[field]) : message.Value);
                }
                break;
            case EnterpriseServerIsAdminOnly:
                errors.Add("repo-apiBaseUrl", text["Settings.Repository.Error.AdminOnly"]);
                break;
            default:
                errors.Add(null, WebErrors.Describe(saved.Error, shell));
                break;
        }
        return await RenderAsync(render, errors, Problems.DomainErrorResults.StatusFor(saved.Error), cancellationToken, view => view with { Repository = typed });
    }

    private static long? Number(string typed, string fieldId, FormErrors errors, IStringLocalizer<SettingsText> text)
    {
        if (typed.Length == 0)
        {
            return null;
        }
        if (long.TryParse(typed, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            return value;
        }
        errors.Add(fieldId, text["Settings.Repository.Error.Number"]);
        return null;
    }

    /// <summary>Queues a test of the connection by the Worker's gateway; the page shows it pending, and its script waits for the answer.</summary>
    private static async Task<IResult> Check(Guid projectId, IFormCollection form, HttpContext http, PageContexts pages, TranslationDb db, IBackgroundJobClient jobs,
        TimeProvider clock, IStringLocalizer<SettingsText> text, IOptions<AccountOptions> accounts, CancellationToken cancellationToken)
    {
        var (render, refused) = await OpenAsync(projectId, http, pages, db, accounts);
        if (refused is not null)
        {
            return refused;
        }
        var connection = await RepositoryConnectionApi.RequestCheckAsync(db, jobs, projectId, clock.GetUtcNow(), cancellationToken);
        return connection is null
            ? await RenderAsync(render, new FormErrors().Add(null, text["Settings.Check.NotConnected"]), StatusCodes.Status409Conflict, cancellationToken)
            : WebResults.SeeOther($"/projects/{projectId}/settings?notice=check#check");
    }

    /// <summary>
    /// A new webhook secret, made here (32 random bytes) and stored sealed through the connection's own rules; shown this once, in
    /// the answer to the post (never in an address), to paste into GitHub. The old one stops working at once.
    /// </summary>
    private static async Task<IResult> NewWebhookSecret(Guid projectId, IFormCollection form, HttpContext http, PageContexts pages, TranslationDb db,
        ICredentialProtector protector, IOptions<RepositoryAccessOptions> repositories, TimeProvider clock, IStringLocalizer<SettingsText> text,
        IStringLocalizer<ShellText> shell, IOptions<AccountOptions> accounts, CancellationToken cancellationToken)
    {
        var (render, refused) = await OpenAsync(projectId, http, pages, db, accounts);
        if (refused is not null)
        {
            return refused;
        }
        var existing = await db.RepositoryConnections.AsNoTracking().SingleOrDefaultAsync(c => c.ProjectId == projectId, cancellationToken);
        if (existing is null)
        {
            return await RenderAsync(render, new FormErrors().Add(null, text["Settings.Check.NotConnected"]), StatusCodes.Status409Conflict, cancellationToken);
        }
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        // Everything else as it is: same destination, so the stored credentials stay.
        var request = new RepositoryRequest(existing.Host, existing.Owner, existing.Name, existing.Branch, existing.SourcePattern, existing.TargetTemplate,
            existing.WriteMode, existing.BranchPerPublication, existing.PublishXliff, existing.ApiBaseUrl, null, secret, existing.AppId, existing.InstallationId);
        var saved = await RepositoryConnectionApi.SaveAsync(projectId, request, http.User, db, protector, repositories.Value, clock.GetUtcNow(), cancellationToken);
        if (!saved.Succeeded)
        {
            return await RenderAsync(render, new FormErrors().Add(null, WebErrors.Describe(saved.Error, shell)), Problems.DomainErrorResults.StatusFor(saved.Error),
                cancellationToken);
        }
        http.Response.Headers.CacheControl = "no-store";
        return await RenderAsync(render, FormErrors.None, StatusCodes.Status200OK, cancellationToken, view => view with { NewWebhookSecret = secret });
    }

    private sealed record Render(PageContext Page, HttpContext Http, TranslationDb Db, AccountOptions Accounts, Guid ProjectId);

    // Every post starts here: the page's context, and the error page for anyone not staff of the project.
    private static async Task<(Render Render, IResult? Refused)> OpenAsync(Guid projectId, HttpContext http, PageContexts pages, TranslationDb db,
        IOptions<AccountOptions> accounts)
    {
        var render = new Render(await pages.ForAsync(http), http, db, accounts.Value, projectId);
        return (render, await StaffAccess.ProjectProblemAsync(db, http, projectId) is { } refused ? WebResults.Error(render.Page, refused) : null);
    }

    private static async Task<IResult> RenderAsync(Render render, FormErrors errors, int status, CancellationToken cancellationToken,
        Func<SettingsView, SettingsView>? adjust = null)
    {
        var (page, http, db, projectId) = (render.Page, render.Http, render.Db, render.ProjectId);
        if (await StaffAccess.ProjectProblemAsync(db, http, projectId) is { } refused)
        {
            return WebResults.Error(page, refused);
        }
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == projectId, cancellationToken);
        var use = await ProjectLanguages.UseAsync(db, projectId, cancellationToken);
        var connection = await db.RepositoryConnections.AsNoTracking().SingleOrDefaultAsync(c => c.ProjectId == projectId, cancellationToken);
        var baseUrl = render.Accounts.PublicBaseUrl?.TrimEnd('/') ?? $"{http.Request.Scheme}://{http.Request.Host.Value}";
        var view = new SettingsView(projectId, project.Name, project.SourceLanguage, [.. project.TargetLanguages.Select(l => use[l])], LadderForm.From(project.Ladder),
            RepositoryForm.From(connection), connection, ProjectAccess.IsAdmin(http.User), $"{baseUrl}/webhooks/github/{projectId}");
        view = adjust?.Invoke(view) ?? view;
        return WebResults.Render<SettingsPage>(new { Page = page, View = view, Errors = errors }, status);
    }
}
