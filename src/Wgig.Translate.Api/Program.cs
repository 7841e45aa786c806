using System.Text.Json.Serialization;
using Hangfire;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Api.ApiDocs;
using Wgig.Translate.Api.Checks;
using Wgig.Translate.Api.Claims;
using Wgig.Translate.Api.Deadlines;
using Wgig.Translate.Api.Documents;
using Wgig.Translate.Api.Glossary;
using Wgig.Translate.Api.MachineTranslation;
using Wgig.Translate.Api.Memory;
using Wgig.Translate.Api.Health;
using Wgig.Translate.Api.Members;
using Wgig.Translate.Api.Notifications;
using Wgig.Translate.Api.Papers;
using Wgig.Translate.Api.Problems;
using Wgig.Translate.Api.Profiles;
using Wgig.Translate.Api.Projects;
using Wgig.Translate.Api.Publishing;
using Wgig.Translate.Api.Reviews;
using Wgig.Translate.Api.Suggestions;
using Wgig.Translate.Api.Translations;
using Wgig.Translate.Api.Xliff;
using Wgig.Translate.Domain.Claims;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Suggestions;
using Wgig.Translate.Jobs;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddTranslationStore();
builder.Services.AddJobStorage();
builder.Services.AddDocumentImport();
builder.Services.AddTranslationAids();
builder.Services.AddClaims();
builder.Services.AddAccounts();
builder.Services.AddApiProblemDetails();
builder.Services.AddHealth();
builder.Services.AddApiDocs();
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
builder.Services.AddUploadLimits();

var app = builder.Build();

app.UseApiProblemDetails();
app.UseAuthentication();
app.UseAuthorization();
app.MapApiDocs();
app.MapHealth();
// The Worker's jobs, queues and retries, for coordinators and admins (the dashboard runs in the API process).
app.MapHangfireDashboardWithAuthorizationPolicy(Policies.ViewJobs, "/hangfire", new DashboardOptions { DashboardTitle = "Wgig.Translate jobs", AppPath = "/docs" });
var api = app.MapGroup("/api").AddEndpointFilter<ProjectAccess>();
api.MapAccounts();
api.MapProjects();
api.MapDocuments();
api.MapXliff();
api.MapMembers();
api.MapClaims();
api.MapTranslations();
api.MapReviews();
api.MapProfiles();
api.MapNotifications();
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

app.Run();

public partial class Program;
