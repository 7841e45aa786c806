using System.Net;
using System.Net.Http.Json;
using Wgig.Translate.Api.Notifications;
using Wgig.Translate.Api.Paging;

namespace Wgig.Translate.Api.Tests.Notifications;

public sealed class NotificationsApiTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Volunteers_list_their_own_notifications_and_mark_them_read()
    {
        foreach (var (email, text, minutes) in new[] { ("volunteer@test.example", "first", 10), ("volunteer@test.example", "second", 5), ("volunteer2@test.example", "not yours", 1) })
        {
            await api.Database.ExecuteAsync($"""
                INSERT INTO translate.notifications (id, account_id, kind, text, once_key, created_at, mail_attempts)
                SELECT gen_random_uuid(), id, 'ClaimEndingSoon', '{text}', '{text}', now() - interval '{minutes} minutes', 0 FROM translate.accounts WHERE email = '{email}'
                """);
        }
        var volunteer = api.CreateClient(TestAccounts.VolunteerToken);

        var all = (await volunteer.GetFromJsonAsync<Paged<NotificationResponse>>("/api/me/notifications", ApiJson.Options))!;
        Assert.Equal(["second", "first"], all.Items.Select(n => n.Text));
        Assert.Equal(HttpStatusCode.NoContent, (await volunteer.PostAsync($"/api/me/notifications/{all.Items[0].Id}/read", null)).StatusCode);
        var unread = (await volunteer.GetFromJsonAsync<Paged<NotificationResponse>>("/api/me/notifications?unreadOnly=true", ApiJson.Options))!;
        Assert.Equal(["first"], unread.Items.Select(n => n.Text));

        var someoneElses = (await api.CreateClient(TestAccounts.SecondVolunteerToken).GetFromJsonAsync<Paged<NotificationResponse>>("/api/me/notifications", ApiJson.Options))!.Items[0].Id;
        await (await volunteer.PostAsync($"/api/me/notifications/{someoneElses}/read", null)).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.NoContent, (await volunteer.PostAsync("/api/me/notifications/read", null)).StatusCode);
        Assert.Equal(0, (await volunteer.GetFromJsonAsync<Paged<NotificationResponse>>("/api/me/notifications?unreadOnly=true", ApiJson.Options))!.TotalCount);
    }
}
