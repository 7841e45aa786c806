using System.Diagnostics;

namespace Wgig.Translate.Bench;

/// <summary>
/// A profiler attached to a running process for one measured part, its output named after the part.
/// WGIG_LOAD_PROFILER=perf: Linux perf's CPU samples with call graphs (perf.data; the API must run with
/// DOTNET_PerfMapEnabled=1 and DOTNET_EnableWriteXorExecute=0 so that perf names JIT-compiled methods; the harness sets both); read with `perf report`.
/// Otherwise dotnet-trace's thread-time sampling (the .NET tool, `dotnet tool install -g dotnet-trace`), a .nettrace file;
/// read with `dotnet-trace convert --format Speedscope` or PerfView. Thread-time samples every thread at about 100 Hz,
/// idle ones too, so for CPU per call perf is the sharper of the two.
/// </summary>
public sealed class Profiler : IDisposable
{
    private readonly Process _collector;
    private readonly string _folder;
    private readonly string _file;

    private Profiler(Process collector, string folder, string file) => (_collector, _folder, _file) = (collector, folder, file);

    public static async Task<Profiler> StartAsync(Process target, string folder)
    {
        Directory.CreateDirectory(folder);
        var pid = target.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (Environment.GetEnvironmentVariable("WGIG_LOAD_PROFILER") == "perf")
        {
            var data = Path.Combine(folder, $"trace-{Guid.NewGuid():N}.perf.data");
            var perf = Process.Start(new ProcessStartInfo("perf", ["record", "-F", "999", "-g", "-p", pid, "-o", data]) { RedirectStandardError = true })
                ?? throw new InvalidOperationException("perf did not start");
            _ = perf.StandardError.ReadToEndAsync();
            await Task.Delay(TimeSpan.FromSeconds(1));
            return new Profiler(perf, folder, data);
        }
        var file = Path.Combine(folder, $"trace-{Guid.NewGuid():N}.nettrace");
        var tool = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools", "dotnet-trace");
        var info = new ProcessStartInfo(File.Exists(tool) ? tool : "dotnet-trace",
            ["collect", "-p", pid, "--profile", "dotnet-sampled-thread-time", "-o", file])
        {
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
        };
        var collector = Process.Start(info) ?? throw new InvalidOperationException("dotnet-trace did not start");
        // The session is open once the tool says so; samples before that line are lost.
        while (await collector.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.Contains("Output File", StringComparison.Ordinal))
            {
                break;
            }
        }
        _ = collector.StandardOutput.ReadToEndAsync();
        await Task.Delay(TimeSpan.FromSeconds(1));
        return new Profiler(collector, folder, file);
    }

    /// <summary>Ends the session (SIGINT, as Ctrl+C would) and names the trace after the part it covered.</summary>
    public async Task StopAsync(string part)
    {
        using (var interrupt = Process.Start("kill", ["-INT", _collector.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await interrupt.WaitForExitAsync();
        }
        await _collector.WaitForExitAsync();
        var name = string.Concat(part.Select(c => char.IsLetterOrDigit(c) ? c : '-'));
        File.Move(_file, Path.Combine(_folder, name + (_file.EndsWith(".perf.data", StringComparison.Ordinal) ? ".perf.data" : ".nettrace")), overwrite: true);
    }

    public void Dispose() => _collector.Dispose();
}
