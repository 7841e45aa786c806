using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Claims;
using Wgig.Translate.Domain.Profiles;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Domain.People;

/// <summary>Which people to list. All filters are optional and combine.</summary>
/// <param name="ProjectId">Only people with a right in this project (a project's directory); none: the whole instance.</param>
/// <param name="Search">Part of the name or e-mail address, any case.</param>
/// <param name="Language">People who hold a right in this language, or name it in their profile.</param>
/// <param name="Role">volunteer, coordinator, secretariat or admin.</param>
/// <param name="Paused">Only paused people (true) or only active ones (false).</param>
public sealed record PeopleQuery(Guid? ProjectId = null, string? Search = null, string? Language = null, string? Role = null, bool? Paused = null,
    int Page = 1, int PageSize = 50)
{
    public const int MaxPageSize = 200;

    public const int MaxSearchLength = 256;

    public const int MaxPage = 100_000;

    /// <summary>A query from what someone typed or sent: every bad value is named, with what is allowed.</summary>
    /// <param name="status">"paused", "active", or empty for both.</param>
    public static Common.Result<PeopleQuery> Parse(Guid? projectId, string? search, string? language, string? role, string? status, int? page, int? pageSize)
    {
        var errors = new Common.ValidationErrors();
        var text = string.IsNullOrWhiteSpace(search) ? null : search.Trim();
        if (text?.Length > MaxSearchLength)
        {
            errors.Add("q", $"A search has at most {MaxSearchLength} characters.");
        }
        string? tag = null;
        if (!string.IsNullOrWhiteSpace(language) && !Languages.LanguageTag.TryNormalize(language, out tag, out var problem))
        {
            errors.Add("language", problem);
        }
        var chosenRole = string.IsNullOrWhiteSpace(role) ? null : role.Trim().ToLowerInvariant();
        if (chosenRole is not null && !Accounts.Roles.All.Contains(chosenRole))
        {
            errors.Add("role", $"The role is one of {string.Join(", ", Accounts.Roles.All)}.");
        }
        var state = status?.Trim().ToLowerInvariant();
        bool? paused = state switch { "paused" => true, "active" => false, _ => null };
        if (state is not (null or "" or "paused" or "active"))
        {
            errors.Add("status", "The status is paused or active (or none for both).");
        }
        if (page is < 1 or > MaxPage)
        {
            errors.Add("page", $"page is between 1 and {MaxPage:N0}; got {page}.");
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            errors.Add("pageSize", $"pageSize is between 1 and {MaxPageSize}; got {pageSize}.");
        }
        if (errors.Any)
        {
            return errors.ToError("The people query is not valid.");
        }
        return new PeopleQuery(projectId, text, tag, chosenRole, paused, page ?? 1, pageSize ?? 50);
    }
}

/// <summary>A right one person holds in one project × target language.</summary>
public sealed record PersonRight(Guid ProjectId, string ProjectName, string Language, bool CanTranslate, bool CanReview);

/// <summary>One person as coordinators see them: who, what they may do, how much they carry and how reliably.</summary>
/// <param name="OpenWords">Words in their live translation claims now (their current load).</param>
/// <param name="SubmittedWordsThisWeek">Words they handed in (translated, or corrected in review) over the last seven days.</param>
/// <param name="ReviewedWordsThisWeek">Words they approved or sent back over the last seven days.</param>
/// <param name="Lapses">Claims that ran out on them unfinished over the last <see cref="PeopleDirectory.LapseWindow"/>.</param>
/// <param name="LastActiveAt">Their latest claim, submission or review; null when they never worked.</param>
public sealed record Person(Guid AccountId, string Name, string Email, IReadOnlyList<string> Roles, IReadOnlyList<PersonRight> Rights,
    IReadOnlyList<ProfileLanguage> Languages, int CapacityWordsPerWeek, int OpenWords, int SubmittedWordsThisWeek, int ReviewedWordsThisWeek,
    int Lapses, bool Paused, string? PausedReason, DateTimeOffset? LastActiveAt, DateTimeOffset JoinedAt);

public sealed record PeoplePage(IReadOnlyList<Person> Items, int Page, int PageSize, int Total);

/// <summary>
/// The people directory: every account in scope with its roles, rights, profile languages and levels, capacity,
/// load, recent output, lapses and last activity, read in a handful of grouped queries for one page of people.
/// The same read serves the JSON API (/api/people, /api/projects/{id}/people), the people pages and the
/// dashboard's workload chart.
/// </summary>
public sealed class PeopleDirectory(TranslationDb db, TimeProvider clock)
{
    /// <summary>How far back lapsed claims count: the window of the pause rule (three lapses in thirty days).</summary>
    public static readonly TimeSpan LapseWindow = TimeSpan.FromDays(30);

    public static readonly TimeSpan Week = TimeSpan.FromDays(7);

    /// <param name="within">The projects whose people the reader may see; null: everyone (an admin).</param>
    public async Task<PeoplePage> ReadAsync(PeopleQuery query, IQueryable<Guid>? within, CancellationToken cancellationToken)
    {
        var accounts = db.Users.AsNoTracking().AsQueryable();
        if (query.ProjectId is { } projectId)
        {
            accounts = accounts.Where(a => db.ProjectMembers.Any(m => m.AccountId == a.Id && m.ProjectId == projectId && (m.CanTranslate || m.CanReview)));
        }
        if (within is not null)
        {
            // Staff see the people who work in their projects, and themselves.
            accounts = accounts.Where(a => db.ProjectMembers.Any(m => m.AccountId == a.Id && within.Contains(m.ProjectId)));
        }
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = "%" + EscapeLike(query.Search.Trim()) + "%";
            accounts = accounts.Where(a => EF.Functions.ILike(a.DisplayName, pattern, "\\") || EF.Functions.ILike(a.Email!, pattern, "\\"));
        }
        if (query.Language is { } language)
        {
            var asJson = System.Text.Json.JsonSerializer.Serialize(new[] { new { language } });
            accounts = accounts.Where(a => db.ProjectMembers.Any(m => m.AccountId == a.Id && m.Language == language && (m.CanTranslate || m.CanReview)
                    && (query.ProjectId == null || m.ProjectId == query.ProjectId))
                || db.VolunteerProfiles.Any(p => p.AccountId == a.Id && EF.Functions.JsonContains(p.Languages, asJson)));
        }
        if (query.Role is { } role)
        {
            accounts = accounts.Where(a => db.UserRoles.Any(ur => ur.UserId == a.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
        }
        if (query.Paused is { } paused)
        {
            accounts = paused
                ? accounts.Where(a => db.VolunteerProfiles.Any(p => p.AccountId == a.Id && p.Paused))
                : accounts.Where(a => !db.VolunteerProfiles.Any(p => p.AccountId == a.Id && p.Paused));
        }

        var total = await accounts.CountAsync(cancellationToken);
        var found = await accounts.OrderBy(a => a.DisplayName).ThenBy(a => a.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(a => new { a.Id, a.DisplayName, a.Email, a.CreatedAt })
            .ToListAsync(cancellationToken);
        var ids = found.Select(a => a.Id).ToList();
        var people = await DescribeAsync(ids, query.ProjectId, within, cancellationToken);
        return new PeoplePage([.. found.Select(a => people(a.Id, a.DisplayName, a.Email ?? "", a.CreatedAt))], query.Page, query.PageSize, total);
    }

    /// <summary>One person, as the directory shows them; null when the account does not exist.</summary>
    public async Task<Person?> FindAsync(Guid accountId, Guid? projectId, IQueryable<Guid>? within, CancellationToken cancellationToken)
    {
        var account = await db.Users.AsNoTracking().Where(a => a.Id == accountId).Select(a => new { a.Id, a.DisplayName, a.Email, a.CreatedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            return null;
        }
        var describe = await DescribeAsync([accountId], projectId, within, cancellationToken);
        return describe(account.Id, account.DisplayName, account.Email ?? "", account.CreatedAt);
    }

    private async Task<Func<Guid, string, string, DateTimeOffset, Person>> DescribeAsync(List<Guid> ids, Guid? projectId, IQueryable<Guid>? within,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var weekAgo = now - Week;
        var lapseSince = now - LapseWindow;

        var roles = (await db.UserRoles.Where(ur => ids.Contains(ur.UserId)).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken)).ToLookup(r => r.UserId, r => r.Name ?? "");
        var rightsQuery = db.ProjectMembers.AsNoTracking().Where(m => ids.Contains(m.AccountId) && (m.CanTranslate || m.CanReview));
        if (projectId is { } only)
        {
            rightsQuery = rightsQuery.Where(m => m.ProjectId == only);
        }
        if (within is not null)
        {
            rightsQuery = rightsQuery.Where(m => within.Contains(m.ProjectId));
        }
        var rights = (await rightsQuery.Join(db.Projects, m => m.ProjectId, p => p.Id, (m, p) => new { m.AccountId, Right = new PersonRight(p.Id, p.Name, m.Language, m.CanTranslate, m.CanReview) })
            .ToListAsync(cancellationToken)).ToLookup(r => r.AccountId, r => r.Right);
        var profiles = await VolunteerProfiles.ReadAsync(db, ids, now, cancellationToken);
        var open = await db.Claims.Where(c => ids.Contains(c.VolunteerId) && c.Kind == ClaimKind.Translation && c.ReleasedAt == null && c.ExpiresAt > now)
            .GroupBy(c => c.VolunteerId).Select(g => new { g.Key, Words = g.Sum(c => c.Words) })
            .ToDictionaryAsync(x => x.Key, x => x.Words, cancellationToken);
        var lapses = await db.Claims.Where(c => ids.Contains(c.VolunteerId) && c.LapsedAt != null && c.LapsedAt >= lapseSince)
            .GroupBy(c => c.VolunteerId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var output = await db.TargetEvents.Where(e => e.ActorId != null && ids.Contains(e.ActorId.Value) && e.At >= weekAgo
                && (e.Kind == TargetEventKind.Submitted || e.Kind == TargetEventKind.EditedAndApproved || e.Kind == TargetEventKind.Approved
                    || e.Kind == TargetEventKind.Rejected))
            .Join(db.Targets, e => e.TargetId, t => t.Id, (e, t) => new { e.ActorId, e.Kind, t.SegmentId })
            .Join(db.Segments, x => x.SegmentId, s => s.Id, (x, s) => new { Volunteer = x.ActorId!.Value, x.Kind, s.WordCount })
            .GroupBy(x => new { x.Volunteer, Submitted = x.Kind == TargetEventKind.Submitted || x.Kind == TargetEventKind.EditedAndApproved })
            .Select(g => new { g.Key.Volunteer, g.Key.Submitted, Words = g.Sum(x => x.WordCount) })
            .ToListAsync(cancellationToken);
        var lastEvent = await db.TargetEvents.Where(e => e.ActorId != null && ids.Contains(e.ActorId.Value))
            .GroupBy(e => e.ActorId!.Value).Select(g => new { g.Key, At = g.Max(e => e.At) })
            .ToDictionaryAsync(x => x.Key, x => x.At, cancellationToken);
        var lastClaim = await db.Claims.Where(c => ids.Contains(c.VolunteerId))
            .GroupBy(c => c.VolunteerId).Select(g => new { g.Key, At = g.Max(c => c.CreatedAt) })
            .ToDictionaryAsync(x => x.Key, x => x.At, cancellationToken);

        return (id, name, email, joined) =>
        {
            var profile = profiles[id];
            DateTimeOffset? last = (lastEvent.TryGetValue(id, out var e), lastClaim.TryGetValue(id, out var c)) switch
            {
                (true, true) => e > c ? e : c,
                (true, false) => e,
                (false, true) => c,
                _ => null,
            };
            return new Person(id, name, email, [.. roles[id].Order(StringComparer.Ordinal)],
                [.. rights[id].OrderBy(r => r.ProjectName, StringComparer.CurrentCulture).ThenBy(r => r.Language, StringComparer.Ordinal)],
                profile.Languages, profile.CapacityWordsPerWeek, open.GetValueOrDefault(id),
                output.Where(o => o.Volunteer == id && o.Submitted).Sum(o => o.Words),
                output.Where(o => o.Volunteer == id && !o.Submitted).Sum(o => o.Words),
                lapses.GetValueOrDefault(id), profile.Paused, profile.PausedReason, last, joined);
        };
    }

    private static string EscapeLike(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
