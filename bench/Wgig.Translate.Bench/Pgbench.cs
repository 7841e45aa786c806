using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Wgig.Translate.Bench;

/// <summary>
/// PostgreSQL's own load driver as the baseline: raw SQL scripts run by pgbench against the same database in
/// the same run, with latencies per transaction from its log (and per script, when several share a run).
/// </summary>
public static class Pgbench
{
    public sealed record Script(string Name, string Sql, int Weight = 1);

    public sealed record Result(double Seconds, IReadOnlyDictionary<string, double[]> LatenciesMs)
    {
        public int Transactions => LatenciesMs.Values.Sum(l => l.Length);
    }

    /// <param name="transactions">Per client (-t); or run for <paramref name="seconds"/> (-T).</param>
    /// <param name="rate">Target transactions per second over all clients (-R), to match an HTTP run's load; null: as fast as it goes.</param>
    public static Result Run(string database, string root, IReadOnlyList<Script> scripts, int clients, IReadOnlyDictionary<string, string> variables,
        int? transactions = null, int? seconds = null, double? rate = null)
    {
        var work = Directory.CreateTempSubdirectory("pgbench");
        try
        {
            var arguments = new List<string> { "-n", "-c", $"{clients}", "-j", $"{Math.Min(clients, 4)}", "-l", "--log-prefix", Path.Combine(work.FullName, "log") };
            arguments.AddRange(transactions is { } t ? ["-t", $"{t}"] : ["-T", $"{seconds ?? 10}"]);
            if (rate is { } r)
            {
                arguments.AddRange(["-R", r.ToString("0.###", CultureInfo.InvariantCulture)]);
            }
            for (var i = 0; i < scripts.Count; i++)
            {
                var file = Path.Combine(work.FullName, $"{i}.sql");
                File.WriteAllText(file, scripts[i].Sql);
                arguments.AddRange(["-f", $"{file}@{scripts[i].Weight}"]);
            }
            foreach (var (name, value) in variables)
            {
                arguments.AddRange(["-D", $"{name}={value}"]);
            }
            var builder = new NpgsqlConnectionStringBuilder(database);
            arguments.Add(builder.Database!);
            var executable = File.Exists("/usr/bin/pgbench") ? "/usr/bin/pgbench"
                : Directory.GetFiles("/usr/lib/postgresql", "pgbench", SearchOption.AllDirectories).Order().Last();
            var info = new ProcessStartInfo(executable, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
            info.Environment["PGHOST"] = builder.Host;
            info.Environment["PGPORT"] = builder.Port.ToString(CultureInfo.InvariantCulture);
            info.Environment["PGUSER"] = builder.Username;
            info.Environment["PGPASSWORD"] = builder.Password;
            info.Environment["PGSSLMODE"] = builder.SslMode == SslMode.Disable ? "disable" : "prefer";
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"pgbench failed: {output.Result}{errors}");
            }
            // Log lines: client transaction latency_us script_no epoch_s epoch_us [lag_us]
            var rows = Directory.GetFiles(work.FullName, "log*").SelectMany(File.ReadLines)
                .Select(line => line.Split(' '))
                .Select(parts => (Script: int.Parse(parts[3], CultureInfo.InvariantCulture), Ms: double.Parse(parts[2], CultureInfo.InvariantCulture) / 1000,
                    At: long.Parse(parts[4], CultureInfo.InvariantCulture) * 1_000_000 + long.Parse(parts[5], CultureInfo.InvariantCulture)))
                .ToList();
            var span = rows.Count < 2 ? 1 : (rows.Max(r => r.At) - rows.Min(r => r.At)) / 1e6;
            var tps = System.Text.RegularExpressions.Regex.Match(output.Result, @"tps = ([\d.]+) \(without initial connection time\)");
            var elapsed = tps.Success ? rows.Count / double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture) : span;
            return new Result(elapsed, scripts.Select((s, i) => (s.Name, i)).ToDictionary(s => s.Name, s => rows.Where(r => r.Script == s.i).Select(r => r.Ms).ToArray()));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
