using System.Diagnostics;
using System.Globalization;

namespace Wgig.Translate.Bench.Faults;

/// <summary>What one scenario found: each invariant checked, with what was seen, and the numbers it measured.</summary>
internal sealed class ScenarioReport(string name)
{
    private readonly List<(bool Passed, string Invariant, string Detail)> _checks = [];
    private readonly List<(string What, string Value)> _measures = [];

    public string Name { get; } = name;

    public bool Passed => _checks.Count > 0 && _checks.All(c => c.Passed);

    public IReadOnlyList<(bool Passed, string Invariant, string Detail)> Checks => _checks;

    public IReadOnlyList<(string What, string Value)> Measures => _measures;

    public TimeSpan Elapsed { get; set; }

    /// <summary>Records an invariant; a broken one fails the run (and is printed at once).</summary>
    public bool Check(bool holds, string invariant, string detail = "")
    {
        _checks.Add((holds, invariant, detail));
        if (!holds)
        {
            Console.WriteLine($"  FAILED [{Name}] {invariant}: {detail}");
        }
        return holds;
    }

    public void Measure(string what, string value) => _measures.Add((what, value));

    public void Measure(string what, double value, string unit) => Measure(what, string.Create(CultureInfo.InvariantCulture, $"{value:N1} {unit}"));
}

/// <summary>One fault scenario: it builds what it needs on the harness's cluster, injects the fault, and checks the database after.</summary>
internal interface IFaultScenario
{
    string Name { get; }

    /// <summary>One line: the fault and what must hold afterwards.</summary>
    string Description { get; }

    Task RunAsync(Harness harness, ScenarioReport report);
}

/// <summary>
/// The fault harness: real API and Worker processes (the build it runs from), a PostgreSQL cluster of its own,
/// faults injected from outside (SIGKILL, the database stopped, hostile uploads), invariants checked in the
/// database afterwards. A fixed seed makes the random kill points and mutants the same from run to run.
/// </summary>
internal sealed class Harness
{
    private static readonly IFaultScenario[] Scenarios =
    [
        new StaleLockScenario(),
        new WorkerKillScenario(),
        new ApiKillScenario(),
        new FuzzScenario(),
        new BackupScenario(),
        new DatabaseRestartScenario(),
        new ScaleOutScenario(),
    ];

    /// <summary>Left out of the short form: a throughput comparison means nothing on CI's shared cores, and its
    /// correctness (recurring jobs once, no segment twice) is also in the test suite.</summary>
    private static readonly string[] FullRunOnly = ["scale-out"];

    private int _databases;

    private Harness(string root, string configuration, string runDirectory, int seed, bool full)
    {
        (Root, Configuration, RunDirectory, Seed, Full) = (root, configuration, runDirectory, seed, full);
        Random = new Random(seed);
    }

    public string Root { get; }

    /// <summary>Debug or Release: the API and Worker builds next to the harness's own.</summary>
    public string Configuration { get; }

    /// <summary>Logs of every process, the cluster, crashing inputs: kept after the run.</summary>
    public string RunDirectory { get; }

    public int Seed { get; }

    /// <summary>The full run (the documented command) rather than the short form CI runs.</summary>
    public bool Full { get; }

    public Random Random { get; }

    public Cluster Cluster { get; private set; } = null!;

    /// <summary>The short form's size, or the full run's.</summary>
    public int Size(int shortRun, int fullRun) => Full ? fullRun : shortRun;

    public static async Task<int> RunAsync(string[] args)
    {
        var full = args.Contains("--full");
        var seed = int.Parse(LoadHarness.Option(args, "--seed", "19"), CultureInfo.InvariantCulture);
        var only = LoadHarness.Option(args, "--only", "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var root = LoadHarness.Option(args, "--root", LoadHarness.FindRoot());
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var runDirectory = LoadHarness.Option(args, "--out", Path.Combine(Path.GetTempPath(), $"wgig-faults-{DateTime.UtcNow:yyyyMMdd-HHmmss}"));
        if (Directory.Exists(runDirectory) && Directory.EnumerateFileSystemEntries(runDirectory).Any())
        {
            Console.Error.WriteLine($"{runDirectory} is not empty; give --out an empty or new directory.");
            return 2;
        }
        Directory.CreateDirectory(runDirectory);
        var harness = new Harness(root, configuration, runDirectory, seed, full);
        var chosen = Scenarios.Where(s => only.Length == 0 ? full || !FullRunOnly.Contains(s.Name) : only.Contains(s.Name)).ToList();
        if (args.Contains("--list"))
        {
            chosen.ForEach(s => Console.WriteLine($"{s.Name,-16} {s.Description}"));
            return 0;
        }
        Console.WriteLine($"Fault harness: {(full ? "full" : "short")} run, seed {seed}, {configuration} build, {Environment.ProcessorCount} cores, logs in {runDirectory}");
        var reports = new List<ScenarioReport>();
        // Stopped from outside (Ctrl+C, a CI job's timeout): no API, Worker or PostgreSQL of the run outlives the harness.
        void Interrupted(System.Runtime.InteropServices.PosixSignalContext context)
        {
            Console.Error.WriteLine($"Fault harness stopped by {context.Signal}: ending its processes and its cluster; logs in {runDirectory}");
            AppProcess.KillAll();
            if (harness.Cluster is { } cluster)
            {
                cluster.StopNow();
            }
        }
        using var interrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, Interrupted);
        using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, Interrupted);
        await using (harness.Cluster = await Cluster.CreateAsync(Path.Combine(runDirectory, "cluster")))
        {
            foreach (var scenario in chosen)
            {
                var report = new ScenarioReport(scenario.Name);
                Console.WriteLine($"- {scenario.Name}: {scenario.Description}");
                var clock = Stopwatch.StartNew();
                try
                {
                    await scenario.RunAsync(harness, report);
                }
                catch (Exception e)
                {
                    report.Check(false, "the scenario ran to its end", e.ToString());
                }
                report.Elapsed = clock.Elapsed;
                reports.Add(report);
                Console.WriteLine($"  {(report.Passed ? "passed" : "FAILED")}: {report.Checks.Count(c => c.Passed)} of {report.Checks.Count} invariants held, {report.Elapsed.TotalSeconds:N0} s");
                foreach (var (what, value) in report.Measures)
                {
                    Console.WriteLine($"    {what}: {value}");
                }
            }
        }
        var summary = Path.Combine(runDirectory, "summary.md");
        await File.WriteAllLinesAsync(summary, Summarize(reports, harness));
        Console.WriteLine($"{reports.Count(r => r.Passed)} of {reports.Count} scenarios passed; summary in {summary}");
        return reports.All(r => r.Passed) ? 0 : 1;
    }

    private static IEnumerable<string> Summarize(List<ScenarioReport> reports, Harness harness)
    {
        yield return $"Fault harness, {(harness.Full ? "full" : "short")} run, seed {harness.Seed}, {harness.Configuration} build, {Environment.ProcessorCount} cores, {DateTime.UtcNow:u}";
        yield return "";
        foreach (var report in reports)
        {
            yield return $"## {report.Name}: {(report.Passed ? "passed" : "FAILED")} ({report.Elapsed.TotalSeconds:N0} s)";
            yield return "";
            foreach (var (passed, invariant, detail) in report.Checks.DistinctBy(c => (c.Passed, c.Invariant)))
            {
                var times = report.Checks.Count(c => c.Invariant == invariant && c.Passed == passed);
                yield return $"- {(passed ? "held" : "BROKEN")}{(times > 1 ? $" ×{times}" : "")}: {invariant}{(passed || detail.Length == 0 ? "" : $" — {detail}")}";
            }
            foreach (var (what, value) in report.Measures)
            {
                yield return $"- {what}: {value}";
            }
            yield return "";
        }
    }

    /// <summary>A fresh, migrated database on the harness's cluster, for one scenario.</summary>
    public Task<string> CreateDatabaseAsync(string purpose) =>
        Cluster.CreateDatabaseAsync(this, $"wgig_{purpose}_{Interlocked.Increment(ref _databases)}");

    /// <summary>One key ring key for every process of the run, as one deployment shares one.</summary>
    private static readonly string KeyRingKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// What every API and Worker process of the harness runs with: its database, its key ring key, the run directory as
    /// the root of local repositories, the fake GitHub's loopback host allowed, and job timings shortened so that a
    /// killed Worker's job is picked up again, and Hangfire's locks it left are free again, within seconds (production: a
    /// minute), as configuration, not code.
    /// </summary>
    public Dictionary<string, string> AppSettings(string database, params (string Key, string Value)[] more)
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Translation"] = database,
            ["DataProtection__KeyRingKey"] = KeyRingKey,
            ["Repositories__LocalRoot"] = RunDirectory,
            ["Repositories__AllowedApiHosts__0"] = "127.0.0.1",
            ["Jobs__InvisibilityTimeout"] = "00:00:05",
            // A Worker killed while Hangfire moved a job's state on leaves that job's state lock: the next Worker takes the job
            // again after the invisibility timeout but waits for the lock this long (production: a minute, longer than the
            // checks wait for a job to finish).
            ["Jobs__DistributedLockTimeout"] = "00:00:05",
            ["Jobs__QueuePollInterval"] = "00:00:01",
            ["Jobs__SchedulePollingInterval"] = "00:00:01",
            ["Jobs__WorkerCount"] = "4",
            ["Logging__LogLevel__Wgig"] = "Information",
            ["GitHub__RetryDelays__0"] = "00:00:00.100",
            ["GitHub__RetryDelays__1"] = "00:00:00.500",
            ["GitHub__RetryDelays__2"] = "00:00:01",
        };
        foreach (var (key, value) in more)
        {
            environment[key] = value;
        }
        return environment;
    }

    /// <summary>Waits for a condition in the database or over HTTP, polling; false once the time is up.</summary>
    public static async Task<bool> WaitAsync(Func<Task<bool>> condition, TimeSpan timeout, TimeSpan? poll = null)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            try
            {
                if (await condition())
                {
                    return true;
                }
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or HttpRequestException or TaskCanceledException)
            {
                // not there yet
            }
            await Task.Delay(poll ?? TimeSpan.FromMilliseconds(100));
        }
        return false;
    }
}
