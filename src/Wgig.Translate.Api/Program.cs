using System.Text.Json.Serialization;
using Hangfire;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Api.ApiDocs;
using Wgig.Translate.Api.Checks;
using Wgig.Translate.Api.Claims;
using Wgig.Translate.Api.Comments;
using Wgig.Translate.Api.Dashboard;
using Wgig.Translate.Api.Deadlines;
using Wgig.Translate.Api.Documents;
using Wgig.Translate.Api.Glossary;
using Wgig.Translate.Api.MachineTranslation;
using Wgig.Translate.Api.Memory;
using Wgig.Translate.Api.Health;
using Wgig.Translate.Api.Members;
using Wgig.Translate.Api.Notifications;
using Wgig.Translate.Api.Papers;
using Wgig.Translate.Api.People;
using Wgig.Translate.Api.Problems;
using Wgig.Translate.Api.Profiles;
using Wgig.Translate.Api.Projects;
using Wgig.Translate.Api.Publishing;
using Wgig.Translate.Api.Reviews;
using Wgig.Translate.Api.Suggestions;
using Wgig.Translate.Api.Security;
using Wgig.Translate.Api.Translations;
using Wgig.Translate.Api.Web;
using Wgig.Translate.Api.Work;
using Wgig.Translate.Api.Xliff;
using Wgig.Translate.Domain.Claims;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Suggestions;
using Wgig.Translate.Domain.Security;
using Wgig.Translate.Jobs;
using Wgig.Translate.Security;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddTranslationStore();
builder.Services.AddKeyRing();
builder.Services.AddOptions<RepositoryAccessOptions>().BindConfiguration(RepositoryAccessOptions.Section);
builder.Services.AddJobStorage();
builder.Services.AddDocumentImport();
builder.Services.AddTranslationAids();
builder.Services.AddKeptCheckSettings();
builder.Services.AddClaims();
builder.Services.AddAccounts();
builder.Services.AddApiProblemDetails();
builder.Services.AddHealth();
builder.Services.AddApiDocs();
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
builder.Services.AddUploadLimits();
builder.Services.AddApiRateLimits();
builder.Services.AddAntiforgery();
builder.Services.AddWebApp();
// The web app's stylesheet and scripts from the project's wwwroot when run from the build output (./run), not only in Development.
builder.WebHost.UseStaticWebAssets();

var app = builder.Build();

app.UseSecurityHeaders();
app.UseApiProblemDetails();
app.UseWebApp();
// Routing after the headers and the problem details: the health probes short-circuit at routing and must carry them too.
app.UseRouting();
app.UseAuthentication();
app.UseCsrfGuard();
app.UseRateLimiter();
app.UseAuthorization();
app.UseOutputCache();
app.UseAntiforgery();
app.UseAccountEmails();
app.MapApiDocs();
app.MapHealth();
// The Worker's jobs, queues and retries, for coordinators and admins (the dashboard runs in the API process);
// only admins may trigger, requeue or delete jobs.
app.MapHangfireDashboardWithAuthorizationPolicy(Policies.ViewJobs, "/hangfire", new DashboardOptions
{
    DashboardTitle = "Wgig.Translate jobs",
    AppPath = "/docs",
    IsReadOnlyFunc = context => !Hangfire.Dashboard.AspNetCoreDashboardContextExtensions.GetHttpContext(context).User.IsInRole(Wgig.Translate.Domain.Accounts.Roles.Admin),
});
var api = app.MapGroup("/api").AddEndpointFilter<ProjectAccess>().AddEndpointFilter<TextGuard>();
api.MapAccounts();
api.MapInvitations();
api.MapProjects();
api.MapProjectStaff();
api.MapDocuments();
api.MapXliff();
api.MapMembers();
api.MapPeople();
api.MapDashboard();
api.MapClaims();
api.MapTranslations();
api.MapReviews();
api.MapProfiles();
api.MapNotifications();
api.MapWork();
api.MapComments();
api.MapDeadlines();
api.MapRepositoryConnection();
api.MapPublications();
api.MapPapers();
api.MapSuggestions();
api.MapChecks();
api.MapMemory();
api.MapShares();
api.MapGlossary();
api.MapMachineTranslation();
app.MapGitHubWebhook();
app.MapWebApp();

app.Run();

public partial class Program;
