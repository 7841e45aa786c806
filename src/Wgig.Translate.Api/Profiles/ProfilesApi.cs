using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Api.Problems;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Profiles;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Profiles;

/// <param name="CapacityWordsPerWeek">Words a week you can give; your claims are sized from it (0: not said).</param>
/// <param name="TimeZone">An IANA time zone id, e.g. Europe/Zurich; reminders and availability use it.</param>
/// <param name="Availability">Weekly windows in your time zone when you take work; none means any time.</param>
/// <param name="Mail">Immediately, DailyDigest (07:00 in your time zone) or Never; notifications are always in the app.</param>
/// <param name="ShowEmailInCredits">Credit you in published commits with your own e-mail (linking them to your GitHub
/// account), instead of a no-reply address.</param>
/// <param name="InterfaceLanguage">The web app's language: ar, zh, en, fr, ru or es; empty for your browser's.</param>
public sealed record ProfileRequest(IReadOnlyList<ProfileLanguage>? Languages, int? CapacityWordsPerWeek, string? TimeZone,
    IReadOnlyList<AvailabilityWindow>? Availability, MailPreference? Mail = null, bool? ShowEmailInCredits = null, string? InterfaceLanguage = null);

public sealed record PauseRequest(string? Reason);

/// <param name="Name">The person's display name: how people see them.</param>
public sealed record ProfileResponse(Guid AccountId, string Name, IReadOnlyList<ProfileLanguage> Languages, int CapacityWordsPerWeek, string TimeZone,
    IReadOnlyList<AvailabilityWindow> Availability, bool Paused, string? PausedReason, DateTimeOffset? PausedAt, DateTimeOffset UpdatedAt,
    MailPreference Mail, bool ShowEmailInCredits, string? InterfaceLanguage)
{
    public static async Task<ProfileResponse> ReadAsync(TranslationDb db, VolunteerProfile p, CancellationToken cancellationToken) =>
        new(p.AccountId, (await AccountNames.ReadAsync(db, [p.AccountId], cancellationToken)).GetValueOrDefault(p.AccountId, ""), p.Languages, p.CapacityWordsPerWeek, p.TimeZone, p.Availability, p.Paused, p.PausedReason, p.PausedAt, p.UpdatedAt, p.Mail,
            p.ShowEmailInCredits, p.InterfaceLanguage);
}

public static class ProfilesApi
{
    public static IEndpointRouteBuilder MapProfiles(this IEndpointRouteBuilder routes)
    {
        var mine = routes.MapGroup("/me/profile").WithTags("Profiles");
        mine.MapGet("/", (ClaimsPrincipal caller, TranslationDb db, TimeProvider clock, CancellationToken ct) => GetAsync(caller.AccountId(), db, clock, ct))
            .WithName("GetMyProfile").WithSummary("Your profile: languages with levels, weekly capacity, time zone, availability and mail preference.")
            .WithDescription("Whoever never filled one in has the empty profile: any time, UTC, capacity unknown (claims then take the project's default batch).");
        mine.MapPut("/", UpdateMine).WithName("UpdateMyProfile").ProducesValidationProblem();
        mine.MapPost("/pause", (PauseRequest request, ClaimsPrincipal caller, TranslationDb db, TimeProvider clock, CancellationToken ct) =>
            PauseAsync(caller.AccountId(), request, db, clock, ct)).WithName("PauseMe").ProducesValidationProblem()
            .WithSummary("Pause yourself: you take no new work until you resume.")
            .WithDescription("Claims you hold stay yours; nobody assigns you work and you cannot claim. The reason (at most 500 characters) is shown to coordinators.");
        mine.MapPost("/resume", (ClaimsPrincipal caller, TranslationDb db, TimeProvider clock, CancellationToken ct) =>
            ResumeAsync(caller.AccountId(), db, clock, ct)).WithName("ResumeMe")
            .WithSummary("Resume after a pause: you take work again.")
            .WithDescription("Claims that lapsed before now no longer count towards the Worker's automatic pause.");

        // A project's staff see the profiles of the people working in it and pause or resume them (a volunteer who keeps letting claims lapse).
        var theirs = routes.MapGroup("/accounts/{accountId}/profile").WithTags("Profiles").RequireAuthorization(Policies.ManageProjects)
            .AddEndpointFilter<AccountStaffFilter>() // only people working in a project the caller is staff of
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);
        theirs.MapGet("/", (Guid accountId, TranslationDb db, TimeProvider clock, CancellationToken ct) => GetAsync(accountId, db, clock, ct))
            .WithName("GetProfile").WithSummary("A volunteer's profile (coordinators, secretariat, admins).")
            .WithDescription("Languages with levels, weekly capacity, time zone, availability windows, and whether and why they are paused.");
        theirs.MapPost("/pause", (Guid accountId, PauseRequest request, TranslationDb db, TimeProvider clock, CancellationToken ct) =>
            PauseAsync(accountId, request, db, clock, ct)).WithName("PauseVolunteer").ProducesValidationProblem()
            .WithSummary("Pause a volunteer: they take no new work until resumed.")
            .WithDescription("Coordinators, secretariat and admins, e.g. for a volunteer who keeps letting claims lapse; the reason is kept on the profile.");
        theirs.MapPost("/resume", (Guid accountId, TranslationDb db, TimeProvider clock, CancellationToken ct) =>
            ResumeAsync(accountId, db, clock, ct)).WithName("ResumeVolunteer")
            .WithSummary("Resume a paused volunteer.")
            .WithDescription("Coordinators, secretariat and admins. Lapses before now no longer count towards the Worker's automatic pause.");
        return routes;
    }

    /// <summary>Set your languages with levels, weekly capacity, time zone, availability windows and mail preference.</summary>
    /// <remarks>
    /// The weekly capacity sizes your batches and caps the words you hold in live claims, however work reaches you; 0 says nothing
    /// (claims then take the project's default batch). Windows are in your time zone (an IANA id); a window does not pass midnight.
    /// </remarks>
    internal static async Task<Results<Ok<ProfileResponse>, ProblemHttpResult>> UpdateMine(
        ProfileRequest request, ClaimsPrincipal caller, TranslationDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var profile = await LoadAsync(caller.AccountId(), db, clock, cancellationToken);
        if (!profile.Succeeded)
        {
            return profile.Error.ToProblem();
        }
        if (profile.Value.Update(request.Languages, request.CapacityWordsPerWeek, request.TimeZone, request.Availability, clock.GetUtcNow()) is { } invalid)
        {
            return invalid.ToProblem();
        }
        if (request.Mail is { } mail)
        {
            profile.Value.ChooseMail(mail, clock.GetUtcNow());
        }
        if (request.ShowEmailInCredits is { } show)
        {
            profile.Value.ChooseCreditEmail(show, clock.GetUtcNow());
        }
        if (request.InterfaceLanguage is { } language && profile.Value.ChooseInterfaceLanguage(language, clock.GetUtcNow()) is { } unspoken)
        {
            return unspoken.ToProblem();
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await ProfileResponse.ReadAsync(db, profile.Value, cancellationToken));
    }

    private static async Task<Results<Ok<ProfileResponse>, ProblemHttpResult>> GetAsync(Guid accountId, TranslationDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var profile = await LoadAsync(accountId, db, clock, cancellationToken);
        return profile.Succeeded ? TypedResults.Ok(await ProfileResponse.ReadAsync(db, profile.Value, cancellationToken)) : profile.Error.ToProblem();
    }

    private static async Task<Results<Ok<ProfileResponse>, ProblemHttpResult>> PauseAsync(
        Guid accountId, PauseRequest request, TranslationDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var profile = await LoadAsync(accountId, db, clock, cancellationToken);
        if (!profile.Succeeded)
        {
            return profile.Error.ToProblem();
        }
        if (profile.Value.Pause(request.Reason, clock.GetUtcNow()) is { } invalid)
        {
            return invalid.ToProblem();
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await ProfileResponse.ReadAsync(db, profile.Value, cancellationToken));
    }

    private static async Task<Results<Ok<ProfileResponse>, ProblemHttpResult>> ResumeAsync(Guid accountId, TranslationDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var profile = await LoadAsync(accountId, db, clock, cancellationToken);
        if (!profile.Succeeded)
        {
            return profile.Error.ToProblem();
        }
        profile.Value.Resume(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await ProfileResponse.ReadAsync(db, profile.Value, cancellationToken));
    }

    private static Task<Result<VolunteerProfile>> LoadAsync(Guid accountId, TranslationDb db, TimeProvider clock, CancellationToken cancellationToken) =>
        VolunteerProfiles.ForChangeAsync(db, accountId, clock.GetUtcNow(), cancellationToken);
}
