using System.Net;
using System.Net.Http.Json;
using System.Text;
using Wgig.Translate.Api.Documents;
using Wgig.Translate.Api.Paging;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Api.Tests.Platform;

/// <summary>
/// Every endpoint × every kind of caller × every language it takes: who gets in (anything but 401/403)
/// and who is turned away. A new endpoint that is not in the matrix fails the coverage test, so nothing
/// ships without a decision about who may call it. Four test classes check a part each (<see cref="Area"/>):
/// one test walking all 1,500 requests in turn was the API tests' last 10 s, with a core idle.
/// </summary>
public abstract class AuthorizationMatrix(ApiFactory api, AuthorizationMatrix.Area area) : IAsyncLifetime
{
    protected ApiFactory Api => api;

    /// <summary>The part of the matrix this class checks.</summary>
    public Area Checked => area;

    [Fact]
    public Task Every_caller_gets_exactly_the_access_their_role_and_rights_give() => AssertEveryCallerGetsExactlyTheirAccessAsync(area);

    /// <summary>Who may call an endpoint.</summary>
    public enum Rule
    {
        Anyone,
        SignedIn,
        ProjectMember,

        /// <summary>Staff of this project (coordinators and the secretariat made its staff), and admins.</summary>
        Staff,

        /// <summary>Any coordinator, secretariat or admin account (creating a project, which makes them its staff).</summary>
        StaffRole,
        Admin,
        Inviter,
        JobWatcher,
        Publisher,
        TranslatorOfLanguage,
        ReviewerOfLanguage,

        /// <summary>Whoever may translate or review the language, and staff.</summary>
        WorkerOfLanguage,
    }

    private static readonly string[] Callers = ["anonymous", "outsider", "volunteer", "coordinator", "secretariat", "admin", "other coordinator"];

    // The volunteer may translate into fr; the coordinator may review fr; nobody holds a right in es. The coordinator
    // and the secretariat are staff of the project; the other coordinator is staff of none of the test's projects.
    private static bool Allowed(Rule rule, string caller, string language) => rule switch
    {
        Rule.Anyone => true,
        Rule.SignedIn => caller != "anonymous",
        Rule.ProjectMember => caller is not ("anonymous" or "outsider" or "other coordinator"),
        Rule.Staff => caller is "coordinator" or "secretariat" or "admin",
        Rule.StaffRole => caller is "coordinator" or "secretariat" or "admin" or "other coordinator",
        Rule.Admin => caller is "admin",
        Rule.Inviter => caller is "coordinator" or "admin" or "other coordinator",
        Rule.JobWatcher => caller is "coordinator" or "admin" or "other coordinator",
        Rule.Publisher => caller is "secretariat" or "admin",
        Rule.TranslatorOfLanguage => caller == "volunteer" && language == "fr",
        Rule.ReviewerOfLanguage => caller == "coordinator" && language == "fr",
        Rule.WorkerOfLanguage => caller is "coordinator" or "secretariat" or "admin" || (caller == "volunteer" && language == "fr"),
        _ => throw new ArgumentOutOfRangeException(nameof(rule)),
    };

    /// <param name="Web">A page or form of the web app: a signed-out caller is sent to the sign-in page, and a form posts with its antiforgery token.</param>
    protected sealed record Row(string Method, string Pattern, Rule Rule, string Url, object? Body = null, bool PerLanguage = false, bool Multipart = false, bool Web = false);

    private const string P = "/api/projects/{projectId}";
    private const string D = P + "/documents/{documentId}";
    private const string T = D + "/segments/{segmentId}/translations/{language}";
    private const string WP = "/projects/{projectId:guid}";
    private const string WD = WP + "/documents/{documentId:guid}/{language}";

    protected static readonly Row[] Matrix =
    [
        new("GET", "/health/live", Rule.Anyone, "/health/live"),
        new("GET", "/health/ready", Rule.Anyone, "/health/ready"),
        new("GET", "/openapi/{documentName}.json", Rule.Anyone, "/openapi/v1.json"),
        new("GET", "/", Rule.Anyone, "/", Web: true),
        new("GET", "/sign-in", Rule.Anyone, "/sign-in", Web: true),
        new("POST", "/sign-in", Rule.Anyone, "/sign-in", new { email = "nobody@example.org", password = "wrong password" }, Web: true),
        new("POST", "/sign-out", Rule.SignedIn, "/sign-out", new { }, Web: true),
        new("GET", "/accept-invitation", Rule.Anyone, "/accept-invitation?token=nope", Web: true),
        new("POST", "/accept-invitation", Rule.Anyone, "/accept-invitation", new { token = "nope" }, Web: true),
        new("POST", "/language", Rule.Anyone, "/language", new { culture = "fr", returnUrl = "/" }, Web: true),
        new("GET", "/reset-password", Rule.Anyone, "/reset-password", Web: true),
        new("POST", "/reset-password", Rule.Anyone, "/reset-password", new { email = "nobody@example.org" }, Web: true),
        new("POST", "/reset-password/new", Rule.Anyone, "/reset-password/new", new { token = "nope", password = "short" }, Web: true),
        new("GET", "/profile", Rule.SignedIn, "/profile", Web: true),
        new("POST", "/profile", Rule.SignedIn, "/profile", new { capacity = "many" }, Web: true),
        new("POST", "/profile/pause", Rule.SignedIn, "/profile/pause", new { reason = new string('x', 501) }, Web: true),
        new("POST", "/profile/resume", Rule.SignedIn, "/profile/resume", new { }, Web: true),
        new("POST", "/profile/tokens", Rule.SignedIn, "/profile/tokens", new { name = "" }, Web: true),
        new("POST", "/profile/tokens/{tokenId:guid}/revoke", Rule.SignedIn, "/profile/tokens/{random}/revoke", new { }, Web: true),
        new("GET", "/notifications", Rule.SignedIn, "/notifications", Web: true),
        new("POST", "/notifications/{notificationId:guid}/read", Rule.SignedIn, "/notifications/{random}/read", new { }, Web: true),
        new("POST", "/notifications/read", Rule.SignedIn, "/notifications/read", new { }, Web: true),
        new("POST", WP + "/{language}/claims", Rule.TranslatorOfLanguage, "/projects/{p}/{lang}/claims", new { }, PerLanguage: true, Web: true),
        new("GET", WD, Rule.ProjectMember, "/projects/{p}/documents/{d}/{lang}", PerLanguage: true, Web: true),
        new("POST", WD + "/claims", Rule.TranslatorOfLanguage, "/projects/{p}/documents/{d}/{lang}/claims", new { returnUrl = "/x" }, PerLanguage: true, Web: true),
        // A claim is the caller's own or not found: nobody else's can be renewed or released.
        new("POST", WD + "/claims/{claimId:guid}/renew", Rule.SignedIn, "/projects/{p}/documents/{d}/{lang}/claims/{random}/renew", new { }, Web: true),
        new("POST", WD + "/claims/{claimId:guid}/release", Rule.SignedIn, "/projects/{p}/documents/{d}/{lang}/claims/{random}/release", new { }, Web: true),
        new("POST", WD + "/review/claims", Rule.ReviewerOfLanguage, "/projects/{p}/documents/{d}/{lang}/review/claims", new { returnUrl = "/x" }, PerLanguage: true, Web: true),
        new("POST", WD + "/review/claims/{claimId:guid}/release", Rule.SignedIn, "/projects/{p}/documents/{d}/{lang}/review/claims/{random}/release", new { }, Web: true),
        new("POST", WD + "/review/claims/{claimId:guid}/approve", Rule.ReviewerOfLanguage, "/projects/{p}/documents/{d}/{lang}/review/claims/{random}/approve", new { read = "on" }, PerLanguage: true, Web: true),
        new("GET", WD + "/review", Rule.ReviewerOfLanguage, "/projects/{p}/documents/{d}/{lang}/review", PerLanguage: true, Web: true),
        new("POST", WD + "/segments/{segmentId:guid}", Rule.TranslatorOfLanguage, "/projects/{p}/documents/{d}/{lang}/segments/{s}", new { text = "x" }, PerLanguage: true, Web: true),
        new("POST", WD + "/segments/{segmentId:guid}/draft", Rule.TranslatorOfLanguage, "/projects/{p}/documents/{d}/{lang}/segments/{s}/draft", new { text = "x" }, PerLanguage: true, Web: true),
        new("GET", WD + "/segments/{segmentId:guid}", Rule.ProjectMember, "/projects/{p}/documents/{d}/{lang}/segments/{s}", PerLanguage: true, Web: true),
        new("POST", WD + "/segments/{segmentId:guid}/comments", Rule.ProjectMember, "/projects/{p}/documents/{d}/{lang}/segments/{s}/comments", new { text = "" }, PerLanguage: true, Web: true),
        new("POST", WD + "/segments/{segmentId:guid}/review", Rule.ReviewerOfLanguage, "/projects/{p}/documents/{d}/{lang}/segments/{s}/review", new { decision = "approve" }, PerLanguage: true, Web: true),
        new("POST", WD + "/xliff", Rule.TranslatorOfLanguage, "/projects/{p}/documents/{d}/{lang}/xliff", PerLanguage: true, Multipart: true, Web: true),
        new("GET", "/people", Rule.StaffRole, "/people", Web: true),
        new("GET", WP + "/invitations", Rule.Staff, "/projects/{p}/invitations", Web: true),
        new("POST", WP + "/invitations", Rule.Staff, "/projects/{p}/invitations", new { emails = "" }, Web: true),
        new("POST", WP + "/invitations/{invitationId:guid}/resend", Rule.Staff, "/projects/{p}/invitations/{random}/resend", new { }, Web: true),
        new("POST", WP + "/invitations/{invitationId:guid}/revoke", Rule.Staff, "/projects/{p}/invitations/{random}/revoke", new { }, Web: true),
        new("GET", WP + "/documents/{documentId:guid}/paper", Rule.ProjectMember, "/projects/{p}/documents/{d}/paper", Web: true),
        new("POST", "/people/{accountId:guid}/pause", Rule.StaffRole, "/people/{random}/pause", new { reason = "x" }, Web: true),
        new("POST", "/people/{accountId:guid}/resume", Rule.StaffRole, "/people/{random}/resume", new { }, Web: true),
        new("GET", "/projects", Rule.StaffRole, "/projects", Web: true),
        new("GET", WP + "/papers", Rule.Staff, "/projects/{p}/papers", Web: true),
        new("POST", WP + "/papers/{documentId:guid}/sign-off", Rule.Publisher, "/projects/{p}/papers/{d}/sign-off", new { }, Web: true),
        new("POST", WP + "/publications", Rule.Publisher, "/projects/{p}/publications", new { language = "fr" }, Web: true),
        new("GET", WP, Rule.Staff, "/projects/{p}", Web: true),
        new("GET", WP + "/people", Rule.Staff, "/projects/{p}/people", Web: true),
        new("POST", WP + "/people/{accountId:guid}/rights", Rule.Staff, "/projects/{p}/people/{random}/rights", new { language = "fr" }, Web: true),
        new("POST", WP + "/deadlines", Rule.Staff, "/projects/{p}/deadlines", new { due_x = "2000-01-01T00:00" }, Web: true),
        new("POST", WP + "/documents", Rule.Staff, "/projects/{p}/documents", Multipart: true, Web: true),
        new("POST", WP + "/versions", Rule.Staff, "/projects/{p}/versions", Multipart: true, Web: true),
        new("GET", WP + "/documents/{documentId:guid}/{language}/balance", Rule.Staff, "/projects/{p}/documents/{d}/{lang}/balance", PerLanguage: true, Web: true),
        new("POST", WP + "/documents/{documentId:guid}/{language}/balance", Rule.Staff, "/projects/{p}/documents/{d}/{lang}/balance", new { batch = "x" }, PerLanguage: true, Web: true),
        new("GET", WP + "/documents/{documentId:guid}/{language}/burn-down", Rule.Staff, "/projects/{p}/documents/{d}/{lang}/burn-down", PerLanguage: true, Web: true),
        new("POST", WP + "/documents/{documentId:guid}/{language}/take-back", Rule.Staff, "/projects/{p}/documents/{d}/{lang}/take-back", new { claimId = Guid.Empty }, PerLanguage: true, Web: true),
        new("GET", WP + "/settings", Rule.Staff, "/projects/{p}/settings", Web: true),
        new("POST", WP + "/settings/languages", Rule.Staff, "/projects/{p}/settings/languages", new { language = "" }, Web: true),
        new("POST", WP + "/settings/languages/{language}/remove", Rule.Staff, "/projects/{p}/settings/languages/xx/remove", new { }, Web: true),
        new("POST", WP + "/settings/ladder", Rule.Staff, "/projects/{p}/settings/ladder", new { remindBeforeClaimEnds = "soon" }, Web: true),
        new("POST", WP + "/settings/repository", Rule.Staff, "/projects/{p}/settings/repository", new { host = "GitHub" }, Web: true),
        new("POST", WP + "/settings/repository/check", Rule.Staff, "/projects/{p}/settings/repository/check", new { }, Web: true),
        new("POST", WP + "/settings/webhook-secret", Rule.Staff, "/projects/{p}/settings/webhook-secret", new { }, Web: true),
        new("GET", "/hangfire/{**path}", Rule.JobWatcher, "/hangfire"),
        new("POST", "/api/accounts", Rule.Anyone, "/api/accounts", new { invitation = "nope", password = "a long pass phrase", displayName = "X" }),
        new("POST", "/api/session", Rule.Anyone, "/api/session", new { email = "nobody@example.org", password = "wrong password" }),
        new("DELETE", "/api/session", Rule.SignedIn, "/api/session"),
        new("POST", "/api/password-reset", Rule.Anyone, "/api/password-reset", new { email = "nobody@example.org" }),
        new("POST", "/api/password-reset/complete", Rule.Anyone, "/api/password-reset/complete", new { token = "nope", password = "a long pass phrase" }),
        new("GET", "/api/me", Rule.SignedIn, "/api/me"),
        new("POST", "/api/me/password", Rule.SignedIn, "/api/me/password", new { currentPassword = "wrong", newPassword = "x" }),
        new("POST", "/api/accounts/{accountId}/disable", Rule.Admin, "/api/accounts/{random}/disable"),
        new("POST", "/api/accounts/{accountId}/enable", Rule.Admin, "/api/accounts/{random}/enable"),
        new("GET", "/api/me/tokens", Rule.SignedIn, "/api/me/tokens"),
        new("POST", "/api/me/tokens", Rule.SignedIn, "/api/me/tokens", new { name = "" }),
        new("DELETE", "/api/me/tokens/{tokenId}", Rule.SignedIn, "/api/me/tokens/{random}"),
        new("GET", "/api/me/profile", Rule.SignedIn, "/api/me/profile"),
        new("PUT", "/api/me/profile", Rule.SignedIn, "/api/me/profile", new { capacityWordsPerWeek = -1 }),
        new("POST", "/api/me/profile/pause", Rule.SignedIn, "/api/me/profile/pause", new { reason = new string('x', 501) }),
        new("POST", "/api/me/profile/resume", Rule.SignedIn, "/api/me/profile/resume"),
        new("GET", "/api/me/notifications", Rule.SignedIn, "/api/me/notifications"),
        new("GET", "/api/me/claims", Rule.SignedIn, "/api/me/claims"),
        new("POST", "/api/me/notifications/{notificationId}/read", Rule.SignedIn, "/api/me/notifications/{random}/read"),
        new("POST", "/api/me/notifications/read", Rule.SignedIn, "/api/me/notifications/read"),
        new("GET", "/api/invitations", Rule.Inviter, "/api/invitations"),
        new("POST", "/api/invitations/{invitationId}/resend", Rule.Inviter, "/api/invitations/{random}/resend"),
        new("DELETE", "/api/invitations/{invitationId}", Rule.Inviter, "/api/invitations/{random}"),
        new("POST", "/api/invitations", Rule.Inviter, "/api/invitations", new { email = "", role = "volunteer" }),
        new("GET", "/api/accounts/{accountId}/profile", Rule.Staff, "/api/accounts/{volunteer}/profile"),
        new("POST", "/api/accounts/{accountId}/profile/pause", Rule.Staff, "/api/accounts/{volunteer}/profile/pause", new { reason = "x" }),
        new("POST", "/api/accounts/{accountId}/profile/resume", Rule.Staff, "/api/accounts/{volunteer}/profile/resume"),
        new("GET", "/api/projects", Rule.SignedIn, "/api/projects"),
        new("POST", "/api/projects", Rule.StaffRole, "/api/projects", new { name = "" }),
        new("GET", P, Rule.ProjectMember, "/api/projects/{p}"),
        new("GET", P + "/staff", Rule.Staff, "/api/projects/{p}/staff"),
        new("PUT", P + "/staff/{accountId}", Rule.Staff, "/api/projects/{p}/staff/{random}"),
        new("DELETE", P + "/staff/{accountId}", Rule.Staff, "/api/projects/{p}/staff/{random}"),
        new("PUT", P + "/ladder", Rule.Staff, "/api/projects/{p}/ladder", new { remindBeforeClaimEnds = "00:00:00" }),
        new("POST", P + "/languages", Rule.Staff, "/api/projects/{p}/languages", new { language = "" }),
        new("DELETE", P + "/languages/{language}", Rule.Staff, "/api/projects/{p}/languages/xx"),
        new("POST", P + "/repository/check", Rule.Staff, "/api/projects/{p}/repository/check"),
        new("GET", P + "/repository", Rule.Staff, "/api/projects/{p}/repository"),
        new("PUT", P + "/repository", Rule.Staff, "/api/projects/{p}/repository", new { host = "GitHub" }),
        new("POST", P + "/repository/sync", Rule.Staff, "/api/projects/{p}/repository/sync"),
        new("POST", P + "/publications", Rule.Publisher, "/api/projects/{p}/publications", new { languages = Array.Empty<string>() }),
        new("GET", P + "/publications", Rule.ProjectMember, "/api/projects/{p}/publications"),
        new("GET", P + "/publications/{publicationId}", Rule.ProjectMember, "/api/projects/{p}/publications/{random}"),
        new("POST", "/webhooks/github/{projectId}", Rule.Anyone, "/webhooks/github/{p}", new { zen = "x" }),
        new("GET", P + "/papers", Rule.ProjectMember, "/api/projects/{p}/papers"),
        new("POST", D + "/sign-off", Rule.Publisher, "/api/projects/{p}/documents/{d}/sign-off"),
        new("GET", D + "/paper", Rule.ProjectMember, "/api/projects/{p}/documents/{d}/paper"),
        new("GET", D + "/paper/blocks", Rule.ProjectMember, "/api/projects/{p}/documents/{d}/paper/blocks"),
        new("GET", P + "/members", Rule.Staff, "/api/projects/{p}/members"),
        new("GET", "/api/people", Rule.StaffRole, "/api/people?q=a"),
        new("GET", P + "/people", Rule.Staff, "/api/projects/{p}/people?language={lang}", PerLanguage: true),
        new("GET", P + "/dashboard", Rule.Staff, "/api/projects/{p}/dashboard"),
        new("GET", P + "/activity", Rule.Staff, "/api/projects/{p}/activity?kind=Claim"),
        new("PUT", P + "/members/{accountId}/languages/{language}", Rule.Staff, "/api/projects/{p}/members/{random}/languages/{lang}", new { canTranslate = true, canReview = false }, PerLanguage: true),
        new("GET", P + "/reviews", Rule.ProjectMember, "/api/projects/{p}/reviews?language={lang}", PerLanguage: true),
        new("GET", P + "/documents", Rule.ProjectMember, "/api/projects/{p}/documents"),
        new("POST", P + "/documents", Rule.Staff, "/api/projects/{p}/documents", Multipart: true),
        new("GET", D, Rule.ProjectMember, "/api/projects/{p}/documents/{d}"),
        new("POST", D + "/versions", Rule.Staff, "/api/projects/{p}/documents/{d}/versions", Multipart: true),
        new("GET", D + "/segments", Rule.ProjectMember, "/api/projects/{p}/documents/{d}/segments"),
        new("GET", D + "/export", Rule.ProjectMember, "/api/projects/{p}/documents/{d}/export?language={lang}", PerLanguage: true),
        new("GET", D + "/credits", Rule.ProjectMember, "/api/projects/{p}/documents/{d}/credits?language={lang}", PerLanguage: true),
        new("POST", D + "/progress/recount", Rule.Staff, "/api/projects/{p}/documents/{d}/progress/recount"),
        new("GET", D + "/xliff", Rule.ProjectMember, "/api/projects/{p}/documents/{d}/xliff?language={lang}", PerLanguage: true),
        new("POST", D + "/xliff", Rule.TranslatorOfLanguage, "/api/projects/{p}/documents/{d}/xliff?language={lang}", PerLanguage: true, Multipart: true),
        new("POST", D + "/claims", Rule.TranslatorOfLanguage, "/api/projects/{p}/documents/{d}/claims", new { language = "{lang}", words = 1 }, PerLanguage: true),
        new("GET", D + "/assignments/proposal", Rule.Staff, "/api/projects/{p}/documents/{d}/assignments/proposal?language={lang}", PerLanguage: true),
        new("POST", D + "/assignments", Rule.Staff, "/api/projects/{p}/documents/{d}/assignments", new { language = "{lang}", assignments = new[] { new { volunteerId = Guid.Empty, kind = "Translate", segmentIds = new[] { Guid.Empty } } } }, PerLanguage: true),
        new("GET", D + "/deadlines/{language}", Rule.ProjectMember, "/api/projects/{p}/documents/{d}/deadlines/{lang}", PerLanguage: true),
        new("PUT", D + "/deadlines/{language}", Rule.Staff, "/api/projects/{p}/documents/{d}/deadlines/{lang}", new { dueAt = "2020-01-01T00:00:00Z" }, PerLanguage: true),
        new("GET", D + "/claims", Rule.Staff, "/api/projects/{p}/documents/{d}/claims?language={lang}", PerLanguage: true),
        new("POST", D + "/claims/{claimId}/take-back", Rule.Staff, "/api/projects/{p}/documents/{d}/claims/{random}/take-back", new { }),
        new("POST", D + "/claims/{claimId}/renew", Rule.ProjectMember, "/api/projects/{p}/documents/{d}/claims/{random}/renew"),
        new("POST", D + "/claims/{claimId}/release", Rule.ProjectMember, "/api/projects/{p}/documents/{d}/claims/{random}/release"),
        new("POST", D + "/reviews", Rule.ReviewerOfLanguage, "/api/projects/{p}/documents/{d}/reviews", new { language = "{lang}" }, PerLanguage: true),
        new("POST", D + "/reviews/{claimId}/release", Rule.ProjectMember, "/api/projects/{p}/documents/{d}/reviews/{random}/release"),
        new("POST", D + "/reviews/{claimId}/approve", Rule.ProjectMember, "/api/projects/{p}/documents/{d}/reviews/{random}/approve"),
        new("GET", T, Rule.ProjectMember, "/api/projects/{p}/documents/{d}/segments/{s}/translations/{lang}", PerLanguage: true),
        new("PUT", T, Rule.TranslatorOfLanguage, "/api/projects/{p}/documents/{d}/segments/{s}/translations/{lang}", new { runs = new[] { new { text = "x" } } }, PerLanguage: true),
        new("PUT", T + "/draft", Rule.TranslatorOfLanguage, "/api/projects/{p}/documents/{d}/segments/{s}/translations/{lang}/draft", new { runs = new[] { new { text = "x" } } }, PerLanguage: true),
        new("POST", T + "/review", Rule.ReviewerOfLanguage, "/api/projects/{p}/documents/{d}/segments/{s}/translations/{lang}/review", new { decision = "approve" }, PerLanguage: true),
        new("GET", T + "/history", Rule.ProjectMember, "/api/projects/{p}/documents/{d}/segments/{s}/translations/{lang}/history", PerLanguage: true),
        new("GET", T + "/suggestions", Rule.WorkerOfLanguage, "/api/projects/{p}/documents/{d}/segments/{s}/translations/{lang}/suggestions", PerLanguage: true),
        new("POST", T + "/checks", Rule.WorkerOfLanguage, "/api/projects/{p}/documents/{d}/segments/{s}/translations/{lang}/checks", new { runs = new[] { new { text = "x" } } }, PerLanguage: true),
        new("PUT", T + "/checks/{check}/mute", Rule.WorkerOfLanguage, "/api/projects/{p}/documents/{d}/segments/{s}/translations/{lang}/checks/whitespace/mute", new { reason = "" }, PerLanguage: true),
        new("DELETE", T + "/checks/{check}/mute", Rule.WorkerOfLanguage, "/api/projects/{p}/documents/{d}/segments/{s}/translations/{lang}/checks/whitespace/mute", PerLanguage: true),
        new("GET", P + "/checks", Rule.ProjectMember, "/api/projects/{p}/checks"),
        new("PUT", P + "/checks/{check}", Rule.Staff, "/api/projects/{p}/checks/numbers", new { level = "Nonsense" }),
        new("GET", D + "/checks", Rule.ProjectMember, "/api/projects/{p}/documents/{d}/checks?language={lang}", PerLanguage: true),
        new("GET", P + "/memory/search", Rule.ProjectMember, "/api/projects/{p}/memory/search?language={lang}&q=group", PerLanguage: true),
        new("GET", P + "/memory/tmx", Rule.Staff, "/api/projects/{p}/memory/tmx"),
        new("POST", P + "/memory/tmx", Rule.Staff, "/api/projects/{p}/memory/tmx", Multipart: true),
        new("POST", D + "/pretranslation", Rule.Staff, "/api/projects/{p}/documents/{d}/pretranslation", new { language = "{lang}", inContextOnly = true }, PerLanguage: true),
        new("GET", P + "/shares", Rule.Staff, "/api/projects/{p}/shares"),
        new("PUT", P + "/shares/{resource}/{otherProjectId}", Rule.Staff, "/api/projects/{p}/shares/memory/{random}"),
        new("DELETE", P + "/shares/{resource}/{otherProjectId}", Rule.Staff, "/api/projects/{p}/shares/glossary/{random}"),
        new("GET", P + "/glossary", Rule.ProjectMember, "/api/projects/{p}/glossary"),
        new("POST", P + "/glossary", Rule.Staff, "/api/projects/{p}/glossary", new { terms = Array.Empty<object>() }),
        new("PUT", P + "/glossary/{entryId}", Rule.Staff, "/api/projects/{p}/glossary/{random}", new { terms = Array.Empty<object>() }),
        new("DELETE", P + "/glossary/{entryId}", Rule.Staff, "/api/projects/{p}/glossary/{random}"),
        new("GET", P + "/glossary/export", Rule.ProjectMember, "/api/projects/{p}/glossary/export?format=csv"),
        new("POST", P + "/glossary/import", Rule.Staff, "/api/projects/{p}/glossary/import", Multipart: true),
        new("GET", P + "/machine-translation", Rule.ProjectMember, "/api/projects/{p}/machine-translation"),
        new("PUT", P + "/machine-translation/{language}", Rule.Staff, "/api/projects/{p}/machine-translation/{lang}", new { engine = "nowhere" }, PerLanguage: true),
        new("GET", T + "/comments", Rule.ProjectMember, "/api/projects/{p}/documents/{d}/segments/{s}/translations/{lang}/comments", PerLanguage: true),
        new("POST", T + "/comments", Rule.ProjectMember, "/api/projects/{p}/documents/{d}/segments/{s}/translations/{lang}/comments", new { text = "" }, PerLanguage: true),
        new("POST", P + "/claims", Rule.TranslatorOfLanguage, "/api/projects/{p}/claims", new { language = "{lang}", words = 1 }, PerLanguage: true),
        new("GET", "/api/me/work", Rule.SignedIn, "/api/me/work"),
    ];

    private readonly Dictionary<string, string> _ids = [];

    /// <summary>The seeded project, document, segment and volunteer, by the placeholder the rows' URLs use for them ("{p}", …).</summary>
    protected IReadOnlyDictionary<string, string> Ids => _ids;

    public async Task InitializeAsync()
    {
        await api.ResetAsync();
        var coordinator = api.CreateClient(TestAccounts.CoordinatorToken);
        var projectId = await coordinator.CreateProjectAsync(targets: ["fr", "es"]);
        var document = (await (await coordinator.UploadAsync(projectId, "paper.md", "The group met.\n\nIt wrote a report.\n"u8.ToArray()))
            .Content.ReadFromJsonAsync<DocumentResponse>(ApiJson.Options))!;
        var segment = (await coordinator.GetFromJsonAsync<Paged<SegmentResponse>>($"/api/projects/{projectId}/documents/{document.Id}/segments", ApiJson.Options))!.Items[0];
        var volunteer = await AccountAsync("volunteer@test.example");
        await coordinator.PutAsJsonAsync($"/api/projects/{projectId}/members/{volunteer}/languages/fr", new { canTranslate = true, canReview = false });
        await coordinator.PutAsJsonAsync($"/api/projects/{projectId}/members/{await AccountAsync("coordinator@test.example")}/languages/fr", new { canTranslate = false, canReview = true });
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PutAsync($"/api/projects/{projectId}/staff/{await AccountAsync("secretariat@test.example")}", null)).StatusCode);
        _ids["{p}"] = projectId.ToString();
        _ids["{d}"] = document.Id.ToString();
        _ids["{s}"] = segment.Id.ToString();
        _ids["{volunteer}"] = volunteer.ToString();
    }

    public Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
        return Task.CompletedTask;
    }

    protected async Task<Guid> AccountAsync(string email) =>
        (await api.Database.QueryAsync<Guid>($"SELECT id FROM translate.accounts WHERE email = '{email}'")).Single();

    // One client per caller for a test, as one browser per person: its cookies (the antiforgery cookie among them) carry
    // from request to request, and the antiforgery token of the first page it loaded serves all its forms.
    private readonly Dictionary<string, HttpClient> _clients = [];
    private readonly Dictionary<string, string> _antiforgeryTokens = [];

    protected HttpClient ClientFor(string caller)
    {
        if (_clients.TryGetValue(caller, out var kept))
        {
            return kept;
        }
        // Redirects are answers here: a page sends a signed-out caller to the sign-in page.
        var client = api.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        _clients[caller] = client;
        var token = caller switch
        {
            "anonymous" => null,
            "outsider" => TestAccounts.SecondVolunteerToken,
            "volunteer" => TestAccounts.VolunteerToken,
            "coordinator" => TestAccounts.CoordinatorToken,
            "secretariat" => TestAccounts.SecretariatToken,
            "other coordinator" => TestAccounts.OtherCoordinatorToken,
            _ => TestAccounts.AdminToken,
        };
        client.DefaultRequestHeaders.Authorization = token is null ? null : new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A part of the matrix that one test class checks, so that the parts run side by side, each on a host and a database of its own.</summary>
    public enum Area
    {
        /// <summary>The web app's pages and forms that volunteers use, and those open to anyone.</summary>
        VolunteersPages,

        /// <summary>The web app's pages and forms for coordinators and the secretariat.</summary>
        StaffPages,

        /// <summary>The API under a project: its documents, translations, claims, reviews, memory, glossary, publishing.</summary>
        ProjectEndpoints,

        /// <summary>The rest of the API (accounts, tokens, invitations, people, the project list), health, OpenAPI and the jobs dashboard.</summary>
        AccountAndPlatformEndpoints,
    }

    private static Area AreaOf(Row row) => row switch
    {
        { Web: true, Rule: Rule.Staff or Rule.StaffRole or Rule.Publisher } => Area.StaffPages,
        { Web: true } => Area.VolunteersPages,
        _ when row.Pattern.StartsWith(P, StringComparison.Ordinal) || row.Pattern.StartsWith("/webhooks/", StringComparison.Ordinal) => Area.ProjectEndpoints,
        _ => Area.AccountAndPlatformEndpoints,
    };

    /// <summary>Every row of <paramref name="area"/> × every caller × every language it takes, one request each, in the matrix's order.</summary>
    private async Task AssertEveryCallerGetsExactlyTheirAccessAsync(Area area)
    {
        var wrong = new List<string>();
        // The language form sets the interface language's cookie, which each caller's client would carry into every later
        // row: it goes last, so the rest are answered in the default language as before.
        var rows = Matrix.Where(row => AreaOf(row) == area).OrderBy(row => row.Pattern == "/language").ToList();
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            foreach (var language in row.PerLanguage ? new[] { "fr", "es" } : ["fr"])
            {
                foreach (var caller in Callers)
                {
                    var client = ClientFor(caller);
                    using var response = await client.SendAsync(await RequestAsync(client, row, language, caller));
                    var status = (int)response.StatusCode;
                    var allowed = Allowed(row.Rule, caller, language);
                    var signInPage = row.Web && caller == "anonymous";
                    var ok = allowed
                        ? status is not (401 or 403) || row.Pattern is "/api/session" or "/webhooks/github/{projectId}" && status == 401 // a wrong password or signature is a 401 for anyone
                        : signInPage
                            ? status == 302 && response.Headers.Location?.OriginalString.Contains("/sign-in?returnUrl=", StringComparison.Ordinal) == true
                            : status == (caller == "anonymous" ? 401 : 403);
                    if (!ok)
                    {
                        wrong.Add($"{row.Method} {row.Pattern} [{language}] as {caller}: {status}, expected {(allowed ? "access" : signInPage ? "302 to the sign-in page" : caller == "anonymous" ? "401" : "403")}");
                    }
                    if (status >= 500)
                    {
                        wrong.Add($"{row.Method} {row.Pattern} [{language}] as {caller}: {status} {await response.Content.ReadAsStringAsync()}");
                    }
                }
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    protected static string Normalize(string pattern) => "/" + System.Text.RegularExpressions.Regex.Replace(pattern.Trim('/'), @"\{[^}]+\}", "{}");

    // A web form posts as a browser does: with the antiforgery token of a page the same caller loaded.
    private async Task<HttpRequestMessage> RequestAsync(HttpClient client, Row row, string language, string caller)
    {
        var request = Request(row, language);
        if (!row.Web || row.Method == "GET")
        {
            return request;
        }
        if (!_antiforgeryTokens.TryGetValue(caller, out var token))
        {
            var page = await client.GetStringAsync(caller == "anonymous" ? "/sign-in" : "/");
            token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
            _antiforgeryTokens[caller] = token;
        }
        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = token };
        if (row.Body is not null)
        {
            foreach (var property in row.Body.GetType().GetProperties())
            {
                fields[property.Name] = property.GetValue(row.Body)?.ToString() ?? "";
            }
        }
        if (row.Multipart)
        {
            var form = (MultipartFormDataContent)request.Content!;
            form.Add(new StringContent(token), "__RequestVerificationToken");
        }
        else
        {
            request.Content = new FormUrlEncodedContent(fields);
        }
        return request;
    }

    private HttpRequestMessage Request(Row row, string language)
    {
        string Fill(string text)
        {
            text = text.Replace("{lang}", language, StringComparison.Ordinal).Replace("{random}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
            return _ids.Aggregate(text, (t, id) => t.Replace(id.Key, id.Value, StringComparison.Ordinal));
        }
        var request = new HttpRequestMessage(new HttpMethod(row.Method), Fill(row.Url));
        if (row.Multipart)
        {
            request.Content = new MultipartFormDataContent { { new ByteArrayContent("not a document"u8.ToArray()), "file", "x.md" } };
        }
        else if (row.Body is not null)
        {
            request.Content = new StringContent(Fill(System.Text.Json.JsonSerializer.Serialize(row.Body)), Encoding.UTF8, "application/json");
        }
        return request;
    }
}
