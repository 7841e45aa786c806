using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Wgig.Translate.Domain.Balancing;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Worker.Claims;

namespace Wgig.Translate.Bench;

/// <summary>
/// One sweep of the Worker's reclaim job over N expired leases (a tenth of them with a draft), timed,
/// beside a baseline in the same run on the same rows: a bare UPDATE touching every expired target once,
/// the least any sweep has to do. Reads PGHOST/PGPORT/PGUSER/PGPASSWORD (pg_virtualenv sets them).
/// </summary>
public static class SweepBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = int.Parse(LoadHarness.Option(args, "--count", "100000"), CultureInfo.InvariantCulture);
        // With backups, the 1,000 lapsers and N backup volunteers are real accounts with the right to translate,
        // and a coordinator watches: the sweep then runs the whole ladder (reassignment, overdue notices, alerts).
        var backups = int.Parse(LoadHarness.Option(args, "--backups", "0"), CultureInfo.InvariantCulture);
        var root = LoadHarness.Option(args, "--root", LoadHarness.FindRoot());
        var database = await LoadHarness.FreshDatabaseAsync("wgig_sweep", root);
        await using var dataSource = NpgsqlDataSource.Create(database);

        // A running Worker has its EF model built and its code compiled: so does the bench, before it times anything.
        await using (var warm = StoreServiceCollectionExtensions.OpenStore(dataSource))
        {
            await Job(warm).RunAsync(CancellationToken.None);
        }
        Console.WriteLine("| run | expired leases | time ms | ratio |");
        Console.WriteLine("|---|---:|---:|---:|");
        for (var round = 1; round <= 3; round++)
        {
            await SeedAsync(dataSource, count, backups);
            var baseline = await TimeAsync(() => Execute(dataSource, """
                UPDATE translate.targets t SET updated_at = now() FROM translate.claims c
                WHERE t.state = 'Claimed' AND c.id = t.claim_id AND c.expires_at <= now()
                """));
            await SeedAsync(dataSource, count, backups); // fresh rows for each side: neither pays for the other's dead tuples
            var reclaimed = 0;
            await using var db = StoreServiceCollectionExtensions.OpenStore(dataSource);
            var job = Job(db);
            var sweep = await TimeAsync(async () => reclaimed = await job.SweepAsync(CancellationToken.None));
            var reassigned = 0;
            var ladder = await TimeAsync(async () => reassigned = await job.EscalateLapsedAsync(CancellationToken.None));
            if (reclaimed != count)
            {
                throw new InvalidOperationException($"The sweep reclaimed {reclaimed:N0} of {count:N0}.");
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| round {round}: bare UPDATE (baseline) | {count:N0} | {baseline:N0} | 1.00 |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| round {round}: ReclaimExpiredClaims sweep | {count:N0} | {sweep:N0} | {sweep / baseline:0.00} |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| round {round}: then the ladder ({reassigned:N0} reassigned) | {count:N0} | {ladder:N0} | {ladder / baseline:0.00} |"));
        }
        return 0;
    }

    private static ReclaimExpiredClaims Job(TranslationDb db)
    {
        var options = Microsoft.Extensions.Options.Options.Create(new Wgig.Translate.Domain.Claims.ClaimOptions());
        var balancer = new WorkBalancer(db, TimeProvider.System, options);
        var reassignment = new LapsedWorkReassignment(db, TimeProvider.System, balancer, new WorkAssignment(db, TimeProvider.System, options, balancer));
        return new ReclaimExpiredClaims(db, TimeProvider.System, options, reassignment, NullLogger<ReclaimExpiredClaims>.Instance);
    }

    // N claimed targets whose leases ran out an hour ago, on N segments of one document.
    private static async Task SeedAsync(NpgsqlDataSource dataSource, int count, int backups)
    {
        await Execute(dataSource, "TRUNCATE translate.notifications, translate.project_members, translate.volunteer_profiles, translate.account_roles, translate.accounts CASCADE");
        await Execute(dataSource, $"""
        TRUNCATE translate.target_events, translate.targets, translate.claims, translate.segments, translate.document_versions,
            translate.documents, translate.projects CASCADE;
        INSERT INTO translate.projects (id, name, normalized_name, source_language, target_languages, created_at,
            ladder_overdue_notice, ladder_reassign_lapsed_work, ladder_alert_coordinators)
        VALUES ('00000000-0000-0000-0000-000000000001', 'Sweep', 'SWEEP', 'en', ARRAY['fr'], now(), true, true, true);
        INSERT INTO translate.documents (id, project_id, path, format, current_version, created_at, origin)
        VALUES ('00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-000000000001', 'sweep.md', 'Markdown', 1, now(), 'Upload');
        INSERT INTO translate.segments (id, document_id, key, ordinal, paragraph, sentence, kind, level, source, source_codes, space_after,
            word_count, added_in_version)
        SELECT gen_random_uuid(), '00000000-0000-0000-0000-000000000002', 's' || i, i, i, 1, 'Paragraph', 0, 'Paragraph ' || i || ' says one thing.',
            '[]', '', 5, 1
        FROM generate_series(1, {count}) AS i;
        INSERT INTO translate.claims (id, volunteer_id, document_id, language, words, open_words, created_at, expires_at, kind)
        SELECT ('00000000-0000-0000-0001-' || lpad(v::text, 12, '0'))::uuid, ('00000000-0000-0000-0000-' || lpad(v::text, 12, '0'))::uuid,
            '00000000-0000-0000-0000-000000000002', 'fr', 500, 0, now() - interval '49 hours', now() - interval '1 hour', 'Translation'
        FROM generate_series(1, 1000) AS v;
        INSERT INTO translate.targets (id, segment_id, language, document_id, ordinal, word_count, state, text, translator_id, updated_at, claim_id,
            claimed_by, events_recorded, state_before_claim, review_comment, draft, draft_saved_at, review_claimed_by, review_claim_id)
        SELECT gen_random_uuid(), s.id, 'fr', s.document_id, s.ordinal, s.word_count, 'Claimed', NULL, NULL, now() - interval '49 hours',
            ('00000000-0000-0000-0001-' || lpad((s.ordinal % 1000 + 1)::text, 12, '0'))::uuid,
            ('00000000-0000-0000-0000-' || lpad((s.ordinal % 1000 + 1)::text, 12, '0'))::uuid, 1, 'Untranslated', NULL,
            CASE WHEN s.ordinal % 10 = 0 THEN 'Le paragraphe ' || s.ordinal END, CASE WHEN s.ordinal % 10 = 0 THEN now() END, NULL, NULL
        FROM translate.segments s;
        INSERT INTO translate.target_events (id, target_id, sequence, kind, state_after, actor_id, at)
        SELECT gen_random_uuid(), t.id, 1, 'Claimed', 'Claimed', t.claimed_by, t.updated_at FROM translate.targets t;
        """);
        if (backups > 0)
        {
            await Execute(dataSource, $"""
            INSERT INTO translate.accounts (id, user_name, normalized_user_name, email, normalized_email, email_confirmed, security_stamp,
                display_name, created_at, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
            SELECT id, 'v' || n, 'V' || n, 'v' || n || '@x.example', 'V' || n || '@X.EXAMPLE', true, 's', 'Volunteer ' || n, now(), false, false, true, 0
            FROM (SELECT ('00000000-0000-0000-0000-' || lpad(v::text, 12, '0'))::uuid AS id, v AS n FROM generate_series(1, 1000 + {backups}) AS v) a;
            INSERT INTO translate.accounts (id, user_name, normalized_user_name, email, normalized_email, email_confirmed, security_stamp,
                display_name, created_at, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
            VALUES ('00000000-0000-0000-0000-00000000c0de', 'cora', 'CORA', 'cora@x.example', 'CORA@X.EXAMPLE', true, 's', 'Cora', now(), false, false, true, 0);
            INSERT INTO translate.roles (id, name, normalized_name) SELECT gen_random_uuid(), 'coordinator', 'COORDINATOR'
                WHERE NOT EXISTS (SELECT 1 FROM translate.roles WHERE name = 'coordinator');
            INSERT INTO translate.account_roles (user_id, role_id) SELECT '00000000-0000-0000-0000-00000000c0de', id FROM translate.roles WHERE name = 'coordinator';
            INSERT INTO translate.project_members (id, project_id, account_id, language, can_translate, can_review, granted_by, granted_at)
            SELECT gen_random_uuid(), '00000000-0000-0000-0000-000000000001', ('00000000-0000-0000-0000-' || lpad(v::text, 12, '0'))::uuid, 'fr', true, false,
                '00000000-0000-0000-0000-00000000c0de', now()
            FROM generate_series(1, 1000 + {backups}) AS v;
            INSERT INTO translate.volunteer_profiles (account_id, languages, capacity_words_per_week, time_zone, availability, paused, mail, updated_at, show_email_in_credits)
            SELECT ('00000000-0000-0000-0000-' || lpad(v::text, 12, '0'))::uuid, '[]', 100000, 'UTC', '[]', false, 'Never', now(), false
            FROM generate_series(1001, 1000 + {backups}) AS v;
            """);
        }
        await Execute(dataSource, "VACUUM ANALYZE"); // not in the same batch: VACUUM runs outside a transaction
    }

    private static async Task<double> TimeAsync(Func<Task> run)
    {
        var clock = Stopwatch.StartNew();
        await run();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static async Task Execute(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }
}
