using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Wgig.Translate.Tests;

/// <summary>
/// Debian's Apertium web service (apertium-apy, with apertium-eng-spa) as a real machine translation peer: one
/// server per test process on a free port, started when a test first needs it and stopped when the process ends.
/// Also two addresses for engines that fail: one that accepts connections and never answers, one where nothing listens.
/// </summary>
public static class Apertium
{
    public const string Modes = "/usr/share/apertium/modes";

    public static int Port { get; } = FreePort();

    public static Uri Url { get; } = new($"http://127.0.0.1:{Port}/");

    // The kernel completes connections to a listening socket nobody accepts from: requests go out and no answer comes.
    private static readonly TcpListener Silent = StartSilent();

    public static Uri SilentUrl { get; } = new($"http://127.0.0.1:{((IPEndPoint)Silent.LocalEndpoint).Port}/");

    public static Uri DownUrl { get; } = new($"http://127.0.0.1:{FreePort()}/");

    private static readonly Lazy<Task> Server = new(StartAsync);

    public static Task EnsureRunningAsync() => Server.Value;

    private static async Task StartAsync()
    {
        Assert.True(File.Exists("/usr/bin/apertium-apy") && File.Exists(Path.Combine(Modes, "eng-spa.mode")),
            "apertium-apy and apertium-eng-spa are missing: install the Debian packages (./test does when run as root).");
        var process = Process.Start(new ProcessStartInfo("/usr/bin/apertium-apy", ["-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), Modes])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        process.ErrorDataReceived += (_, _) => { };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        };
        // Ready when it answers which pairs it has; it takes a second or two to load its modes.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(Url, "listPairs"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
            }
            Assert.False(process.HasExited, "apertium-apy exited at start-up.");
            Assert.True(DateTime.UtcNow < deadline, "apertium-apy did not answer within a minute.");
            await Task.Delay(100);
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static TcpListener StartSilent()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start(backlog: 64);
        return listener;
    }
}
