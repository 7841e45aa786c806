using Microsoft.EntityFrameworkCore.Migrations;
using Wgig.Translate.Domain.Documents;

#nullable disable

namespace Wgig.Translate.Domain.Storage.Migrations
{
    /// <summary>
    /// Triggers that notify <see cref="RightNotices.Channel"/> when what a per-language right check answers may have changed:
    /// a member's rights or a volunteer's profile (with the account), a project or a document (with the project).
    /// </summary>
    public partial class RightChangeNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // TG_ARGV[0] is the payload's prefix, TG_ARGV[1] the column holding the id; NOTIFY is sent on commit, once per
            // distinct payload and transaction. An UPDATE tells of the old and the new row. A TRUNCATE notifies with nothing: everyone's.
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
                CREATE TRIGGER rights_changed AFTER INSERT OR UPDATE OR DELETE ON translate.project_members
                    FOR EACH ROW EXECUTE FUNCTION translate.rights_changed('{RightNotices.Account}', 'account_id');
                CREATE TRIGGER rights_changed AFTER INSERT OR UPDATE OR DELETE ON translate.volunteer_profiles
                    FOR EACH ROW EXECUTE FUNCTION translate.rights_changed('{RightNotices.Account}', 'account_id');
                CREATE TRIGGER rights_changed AFTER UPDATE OR DELETE ON translate.projects
                    FOR EACH ROW EXECUTE FUNCTION translate.rights_changed('{RightNotices.Project}', 'id');
                CREATE TRIGGER rights_changed AFTER UPDATE OR DELETE ON translate.documents
                    FOR EACH ROW EXECUTE FUNCTION translate.rights_changed('{RightNotices.Project}', 'project_id');
                CREATE TRIGGER rights_truncated AFTER TRUNCATE ON translate.project_members
                    FOR EACH STATEMENT EXECUTE FUNCTION translate.rights_changed();
                CREATE TRIGGER rights_truncated AFTER TRUNCATE ON translate.volunteer_profiles
                    FOR EACH STATEMENT EXECUTE FUNCTION translate.rights_changed();
                CREATE TRIGGER rights_truncated AFTER TRUNCATE ON translate.projects
                    FOR EACH STATEMENT EXECUTE FUNCTION translate.rights_changed();
                CREATE TRIGGER rights_truncated AFTER TRUNCATE ON translate.documents
                    FOR EACH STATEMENT EXECUTE FUNCTION translate.rights_changed();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER rights_truncated ON translate.documents;
                DROP TRIGGER rights_truncated ON translate.projects;
                DROP TRIGGER rights_truncated ON translate.volunteer_profiles;
                DROP TRIGGER rights_truncated ON translate.project_members;
                DROP TRIGGER rights_changed ON translate.documents;
                DROP TRIGGER rights_changed ON translate.projects;
                DROP TRIGGER rights_changed ON translate.volunteer_profiles;
                DROP TRIGGER rights_changed ON translate.project_members;
                DROP FUNCTION translate.rights_changed();
                """);
        }
    }
}
