using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Api.Problems;
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

public sealed record ProfileResponse(Guid AccountId, IReadOnlyList<ProfileLanguage> Languages, int CapacityWordsPerWeek, string TimeZone,
    IReadOnlyList<AvailabilityWindow> Availability, bool Paused, string? PausedReason, DateTimeOffset? PausedAt, DateTimeOffset UpdatedAt,
    MailPreference Mail, bool ShowEmailInCredits, string? InterfaceLanguage)
{
    public static ProfileResponse From(VolunteerProfile p) =>
        new(p.AccountId, p.Languages, p.CapacityWordsPerWeek, p.TimeZone, p.Availability, p.Paused, p.PausedReason, p.PausedAt, p.UpdatedAt, p.Mail,
            p.ShowEmailInCredits, p.InterfaceLanguage);
}

public static class ProfilesApi
{
    public static IEndpointRouteBuilder MapProfiles(this IEndpointRouteBuilder routes)
    {
        var mine = routes.MapGroup("/me/profile").WithTags("Profiles");
        mine.MapGet("/", (ClaimsPrincipal caller, TranslationDb db, TimeProvider clock, CancellationToken ct) => GetAsync(caller.AccountId(), db, clock, ct))
            .WithName("GetMyProfile");
        mine.MapPut("/", UpdateMine).WithName("UpdateMyProfile").ProducesValidationProblem();
        mine.MapPost("/pause", (PauseRequest request, ClaimsPrincipal caller, TranslationDb db, TimeProvider clock, CancellationToken ct) =>
            PauseAsync(caller.AccountId(), request, db, clock, ct)).WithName("PauseMe").ProducesValidationProblem();
        mine.MapPost("/resume", (ClaimsPrincipal caller, TranslationDb db, TimeProvider clock, CancellationToken ct) =>
            ResumeAsync(caller.AccountId(), db, clock, ct)).WithName("ResumeMe");

        // A project's staff see the profiles of the people working in it and pause or resume them (a volunteer who keeps letting claims lapse).
        var theirs = routes.MapGroup("/accounts/{accountId}/profile").WithTags("Profiles").RequireAuthorization(Policies.ManageProjects)
            .AddEndpointFilter<AccountStaffFilter>() // only people working in a project the caller is staff of
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);
        theirs.MapGet("/", (Guid accountId, TranslationDb db, TimeProvider clock, CancellationToken ct) => GetAsync(accountId, db, clock, ct))
            .WithName("GetProfile");
        theirs.MapPost("/pause", (Guid accountId, PauseRequest request, TranslationDb db, TimeProvider clock, CancellationToken ct) =>
            PauseAsync(accountId, request, db, clock, ct)).WithName("PauseVolunteer").ProducesValidationProblem();
        theirs.MapPost("/resume", (Guid accountId, TranslationDb db, TimeProvider clock, CancellationToken ct) =>
            ResumeAsync(accountId, db, clock, ct)).WithName("ResumeVolunteer");
        return routes;
    }

    /// <summary>Your languages with levels, weekly capacity, time zone and availability.</summary>
    private static async Task<Results<Ok<ProfileResponse>, ProblemHttpResult>> UpdateMine(
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
        return TypedResults.Ok(ProfileResponse.From(profile.Value));
    }

    private static async Task<Results<Ok<ProfileResponse>, ProblemHttpResult>> GetAsync(Guid accountId, TranslationDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var profile = await LoadAsync(accountId, db, clock, cancellationToken);
        return profile.Succeeded ? TypedResults.Ok(ProfileResponse.From(profile.Value)) : profile.Error.ToProblem();
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
        return TypedResults.Ok(ProfileResponse.From(profile.Value));
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
        return TypedResults.Ok(ProfileResponse.From(profile.Value));
    }

    private static Task<Result<VolunteerProfile>> LoadAsync(Guid accountId, TranslationDb db, TimeProvider clock, CancellationToken cancellationToken) =>
        VolunteerProfiles.ForChangeAsync(db, accountId, clock.GetUtcNow(), cancellationToken);
}
