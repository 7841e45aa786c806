using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Wgig.Translate.Bench.Faults;

/// <summary>
/// A PostgreSQL cluster of the harness's own (initdb in the run directory, loopback only, trust authentication),
/// so a scenario can stop and start the database under load, which a shared server does not allow. As root, the
/// cluster belongs to the 'postgres' user, since initdb and postgres refuse root, as in ./run.
/// </summary>
internal sealed class Cluster : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _data;
    private readonly string _log;

    private Cluster(string bin, string data, int port)
    {
        (_bin, _data, Port) = (bin, data, port);
        _log = data + ".log";
    }

    public int Port { get; }

    public static async Task<Cluster> CreateAsync(string directory)
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
            .OrderBy(d => d, StringComparer.Ordinal).LastOrDefault() ?? throw new InvalidOperationException("No PostgreSQL server under /usr/lib/postgresql: apt-get install postgresql");
        Directory.CreateDirectory(directory);
        var data = Path.Combine(directory, "postgres");
        if (IsRoot)
        {
            await RunAsync("chown", ["postgres", directory]);
        }
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "wgig", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"], asOwner: true);
        var cluster = new Cluster(bin, data, FreePort());
        await cluster.StartAsync();
        return cluster;
    }

    public string ConnectionString(string database, int maxPoolSize = 100) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = Port, Username = "wgig", Database = database, MaxPoolSize = maxPoolSize,
    }.ConnectionString;

    public Task StartAsync() => RunAsync(Path.Combine(_bin, "pg_ctl"),
        ["-D", _data, "-l", _log, "-w", "-o", $"-c listen_addresses=127.0.0.1 -p {Port} -c unix_socket_directories='' -c max_connections=400", "start"], asOwner: true);

    /// <summary>As a crash or a failover does: no checkpoint, every session cut; the next start recovers from the WAL.</summary>
    public Task StopImmediatelyAsync() => RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", _data, "-m", "immediate", "-w", "stop"], asOwner: true);

    public Task StopAsync() => RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", _data, "-m", "fast", "-w", "stop"], asOwner: true);

    /// <summary>A new, empty database, migrated by the Worker's own set-up step; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(Harness harness, string name)
    {
        await using (var admin = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false"))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }
        var database = ConnectionString(name);
        using var migrate = AppProcess.Start(harness, "migrate", AppKind.Worker, ["migrate"], harness.AppSettings(database));
        await migrate.WaitForExitAsync();
        return migrate.ExitCode == 0 ? database : throw new InvalidOperationException($"migrate failed; see {migrate.LogFile}");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", _data, "-m", "immediate", "stop"], asOwner: true);
        }
        catch (InvalidOperationException)
        {
            // not running
        }
    }

    /// <summary>An immediate stop that waits for nothing but pg_ctl, for a harness stopped from outside.</summary>
    public void StopNow()
    {
        var info = IsRoot ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", Path.Combine(_bin, "pg_ctl"), "-D", _data, "-m", "immediate", "stop"])
            : new ProcessStartInfo(Path.Combine(_bin, "pg_ctl"), ["-D", _data, "-m", "immediate", "stop"]);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        using var process = Process.Start(info)!;
        process.WaitForExit(TimeSpan.FromSeconds(30));
    }

    internal static bool IsRoot => Environment.UserName == "root";

    internal static async Task RunAsync(string program, string[] arguments, bool asOwner = false)
    {
        var info = asOwner && IsRoot ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", program, .. arguments]) : new ProcessStartInfo(program, arguments);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await errors}");
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
