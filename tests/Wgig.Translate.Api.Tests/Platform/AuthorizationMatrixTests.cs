using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Wgig.Translate.Api.Claims;
using Wgig.Translate.Api.Paging;
using Wgig.Translate.Api.Projects;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Api.Tests.Platform;

/// <summary>The authorization matrix (<see cref="AuthorizationMatrix"/>): the volunteers' pages, and who may see what.</summary>
[RunsLong(4)]
public sealed class AuthorizationMatrixTests(ApiFactory api) : AuthorizationMatrix(api, AuthorizationMatrix.Area.VolunteersPages), IClassFixture<ApiFactory>
{
    [Fact]
    public void Every_area_of_the_matrix_has_one_class_that_checks_it()
    {
        // The classes are made without a host here: only the area they were given is read.
        var checkedAreas = typeof(AuthorizationMatrix).Assembly.GetTypes()
            .Where(type => type.IsSubclassOf(typeof(AuthorizationMatrix)) && !type.IsAbstract)
            .Select(type => ((AuthorizationMatrix)Activator.CreateInstance(type, [null])!).Checked);

        Assert.Equal(Enum.GetValues<Area>().Order(), checkedAreas.Order());
    }

    [Fact]
    public void Every_endpoint_is_in_the_matrix()
    {
        var endpoints = Api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !e.RoutePattern.RawText!.StartsWith("/docs", StringComparison.Ordinal)) // the documentation page's static files
            // Health checks answer any method; GET stands for them.
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => $"{m} {Normalize(e.RoutePattern.RawText!)}"))
            .ToHashSet();
        var covered = Matrix.Select(r => $"{r.Method} {Normalize(r.Pattern)}").ToHashSet();

        Assert.Empty(endpoints.Except(covered).Order(StringComparer.Ordinal));
        Assert.Empty(covered.Except(endpoints).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_coordinator_with_the_review_right_still_cannot_review_their_own_translation()
    {
        var coordinator = ClientFor("coordinator");
        var me = await AccountAsync("coordinator@test.example");
        await coordinator.PutAsJsonAsync($"/api/projects/{Ids["{p}"]}/members/{me}/languages/fr", new { canTranslate = true, canReview = true });
        var claim = (await (await coordinator.PostAsJsonAsync($"/api/projects/{Ids["{p}"]}/documents/{Ids["{d}"]}/claims", new { language = "fr", words = 1 }))
            .Content.ReadFromJsonAsync<ClaimResponse>(ApiJson.Options))!;
        var url = $"/api/projects/{Ids["{p}"]}/documents/{Ids["{d}"]}/segments/{claim.SegmentIds[0]}/translations/fr";
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PutAsJsonAsync(url, new { runs = new[] { new { text = "Le groupe s’est réuni." } } })).StatusCode);

        await (await coordinator.PostAsJsonAsync($"{url}/review", new { decision = "approve" })).AssertProblemAsync(HttpStatusCode.Forbidden, "a different volunteer must review it");
        await (await coordinator.PostAsJsonAsync($"/api/projects/{Ids["{p}"]}/documents/{Ids["{d}"]}/reviews", new { language = "fr" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "is waiting for you");
    }

    [Fact]
    public async Task An_outsider_sees_no_project_in_the_list_and_a_member_sees_theirs()
    {
        var outsider = (await ClientFor("outsider").GetFromJsonAsync<Paged<ProjectResponse>>("/api/projects", ApiJson.Options))!;
        var member = (await ClientFor("volunteer").GetFromJsonAsync<Paged<ProjectResponse>>("/api/projects", ApiJson.Options))!;

        Assert.Equal(0, outsider.TotalCount);
        Assert.Equal(Ids["{p}"], Assert.Single(member.Items).Id.ToString());
    }

    [Fact]
    public async Task A_volunteer_never_sees_another_volunteers_draft()
    {
        var volunteer = ClientFor("volunteer");
        var claim = (await (await volunteer.PostAsJsonAsync($"/api/projects/{Ids["{p}"]}/documents/{Ids["{d}"]}/claims", new { language = "fr", words = 1 }))
            .Content.ReadFromJsonAsync<ClaimResponse>(ApiJson.Options))!;
        var url = $"/api/projects/{Ids["{p}"]}/documents/{Ids["{d}"]}/segments/{claim.SegmentIds[0]}/translations/fr";
        Assert.Equal(HttpStatusCode.OK, (await volunteer.PutAsJsonAsync($"{url}/draft", new { runs = new[] { new { text = "Brouillon secret" } } })).StatusCode);
        await Api.Database.ExecuteAsync($"INSERT INTO translate.project_members (id, project_id, account_id, language, can_translate, can_review, granted_by, granted_at) SELECT gen_random_uuid(), '{Ids["{p}"]}', id, 'fr', true, false, id, now() FROM translate.accounts WHERE email = 'volunteer2@test.example'");

        foreach (var other in new[] { "outsider", "coordinator", "secretariat", "admin" })
        {
            using var response = await ClientFor(other).GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("Brouillon secret", body, StringComparison.Ordinal);
        }
        Assert.Contains("Brouillon secret", await volunteer.GetStringAsync(url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coordinators_see_the_job_dashboard_and_volunteers_are_turned_away()
    {
        using var page = await ClientFor("coordinator").GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Wgig.Translate jobs", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await (await ClientFor("volunteer").GetAsync("/hangfire/recurring")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await ClientFor("anonymous").GetAsync("/hangfire")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}

[RunsLong(3)]
public sealed class AuthorizationMatrixStaffPagesTests(ApiFactory api)
    : AuthorizationMatrix(api, AuthorizationMatrix.Area.StaffPages), IClassFixture<ApiFactory>;

[RunsLong(3)]
public sealed class AuthorizationMatrixProjectEndpointsTests(ApiFactory api)
    : AuthorizationMatrix(api, AuthorizationMatrix.Area.ProjectEndpoints), IClassFixture<ApiFactory>;

[RunsLong(3)]
public sealed class AuthorizationMatrixAccountEndpointsTests(ApiFactory api)
    : AuthorizationMatrix(api, AuthorizationMatrix.Area.AccountAndPlatformEndpoints), IClassFixture<ApiFactory>;
