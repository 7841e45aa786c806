using System.Diagnostics;

namespace Wgig.Translate.Bench.Faults;

internal enum AppKind
{
    Api,
    Worker,
}

/// <summary>
/// An API or Worker process of the build the harness runs from (Debug under ./test, Release for measured runs),
/// its output in a log file of the run directory. <see cref="Kill"/> is SIGKILL: no shutdown code runs, as
/// when the kernel's OOM killer or a power cut ends a process.
/// </summary>
internal sealed class AppProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task _logging;

    private AppProcess(Process process, string logFile, Task logging)
    {
        (_process, LogFile, _logging) = (process, logFile, logging);
    }

    public string LogFile { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static AppProcess Start(Harness harness, string name, AppKind kind, string[] arguments, IReadOnlyDictionary<string, string> environment)
    {
        var project = kind == AppKind.Api ? "Wgig.Translate.Api" : "Wgig.Translate.Worker";
        var directory = Path.Combine(harness.Root, "src", project, "bin", harness.Configuration, "net10.0");
        var info = new ProcessStartInfo("dotnet", [Path.Combine(directory, project + ".dll"), .. arguments])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        var logFile = Path.Combine(harness.RunDirectory, $"{name}.log");
        var process = Process.Start(info)!;
        var started = new AppProcess(process, logFile, CopyOutputAsync(process, logFile));
        Live[started] = true;
        return started;
    }

    // The run's processes still alive, for the harness to end if it is itself stopped from outside.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<AppProcess, bool> Live = new();

    /// <summary>SIGKILL to every process of the run still alive (the harness stopped by Ctrl+C or a CI timeout).</summary>
    public static void KillAll()
    {
        foreach (var process in Live.Keys)
        {
            try
            {
                process.Kill();
            }
            catch (InvalidOperationException)
            {
                // gone already
            }
        }
    }

    /// <summary>A process's standard output and error, line by line, into a log file of the run.</summary>
    internal static async Task CopyOutputAsync(Process process, string logFile)
    {
        await using var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        await log.WriteLineAsync($"--- {process.Id} started {DateTimeOffset.UtcNow:O}");
        async Task Pump(StreamReader reader)
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                lock (log)
                {
                    log.WriteLine(line);
                }
            }
        }
        await Task.WhenAll(Pump(process.StandardOutput), Pump(process.StandardError));
    }

    /// <summary>SIGKILL, and the process is gone when this returns.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
        }
        _process.WaitForExit();
    }

    /// <summary>SIGTERM: the host's graceful shutdown, as a service manager stops it.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            using var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await term.WaitForExitAsync();
        }
        await _process.WaitForExitAsync();
    }

    public async Task WaitForExitAsync()
    {
        await _process.WaitForExitAsync();
        await _logging;
    }

    public void Dispose()
    {
        Kill();
        Live.TryRemove(this, out _);
        _process.Dispose();
    }
}
