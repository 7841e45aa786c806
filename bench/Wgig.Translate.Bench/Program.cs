using System.Diagnostics;
using BenchmarkDotNet.Running;
using Wgig.Translate.Bench;

// "import FILE [OUT.xlf]" times one import of a file (or "import --sample N" of the sample N times) and
// writes its segments as XLIFF; anything else goes to BenchmarkDotNet (e.g. --filter '*' --job short).
if (args is ["import", .. var rest])
{
    var markdown = rest is ["--sample", var times, ..] ? ImportPipeline.Sample(int.Parse(times, System.Globalization.CultureInfo.InvariantCulture)) : File.ReadAllBytes(rest[0]);
    var output = rest.Length > (rest[0] == "--sample" ? 2 : 1) ? rest[^1] : null;
    await using var xliff = output is null ? Stream.Null : File.Create(output);
    var clock = Stopwatch.StartNew();
    var allocated = GC.GetTotalAllocatedBytes(precise: true);
    var segments = ImportPipeline.Run(markdown, xliff);
    clock.Stop();
    Console.WriteLine($"{markdown.Length:N0} bytes → {segments:N0} segments in {clock.Elapsed.TotalMilliseconds:N0} ms, " +
        $"{(GC.GetTotalAllocatedBytes(precise: true) - allocated) / (1024 * 1024):N0} MB allocated, peak working set {Environment.WorkingSet / (1024 * 1024):N0} MB");
    return 0;
}

// "load [--clients 1,16,64] [--claims 50]" drives claim-next over HTTP against the Release builds, beside pgbench.
if (args is ["load", .. var options])
{
    return await LoadHarness.RunAsync(options);
}

// "import-api [--sample 200] [--languages ar,zh,fr,ru,es]" times an upload and a new version through the API beside in-memory import + COPY.
if (args is ["import-api", .. var importOptions])
{
    return await ImportThroughApi.RunAsync(importOptions);
}

// "sweep [--count 100000]" times one reclaim sweep over that many expired leases, beside a bare UPDATE.
if (args is ["sweep", .. var sweepOptions])
{
    return await SweepBenchmark.RunAsync(sweepOptions);
}

// "editor [--segments 2000] [--requests 60]" times the web editor's pages beside the JSON API's read of the same segments.
if (args is ["editor", .. var editorOptions])
{
    return await EditorBenchmark.RunAsync(editorOptions);
}

// "dashboard [--documents 50] [--volunteers 200]" times the coordinator's dashboard beside the bare progress query.
if (args is ["dashboard", .. var dashboardOptions])
{
    return await DashboardBenchmark.RunAsync(dashboardOptions);
}

// "calls [--files 1,10,100,1000]" counts GitHub API calls per publication against the fake GitHub.
if (args is ["calls", .. var callOptions])
{
    return await PublicationCallsBenchmark.RunAsync(callOptions);
}

// "memory [--entries 1000000] [--lookups 300]" times memory lookups on a large memory, beside exact-key lookups.
if (args is ["memory", .. var memoryOptions])
{
    return await MemoryBenchmark.RunAsync(memoryOptions);
}

// "checks [--sample 200] [--profile]" checks a whole document of translations through the API's path, beside reading the rows;
// with --profile, each check and the inputs' shared work timed on their own, without the database.
if (args is ["checks", .. var checkOptions])
{
    if (checkOptions.Contains("--profile"))
    {
        return ChecksProfile.Run(checkOptions);
    }
    return await DocumentChecksBenchmark.RunAsync(checkOptions);
}

// "faults [--full] [--only a,b] [--seed N] [--out DIR] [--list]" runs the fault harness (docs/reliability.md).
if (args is ["faults", .. var faultOptions])
{
    return await Wgig.Translate.Bench.Faults.Harness.RunAsync(faultOptions);
}

BenchmarkSwitcher.FromAssembly(typeof(ImportBenchmarks).Assembly).Run(args);
return 0;
