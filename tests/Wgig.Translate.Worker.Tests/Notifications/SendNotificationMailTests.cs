using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Wgig.Translate.Tests;
using Wgig.Translate.Worker.Notifications;

namespace Wgig.Translate.Worker.Tests.Notifications;

/// <summary>Mail through a real SMTP server on loopback: Debian's python3-aiosmtpd, writing what it receives to a maildir.</summary>
public sealed class SendNotificationMailTests(TestDatabase database) : IClassFixture<TestDatabase>, IDisposable
{
    private static readonly Guid Ana = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid Cora = Guid.Parse("00000000-0000-0000-0000-0000000000c1");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero));
    private readonly DirectoryInfo _maildir = Directory.CreateTempSubdirectory("maildir");
    private readonly int _port = FreePort();
    private Process? _server;

    public void Dispose()
    {
        StopServer();
        _maildir.Delete(recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task StartServerAsync()
    {
        Assert.True(File.Exists("/usr/bin/python3"), "Debian's python3 is missing");
        _server = Process.Start(new ProcessStartInfo("/usr/bin/python3",
            ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{_port}", "-c", "aiosmtpd.handlers.Mailbox", Path.Combine(_maildir.FullName, "box")]) // Maildir creates it
        { RedirectStandardError = true, RedirectStandardOutput = true })!;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, _port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new InvalidOperationException($"aiosmtpd did not start: {await _server.StandardError.ReadToEndAsync()} (install python3-aiosmtpd; ./test does when run as root)");
    }

    private void StopServer()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill();
            _server.WaitForExit();
        }
        _server?.Dispose();
        _server = null;
    }

    private List<MimeMessage> Received()
    {
        var arrived = Path.Combine(_maildir.FullName, "box", "new");
        return Directory.Exists(arrived)
            ? [.. Directory.GetFiles(arrived).Select(f => MimeMessage.Load(f)).OrderBy(m => m.Subject, StringComparer.Ordinal)]
            : [];
    }

    private async Task<int> SendAsync(bool digest = false)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Translation"] = database.ConnectionString,
            ["DataProtection:KeyRingKey"] = TestDatabase.KeyRingKey,
            ["Mail:Host"] = "127.0.0.1",
            ["Mail:Port"] = _port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:UseStartTls"] = "false",
        }).Build();
        var collection = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        collection.AddWorkerServices();
        collection.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock));
        await using var services = collection.BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetRequiredService<SendNotificationMail>();
        return digest ? await job.RunDigestAsync(CancellationToken.None) : await job.RunAsync(CancellationToken.None);
    }

    private async Task SeedAsync()
    {
        await database.ResetAsync();
        await database.InsertAccountAsync(Ana, "Ana");
        await database.InsertAccountAsync(Cora, "Cora");
        await database.ExecuteAsync($"""
            INSERT INTO translate.volunteer_profiles (account_id, languages, capacity_words_per_week, time_zone, availability, paused, updated_at, mail, show_email_in_credits)
            VALUES ('{Cora}', '[]', 0, 'Europe/Zurich', '[]', false, now(), 'DailyDigest', false);
            INSERT INTO translate.notifications (id, account_id, kind, text, once_key, created_at, mail_attempts) VALUES
              (gen_random_uuid(), '{Ana}', 'ClaimEndingSoon', 'Your claim on paper.md (fr) ends soon.', 'a1', now(), 0),
              (gen_random_uuid(), '{Ana}', 'YouWerePaused', 'You were paused.', 'a2', now(), 0),
              (gen_random_uuid(), '{Cora}', 'VolunteerPaused', 'Ana was paused.', 'c1', now(), 0),
              (gen_random_uuid(), '{Cora}', 'VolunteerPaused', 'Bo was paused.', 'c2', now(), 0);
            """);
    }

    [Fact]
    public async Task Notifications_are_mailed_once_each_and_digests_once_a_day_at_seven_local_time()
    {
        await SeedAsync();
        await StartServerAsync();

        Assert.Equal(2, await SendAsync());
        Assert.Equal(0, await SendAsync());
        Assert.Equal(0, await SendAsync(digest: true)); // 07:00 UTC is 08:00 in Zurich
        _clock.Advance(TimeSpan.FromHours(23)); // 06:00 UTC = 07:00 in Zurich
        Assert.Equal(1, await SendAsync(digest: true));
        Assert.Equal(0, await SendAsync(digest: true));

        var mails = Received();
        Assert.Equal(["Wgig.Translate: 2 notification(s) today", "Wgig.Translate: you were paused", "Wgig.Translate: your claim ends soon"], mails.Select(m => m.Subject));
        Assert.Equal("cora@x.example", mails[0].To.Mailboxes.Single().Address);
        Assert.Contains("Ana was paused.", mails[0].TextBody, StringComparison.Ordinal);
        Assert.Contains("Bo was paused.", mails[0].TextBody, StringComparison.Ordinal);
        Assert.Equal("ana@x.example", mails[2].To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task When_the_server_is_down_mail_waits_and_is_retried_later_without_losing_anything()
    {
        await SeedAsync();

        Assert.Equal(0, await SendAsync()); // nobody listens on the port
        Assert.Equal([1, 1], await database.QueryAsync<int>($"SELECT mail_attempts FROM translate.notifications WHERE account_id = '{Ana}'"));

        await StartServerAsync();
        Assert.Equal(0, await SendAsync()); // the next attempt is a minute away
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(2, await SendAsync());
        Assert.Equal(2, Received().Count);
    }
}
