using Microsoft.EntityFrameworkCore.Migrations;
using Wgig.Translate.Domain.Accounts;

#nullable disable

namespace Wgig.Translate.Domain.Storage.Migrations
{
    /// <summary>Triggers that notify <see cref="CredentialNotices.Channel"/> with the account's id when its credentials change.</summary>
    public partial class CredentialChangeNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // TG_ARGV[0] names the column holding the account's id; NOTIFY is sent on commit, once per account and transaction.
            // A TRUNCATE notifies without an account: every account's.
            migrationBuilder.Sql($"""
                CREATE FUNCTION translate.credentials_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'TRUNCATE' THEN
                        PERFORM pg_notify('{CredentialNotices.Channel}', '');
                    ELSIF TG_OP = 'INSERT' THEN
                        PERFORM pg_notify('{CredentialNotices.Channel}', to_jsonb(NEW) ->> TG_ARGV[0]);
                    ELSE
                        PERFORM pg_notify('{CredentialNotices.Channel}', to_jsonb(OLD) ->> TG_ARGV[0]);
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER credentials_changed AFTER UPDATE OR DELETE ON translate.api_tokens
                    FOR EACH ROW EXECUTE FUNCTION translate.credentials_changed('account_id');
                CREATE TRIGGER credentials_changed AFTER UPDATE OF user_name, email, disabled_at OR DELETE ON translate.accounts
                    FOR EACH ROW EXECUTE FUNCTION translate.credentials_changed('id');
                CREATE TRIGGER credentials_changed AFTER INSERT OR UPDATE OR DELETE ON translate.account_roles
                    FOR EACH ROW EXECUTE FUNCTION translate.credentials_changed('user_id');
                CREATE TRIGGER credentials_truncated AFTER TRUNCATE ON translate.api_tokens
                    FOR EACH STATEMENT EXECUTE FUNCTION translate.credentials_changed();
                CREATE TRIGGER credentials_truncated AFTER TRUNCATE ON translate.accounts
                    FOR EACH STATEMENT EXECUTE FUNCTION translate.credentials_changed();
                CREATE TRIGGER credentials_truncated AFTER TRUNCATE ON translate.account_roles
                    FOR EACH STATEMENT EXECUTE FUNCTION translate.credentials_changed();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER credentials_truncated ON translate.account_roles;
                DROP TRIGGER credentials_truncated ON translate.accounts;
                DROP TRIGGER credentials_truncated ON translate.api_tokens;
                DROP TRIGGER credentials_changed ON translate.account_roles;
                DROP TRIGGER credentials_changed ON translate.accounts;
                DROP TRIGGER credentials_changed ON translate.api_tokens;
                DROP FUNCTION translate.credentials_changed();
                """);
        }
    }
}
