using Npgsql;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Tests;

/// <summary>
/// A real PostgreSQL database for one test class at a time (then handed on, emptied, to the next class of the process that
/// needs one), copied from a template that the same step the
/// run command uses migrated once per build (<see cref="PrepareTemplateAsync"/>: the Worker's whole migrate step
/// where the tests run the API or the Worker; the store's schema alone for the Domain's tests, which reference neither). The server comes from the standard PG* environment variables
/// that ./test sets through pg_virtualenv. Tests reset the data before they run, never after, so a failure
/// leaves evidence.
/// </summary>
public sealed partial class TestDatabase : IAsyncLifetime
{
    private string _name = "wgig_test_" + Guid.NewGuid().ToString("N")[..16];

    // A class's database goes, when the class is done, to the next class of this process that needs one, emptied first
    // (ResetAsync): copying the template took 0.2–0.6 s a class in a run (docs/testing.md), emptying the tables a class
    // filled takes tens of milliseconds. The process drops the ones left as it ends, as far as it is given the time: vstest
    // kills its test host 100 ms after asking it to end. What is left stays on a server kept by hand (as the API tests'
    // hosts' databases do); ./test's throwaway cluster goes with them.
    private static readonly System.Collections.Concurrent.ConcurrentBag<string> Unused = [];

    private bool _dropWhenDone;

    static TestDatabase() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        NpgsqlConnection.ClearAllPools();
        while (Unused.TryTake(out var unused))
        {
            try
            {
                ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {unused} WITH (FORCE)").GetAwaiter().GetResult();
            }
            catch (Exception gone) when (gone is NpgsqlException or TimeoutException)
            {
                // The server went first (a run stopped by Ctrl+C): nothing is left to drop.
                return;
            }
        }
    };

    /// <summary>The key that encrypts the test databases' key ring (DataProtection:KeyRingKey); every test host gets it.</summary>
    public const string KeyRingKey = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";

    public string ConnectionString { get; private set; } = "";

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    // Migrating takes far longer than copying a database: one migrated template per build, shared by the run's test processes.
    private static readonly Lazy<Task<string>> Template = new(TemplateAsync);

    public async Task InitializeAsync()
    {
        if (Unused.TryTake(out var unused))
        {
            _name = unused;
            Open();
            await ResetAsync();
            return;
        }
        var template = await Template.Value;
        try
        {
            await CopyAsync(template, _name);
        }
        catch (PostgresException gone) when (gone.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // Dropped since by a test process of another build on the same server (a run drops other builds' templates):
            // this build's is made again.
            await CopyAsync(await TemplateAsync(), _name);
        }
        Open();
    }

    private void Open()
    {
        ConnectionString = ServerConnectionString(_name);
        DataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    /// <summary>This class changes more than rows (the schema, say): its database is dropped when it is done, not handed on.</summary>
    public void DropWhenDone() => _dropWhenDone = true;

    /// <summary>
    /// The migrated template of this build, made by the first test process of a run that needs it and copied by the others
    /// (each test project runs in a process of its own, and migrating took 3–4 s of each one's start). Its name says how it
    /// was made, from which build (<see cref="TemplateSource"/>) and with which key ring key: a build with other migrations
    /// makes its own, and drops the templates other builds made of the same kind (on a server that outlives a run, one
    /// per kind stays). It is made under another name and renamed when complete, so a process killed half-way leaves
    /// nothing a later one would take for a template; an advisory lock per kind lets one process make it while the others
    /// wait.
    /// </summary>
    private static async Task<string> TemplateAsync()
    {
        var prefix = "wgig_template_" + TemplateSource.Kind + "_";
        string[] madeFrom = [KeyRingKey, .. TemplateSource.Builds.Select(build => build.ManifestModule.ModuleVersionId.ToString())];
        var name = prefix + Convert.ToHexStringLower(
            System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('|', madeFrom))))[..16];
        await using var admin = await OpenServerAsync();
        // Held until this connection closes, for as long as another process takes to make the template.
        await using (var locking = new NpgsqlCommand("SELECT pg_advisory_lock(hashtext(@prefix))", admin) { CommandTimeout = 0 })
        {
            locking.Parameters.AddWithValue("prefix", prefix);
            await locking.ExecuteNonQueryAsync();
        }
        await using var exists = new NpgsqlCommand("SELECT datname FROM pg_database WHERE starts_with(datname, @prefix)", admin);
        exists.Parameters.AddWithValue("prefix", prefix);
        var found = new List<string>();
        await using (var reader = await exists.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                found.Add(reader.GetString(0));
            }
        }
        if (found.Contains(name))
        {
            return name;
        }
        // The statements that make it run on the connection that holds the lock.
        async Task ExecuteHoldingLockAsync(string sql)
        {
            await using var command = new NpgsqlCommand(sql, admin);
            await command.ExecuteNonQueryAsync();
        }
        var building = name + "_building";
        await ExecuteHoldingLockAsync($"DROP DATABASE IF EXISTS {building} WITH (FORCE)");
        await ExecuteHoldingLockAsync($"CREATE DATABASE {building}{ByFile(admin)}");
        await using (var dataSource = NpgsqlDataSource.Create(ServerConnectionString(building)))
        {
            await PrepareTemplateAsync(dataSource, ServerConnectionString(building));
        }
        // A database is copied or renamed only while nobody is connected to it.
        NpgsqlConnection.ClearAllPools();
        await ExecuteHoldingLockAsync($"ALTER DATABASE {building} WITH ALLOW_CONNECTIONS false");
        await ExecuteHoldingLockAsync($"ALTER DATABASE {building} RENAME TO {name}");
        foreach (var earlier in found)
        {
            try
            {
                await ExecuteHoldingLockAsync($"DROP DATABASE IF EXISTS {earlier}");
            }
            catch (PostgresException)
            {
                // Someone is connected to it by hand (a copy in progress only makes the DROP wait): a later run drops it.
            }
        }
        return name;
    }

    /// <summary>Brings the new template database up to date; each test project says how.</summary>
    private static partial Task PrepareTemplateAsync(NpgsqlDataSource dataSource, string connectionString);

    // A connection of its own to the server's maintenance database, for statements about databases (unpooled: a pooled
    // one would stay connected, and a database is copied, renamed or dropped only while nobody is).
    private static async Task<NpgsqlConnection> OpenServerAsync()
    {
        var admin = new NpgsqlConnection(ServerConnectionString("postgres") + ";Pooling=false");
        await admin.OpenAsync();
        return admin;
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        await using var admin = await OpenServerAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A new database, copied from the template (<see cref="ByFile"/>).</summary>
    private static async Task CopyAsync(string template, string name)
    {
        await using var admin = await OpenServerAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {template}{ByFile(admin)}", admin);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// CREATE DATABASE's option to copy the template file by file (PostgreSQL 15 and later; older servers have only this
    /// way): the default since 15 copies it block by block through the write-ahead log, 0.15–0.45 s for the migrated
    /// template's 10 MB against 0.09–0.13 s (docs/testing.md). Copying by file checkpoints the server before and after the
    /// copy: cheap on ./test's cluster (fsync off), not free on a server kept by hand.
    /// </summary>
    private static string ByFile(NpgsqlConnection admin) => admin.PostgreSqlVersion.Major >= 15 ? " STRATEGY = FILE_COPY" : "";

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        if (!_dropWhenDone)
        {
            Unused.Add(_name);
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }

    public TranslationDb OpenStore() => StoreServiceCollectionExtensions.OpenStore(DataSource);

    /// <summary>Empties every table of the store and the job storage and restarts their sequences; schema versions stay.</summary>
    /// <remarks>
    /// Only the tables that hold rows are truncated: a TRUNCATE gives each table and index a new file and drops the old one
    /// at commit, about 130 ms for all fifty tables where a test has filled a dozen (two thirds of the API tests' database
    /// time went to it, docs/testing.md). Every sequence they own starts again, filled or not (setval writes no file).
    /// </remarks>
    public Task ResetAsync() => ExecuteAsync("""
        DO $reset$
        DECLARE
            kept CONSTANT name[] := ARRAY['__migrations', 'schema', 'data_protection_keys'];
            candidates text[];
            candidate text;
            filled text[] := '{}';
            has_rows boolean;
        BEGIN
            SELECT array_agg(format('%I.%I', schemaname, tablename)) INTO candidates FROM pg_tables
            WHERE schemaname IN ('translate', 'hangfire') AND tablename <> ALL (kept);
            -- Every table at once, as one TRUNCATE of them all did: a write still open elsewhere ends first and is emptied
            -- with the rest, and nobody takes an id while the sequences start again. A lock makes no file.
            EXECUTE 'LOCK TABLE ' || array_to_string(candidates, ', ') || ' IN ACCESS EXCLUSIVE MODE';
            FOREACH candidate IN ARRAY candidates
            LOOP
                EXECUTE format('SELECT EXISTS (SELECT FROM %s)', candidate) INTO has_rows;
                IF has_rows THEN
                    filled := filled || candidate;
                END IF;
            END LOOP;
            IF cardinality(filled) > 0 THEN
                EXECUTE 'TRUNCATE ' || array_to_string(filled, ', ') || ' CASCADE';
            END IF;
            -- The sequences the tables own: serial columns ('a') and identity columns ('i').
            PERFORM setval(sequence.seqrelid, sequence.seqstart, false)
            FROM pg_sequence sequence
            JOIN pg_depend owner ON owner.classid = 'pg_class'::regclass AND owner.objid = sequence.seqrelid
                AND owner.refclassid = 'pg_class'::regclass AND owner.deptype IN ('a', 'i')
            WHERE owner.refobjid = ANY (candidates::regclass[]);
        END
        $reset$
        """);

    /// <summary>
    /// A fingerprint of every row in the store, to prove that a refused request changed nothing.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> SnapshotAsync()
    {
        var tables = await QueryAsync<string>(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'translate' ORDER BY tablename");
        var snapshot = new Dictionary<string, string>();
        foreach (var table in tables)
        {
            var rows = await QueryAsync<string>(
                $"SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM translate.\"{table}\" t");
            snapshot[table] = rows.Single();
        }
        return snapshot;
    }

    /// <summary>
    /// Stores a target as a finished workflow would have left it, for tests of what reads targets
    /// (progress, export, XLIFF) without going through claims and reviews.
    /// </summary>
    public Task InsertTargetAsync(Guid segmentId, string language, string state, string text) => ExecuteAsync($"""
        INSERT INTO translate.targets (id, segment_id, language, document_id, ordinal, word_count, state, text, translator_id, claimed_by,
            claim_id, state_before_claim, review_comment, draft, draft_saved_at, review_claimed_by, review_claim_id, updated_at, events_recorded)
        SELECT gen_random_uuid(), s.id, '{language}', s.document_id, CASE WHEN s.retired_in_version IS NULL THEN s.ordinal END, s.word_count,
            '{state}', '{text.Replace("'", "''", StringComparison.Ordinal)}', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, now(), 0
        FROM translate.segments s WHERE s.id = '{segmentId}'
        ON CONFLICT (segment_id, language) DO UPDATE SET state = excluded.state, text = excluded.text, updated_at = excluded.updated_at
        """);

    /// <summary>The token in the link of the last letter queued to this address (an invitation or a password reset), read with the host's protector.</summary>
    public async Task<string> TokenFromLetterAsync(IServiceProvider services, string email)
    {
        var sealedBody = (await QueryAsync<string>(
            $"SELECT sealed_body FROM translate.outgoing_mails WHERE to_address = '{email}' ORDER BY created_at DESC LIMIT 1")).Single();
        var protector = (Wgig.Translate.Domain.Security.ICredentialProtector)services.GetService(typeof(Wgig.Translate.Domain.Security.ICredentialProtector))!;
        return Uri.UnescapeDataString(System.Text.RegularExpressions.Regex.Match(protector.Unprotect(sealedBody), @"\?token=([^\s]+)").Groups[1].Value);
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }
        return values;
    }

    /// <summary>The table and columns of <see cref="AccountRow"/>: <c>INSERT INTO {AccountColumns} VALUES {rows}</c>.</summary>
    public const string AccountColumns = """
        translate.accounts (id, user_name, normalized_user_name, email, normalized_email, email_confirmed, security_stamp,
            concurrency_stamp, display_name, created_at, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
        """;

    /// <summary>
    /// One account's row for <see cref="AccountColumns"/>, as Identity would store it without a password: the address
    /// confirmed, new stamps, made now. For constant test values (nothing is escaped).
    /// </summary>
    public static string AccountRow(Guid id, string userName, string email, string displayName, bool lockoutEnabled) =>
        $"('{id}', '{userName}', '{userName.ToUpperInvariant()}', '{email}', '{email.ToUpperInvariant()}', true, '{Guid.NewGuid()}', " +
        $"'{Guid.NewGuid()}', '{displayName}', now(), false, false, {(lockoutEnabled ? "true" : "false")}, 0)";

    /// <summary>An account as the Worker's jobs see one (name@x.example), optionally in a role, without Identity's machinery.</summary>
    public Task InsertAccountAsync(Guid id, string name, string? role = null) => ExecuteAsync($"""
        INSERT INTO {AccountColumns}
        VALUES {AccountRow(id, name.ToLowerInvariant(), $"{name.ToLowerInvariant()}@x.example", name, lockoutEnabled: true)};
        {(role is null ? "" : $"""
        INSERT INTO translate.roles (id, name, normalized_name) SELECT gen_random_uuid(), '{role}', '{role.ToUpperInvariant()}'
            WHERE NOT EXISTS (SELECT 1 FROM translate.roles WHERE name = '{role}');
        INSERT INTO translate.account_roles (user_id, role_id) SELECT '{id}', id FROM translate.roles WHERE name = '{role}';
        """)}
        """);

    /// <summary>
    /// Until a session of this database waits for a lock (pg_locks lists its request as not granted): the request a test started,
    /// <paramref name="request"/>, has reached the lock the test holds. Fails if the request ends first or nothing waits within ten seconds.
    /// </summary>
    public async Task SessionWaitsForALockAsync(Task request)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((await QueryAsync<long>("""
            SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE NOT l.granted AND a.datname = current_database()
            """)).Single() == 0)
        {
            Assert.False(request.IsCompleted, "The request ended without waiting for the lock the test holds.");
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), "Nothing waited for the lock the test holds within ten seconds.");
            await Task.Delay(10);
        }
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static string ServerConnectionString(string database)
    {
        var host = Environment.GetEnvironmentVariable("PGHOST");
        if (string.IsNullOrEmpty(host))
        {
            throw new InvalidOperationException(
                "No PostgreSQL server for the tests: run them with ./test, which starts a throwaway one " +
                "(pg_virtualenv), or set PGHOST, PGPORT, PGUSER and PGPASSWORD.");
        }
        return new NpgsqlConnectionStringBuilder
        {
            Host = host,
            Port = int.TryParse(Environment.GetEnvironmentVariable("PGPORT"), out var port) ? port : 5432,
            Username = Environment.GetEnvironmentVariable("PGUSER") ?? "postgres",
            Password = Environment.GetEnvironmentVariable("PGPASSWORD"),
            Database = database,
            // Tests open many short-lived pools; keep each small. The concurrency tests queue 200 callers on
            // these 20 connections while other test assemblies share the machine's two cores: waiting for a
            // connection may take longer than the 15 s default, which says nothing about correctness.
            MaxPoolSize = 20,
            Timeout = 60,
            // pg_virtualenv's cluster turns TLS on; on one machine the tests talk to it in clear, as ./run's private cluster
            // is talked to (encrypting every round trip was a twentieth of the API tests' processor time).
            SslMode = SslMode.Disable,
        }.ConnectionString;
    }
}
