using Microsoft.EntityFrameworkCore.Migrations;
using Notices = Wgig.Translate.Domain.Checks.CheckSettingNotices;

#nullable disable

namespace Wgig.Translate.Domain.Storage.Migrations
{
    /// <summary>
    /// Triggers that notify <see cref="Notices.Channel"/> when what the checks load for a project may have changed:
    /// a check level, a glossary entry (with the entry's project), a share (with both its projects).
    /// </summary>
    public partial class CheckSettingNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // TG_ARGV[0] is the payload's prefix, the other arguments the columns holding project ids; NOTIFY is sent on commit,
            // once per distinct payload and transaction. An UPDATE tells of the old and the new row. A TRUNCATE notifies with
            // nothing: everyone's.
            migrationBuilder.Sql($"""
                CREATE FUNCTION translate.check_settings_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'TRUNCATE' THEN
                        PERFORM pg_notify('{Notices.Channel}', '');
                        RETURN NULL;
                    END IF;
                    FOR i IN 1 .. TG_NARGS - 1 LOOP
                        IF TG_OP IN ('INSERT', 'UPDATE') THEN
                            PERFORM pg_notify('{Notices.Channel}', TG_ARGV[0] || (to_jsonb(NEW) ->> TG_ARGV[i]));
                        END IF;
                        IF TG_OP IN ('UPDATE', 'DELETE') THEN
                            PERFORM pg_notify('{Notices.Channel}', TG_ARGV[0] || (to_jsonb(OLD) ->> TG_ARGV[i]));
                        END IF;
                    END LOOP;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER check_settings_changed AFTER INSERT OR UPDATE OR DELETE ON translate.check_settings
                    FOR EACH ROW EXECUTE FUNCTION translate.check_settings_changed('{Notices.Project}', 'project_id');
                CREATE TRIGGER check_settings_changed AFTER INSERT OR UPDATE OR DELETE ON translate.glossary_entries
                    FOR EACH ROW EXECUTE FUNCTION translate.check_settings_changed('{Notices.Project}', 'project_id');
                CREATE TRIGGER check_settings_changed AFTER INSERT OR UPDATE OR DELETE ON translate.project_shares
                    FOR EACH ROW EXECUTE FUNCTION translate.check_settings_changed('{Notices.Project}', 'project_id', 'owner_project_id');
                CREATE TRIGGER check_settings_truncated AFTER TRUNCATE ON translate.check_settings
                    FOR EACH STATEMENT EXECUTE FUNCTION translate.check_settings_changed();
                CREATE TRIGGER check_settings_truncated AFTER TRUNCATE ON translate.glossary_entries
                    FOR EACH STATEMENT EXECUTE FUNCTION translate.check_settings_changed();
                CREATE TRIGGER check_settings_truncated AFTER TRUNCATE ON translate.project_shares
                    FOR EACH STATEMENT EXECUTE FUNCTION translate.check_settings_changed();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER check_settings_truncated ON translate.project_shares;
                DROP TRIGGER check_settings_truncated ON translate.glossary_entries;
                DROP TRIGGER check_settings_truncated ON translate.check_settings;
                DROP TRIGGER check_settings_changed ON translate.project_shares;
                DROP TRIGGER check_settings_changed ON translate.glossary_entries;
                DROP TRIGGER check_settings_changed ON translate.check_settings;
                DROP FUNCTION translate.check_settings_changed();
                """);
        }
    }
}
