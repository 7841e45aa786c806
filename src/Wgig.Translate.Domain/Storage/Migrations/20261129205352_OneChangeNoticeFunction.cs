using Microsoft.EntityFrameworkCore.Migrations;
using Wgig.Translate.Domain.Checks;
using Wgig.Translate.Domain.Documents;

#nullable disable

namespace Wgig.Translate.Domain.Storage.Migrations
{
    /// <summary>
    /// The notices of changed rights and of changed check settings came from two trigger functions that differed only in
    /// their channel (and the second's loop over several columns): one function now sends both, its channel, the notice's
    /// prefix and the columns given by each trigger. The triggers, their tables, columns and notices are as before.
    /// </summary>
    public partial class OneChangeNoticeFunction : Migration
    {
        // Each row trigger: its name, table, events, the channel, the prefix, the columns whose values (new and old) are sent.
        private static readonly (string Name, string Table, string Events, string Channel, string Prefix, string[] Columns)[] RowTriggers =
        [
            ("rights_changed", "project_members", "INSERT OR UPDATE OR DELETE", RightNotices.Channel, RightNotices.Account, ["account_id"]),
            ("rights_changed", "volunteer_profiles", "INSERT OR UPDATE OR DELETE", RightNotices.Channel, RightNotices.Account, ["account_id"]),
            ("rights_changed", "projects", "UPDATE OR DELETE", RightNotices.Channel, RightNotices.Project, ["id"]),
            ("rights_changed", "documents", "UPDATE OR DELETE", RightNotices.Channel, RightNotices.Project, ["project_id"]),
            ("check_settings_changed", "check_settings", "INSERT OR UPDATE OR DELETE", CheckSettingNotices.Channel, CheckSettingNotices.Project, ["project_id"]),
            ("check_settings_changed", "glossary_entries", "INSERT OR UPDATE OR DELETE", CheckSettingNotices.Channel, CheckSettingNotices.Project, ["project_id"]),
            ("check_settings_changed", "project_shares", "INSERT OR UPDATE OR DELETE", CheckSettingNotices.Channel, CheckSettingNotices.Project,
                ["project_id", "owner_project_id"]),
        ];

        // Each TRUNCATE trigger: its name, table and channel (a truncated table notices everything at once).
        private static readonly (string Name, string Table, string Channel)[] TruncateTriggers =
        [
            ("rights_truncated", "project_members", RightNotices.Channel),
            ("rights_truncated", "volunteer_profiles", RightNotices.Channel),
            ("rights_truncated", "projects", RightNotices.Channel),
            ("rights_truncated", "documents", RightNotices.Channel),
            ("check_settings_truncated", "check_settings", CheckSettingNotices.Channel),
            ("check_settings_truncated", "glossary_entries", CheckSettingNotices.Channel),
            ("check_settings_truncated", "project_shares", CheckSettingNotices.Channel),
        ];

        private static string Arguments(params string[] values) => string.Join(", ", values.Select(v => $"'{v}'"));

        // Every trigger dropped and created again on the function (with its arguments) each kind of trigger is given.
        private static string Recreate(Func<(string Name, string Table, string Events, string Channel, string Prefix, string[] Columns), string> row,
            Func<string, string> truncate) =>
            string.Join("\n", RowTriggers.Select(t => $"""
                DROP TRIGGER {t.Name} ON translate.{t.Table};
                CREATE TRIGGER {t.Name} AFTER {t.Events} ON translate.{t.Table} FOR EACH ROW EXECUTE FUNCTION translate.{row(t)};
                """).Concat(TruncateTriggers.Select(t => $"""
                DROP TRIGGER {t.Name} ON translate.{t.Table};
                CREATE TRIGGER {t.Name} AFTER TRUNCATE ON translate.{t.Table} FOR EACH STATEMENT EXECUTE FUNCTION translate.{truncate(t.Channel)};
                """)));

        // The function a channel's triggers ran before this migration.
        private static string Former(string channel) => channel == RightNotices.Channel ? "rights_changed" : "check_settings_changed";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                -- TG_ARGV[0]: the channel; TG_ARGV[1]: each notice's prefix; the rest: the columns whose values are sent, the new
                -- row's (insert, update) and the old row's (update, delete). A truncated table sends one empty notice.
                CREATE FUNCTION translate.notify_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'TRUNCATE' THEN
                        PERFORM pg_notify(TG_ARGV[0], '');
                        RETURN NULL;
                    END IF;
                    FOR i IN 2 .. TG_NARGS - 1 LOOP
                        IF TG_OP IN ('INSERT', 'UPDATE') THEN
                            PERFORM pg_notify(TG_ARGV[0], TG_ARGV[1] || (to_jsonb(NEW) ->> TG_ARGV[i]));
                        END IF;
                        IF TG_OP IN ('UPDATE', 'DELETE') THEN
                            PERFORM pg_notify(TG_ARGV[0], TG_ARGV[1] || (to_jsonb(OLD) ->> TG_ARGV[i]));
                        END IF;
                    END LOOP;
                    RETURN NULL;
                END $$;
                {Recreate(t => $"notify_changed({Arguments([t.Channel, t.Prefix, .. t.Columns])})", channel => $"notify_changed({Arguments(channel)})")}
                DROP FUNCTION translate.rights_changed, translate.check_settings_changed;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The two functions as the initial migration wrote them, and the triggers on them again.
            migrationBuilder.Sql($"""
                CREATE FUNCTION translate.rights_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'TRUNCATE' THEN
                        PERFORM pg_notify('{RightNotices.Channel}', '');
                        RETURN NULL;
                    END IF;
                    IF TG_OP IN ('INSERT', 'UPDATE') THEN
                        PERFORM pg_notify('{RightNotices.Channel}', TG_ARGV[0] || (to_jsonb(NEW) ->> TG_ARGV[1]));
                    END IF;
                    IF TG_OP IN ('UPDATE', 'DELETE') THEN
                        PERFORM pg_notify('{RightNotices.Channel}', TG_ARGV[0] || (to_jsonb(OLD) ->> TG_ARGV[1]));
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE FUNCTION translate.check_settings_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'TRUNCATE' THEN
                        PERFORM pg_notify('{CheckSettingNotices.Channel}', '');
                        RETURN NULL;
                    END IF;
                    FOR i IN 1 .. TG_NARGS - 1 LOOP
                        IF TG_OP IN ('INSERT', 'UPDATE') THEN
                            PERFORM pg_notify('{CheckSettingNotices.Channel}', TG_ARGV[0] || (to_jsonb(NEW) ->> TG_ARGV[i]));
                        END IF;
                        IF TG_OP IN ('UPDATE', 'DELETE') THEN
                            PERFORM pg_notify('{CheckSettingNotices.Channel}', TG_ARGV[0] || (to_jsonb(OLD) ->> TG_ARGV[i]));
                        END IF;
                    END LOOP;
                    RETURN NULL;
                END $$;
                {Recreate(t => $"{Former(t.Channel)}({Arguments([t.Prefix, .. t.Columns])})", channel => $"{Former(channel)}()")}
                DROP FUNCTION translate.notify_changed;
                """);
        }
    }
}
