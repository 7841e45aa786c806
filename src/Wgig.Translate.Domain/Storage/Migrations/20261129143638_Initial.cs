using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Checks;
using Wgig.Translate.Domain.Documents;

#nullable disable

namespace Wgig.Translate.Domain.Storage.Migrations
{
    /// <summary>
    /// The store's schema as the twelve migrations up to <see cref="StoreSchema.LastSquashedMigration"/> left it, squashed
    /// into one (2026-11-29) before any database was deployed; <see cref="StoreSchema"/> adopts a database that went through them.
    /// </summary>
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "translate");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateTable(
                name: "accounts",
                schema: "translate",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    disabled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: true),
                    security_stamp = table.Column<string>(type: "text", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true),
                    phone_number = table.Column<string>(type: "text", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    access_failed_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_accounts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                schema: "translate",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    friendly_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    xml = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "lapsed_segments",
                schema: "translate",
                columns: table => new
                {
                    claim_id = table.Column<Guid>(type: "uuid", nullable: false),
                    segment_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lapsed_segments", x => new { x.claim_id, x.segment_id });
                });

            migrationBuilder.CreateTable(
                name: "machine_translations",
                schema: "translate",
                columns: table => new
                {
                    engine = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    source_language = table.Column<string>(type: "character varying(85)", maxLength: 85, nullable: false),
                    target_language = table.Column<string>(type: "character varying(85)", maxLength: 85, nullable: false),
                    source_key = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_machine_translations", x => new { x.engine, x.source_language, x.target_language, x.source_key });
                });

            migrationBuilder.CreateTable(
                name: "outgoing_mails",
                schema: "translate",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    to_address = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    to_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    sealed_body = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outgoing_mails", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "projects",
                schema: "translate",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    normalized_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    source_language = table.Column<string>(type: "character varying(85)", maxLength: 85, nullable: false),
                    target_languages = table.Column<string[]>(type: "text[]", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ladder_alert_coordinators = table.Column<bool>(type: "boolean", nullable: false),
                    ladder_overdue_notice = table.Column<bool>(type: "boolean", nullable: false),
                    ladder_reassign_lapsed_work = table.Column<bool>(type: "boolean", nullable: false),
                    ladder_remind_before_claim_ends = table.Column<TimeSpan>(type: "interval", nullable: true),
                    ladder_remind_before_deadline = table.Column<TimeSpan>(type: "interval", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_projects", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "roles",
                schema: "translate",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "webhook_deliveries",
                schema: "translate",
                columns: table => new
                {
                    delivery_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhook_deliveries", x => x.delivery_id);
                });

            migrationBuilder.CreateTable(
                name: "account_claims",
                schema: "translate",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_account_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_account_claims_accounts_user_id",
                        column: x => x.user_id,
                        principalSchema: "translate",
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "account_logins",
                schema: "translate",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    provider_key = table.Column<string>(type: "text", nullable: false),
                    provider_display_name = table.Column<string>(type: "text", nullable: true),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_account_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_account_logins_accounts_user_id",
                        column: x => x.user_id,
                        principalSchema: "translate",
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "account_tokens",
                schema: "translate",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_account_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_account_tokens_accounts_user_id",
                        column: x => x.user_id,
                        principalSchema: "translate",
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "api_tokens",
                schema: "translate",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    hint = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_tokens", x => x.id);
                    table.ForeignKey(
                        name: "fk_api_tokens_asp_net_users_account_id",
                        column: x => x.account_id,
                        principalSchema: "translate",
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                schema: "translate",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: true),
                    once_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    mailed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    mail_attempts = table.Column<int>(type: "integer", nullable: false),
                    next_mail_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_notifications_asp_net_users_account_id",
                        column: x => x.account_id,
                        principalSchema: "translate",
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "password_resets",
                schema: "translate",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_password_resets", x => x.id);
                    table.ForeignKey(
                        name: "fk_password_resets_asp_net_users_account_id",
                        column: x => x.account_id,
                        principalSchema: "translate",
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "volunteer_profiles",
                schema: "translate",
                columns: table => new
                {
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    languages = table.Column<string>(type: "jsonb", nullable: false),
                    capacity_words_per_week = table.Column<int>(type: "integer", nullable: false),
                    time_zone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    availability = table.Column<string>(type: "jsonb", nullable: false),
                    paused = table.Column<bool>(type: "boolean", nullable: false),
                    mail = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    show_email_in_credits = table.Column<bool>(type: "boolean", nullable: false),
                    interface_language = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    paused_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    paused_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    resumed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_volunteer_profiles", x => x.account_id);
                    table.ForeignKey(
                        name: "fk_volunteer_profiles_asp_net_users_account_id",
                        column: x => x.account_id,
                        principalSchema: "translate",
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "check_settings",
                schema: "translate",
                columns: table => new
                {
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    check = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    changed_by = table.Column<Guid>(type: "uuid", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_check_settings", x => new { x.project_id, x.check });
                    table.ForeignKey(
                        name: "fk_check_settings_projects_project_id",
                        column: x => x.project_id,
                        principalSchema: "translate",
                        principalTable: "projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "documents",
                schema: "translate",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    path = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    format = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    origin = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    current_version = table.Column<int>(type: "integer", nullable: false),
                    signed_off_version = table.Column<int>(type: "integer", nullable: true),
                    signed_off_by = table.Column<Guid>(type: "uuid", nullable: true),
                    signed_off_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_documents_projects_project_id",
                        column: x => x.project_id,
                        principalSchema: "translate",
                        principalTable: "projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "glossary_entries",
                schema: "translate",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    definition = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    do_not_translate = table.Column<bool>(type: "boolean", nullable: false),
                    terms = table.Column<string>(type: "jsonb", nullable: false),
                    updated_by = table.Column<Guid>(type: "uuid", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_glossary_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_glossary_entries_projects_project_id",
                        column: x => x.project_id,
                        principalSchema: "translate",
                        principalTable: "projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "invitations",
                schema: "translate",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    invited_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    project_id = table.Column<Guid>(type: "uuid", nullable: true),
                    grants = table.Column<string>(type: "jsonb", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_invitations", x => x.id);
                    table.ForeignKey(
                        name: "fk_invitations_projects_project_id",
                        column: x => x.project_id,
                        principalSchema: "translate",
                        principalTable: "projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "machine_translation_settings",
                schema: "translate",
                columns: table => new
                {
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    language = table.Column<string>(type: "character varying(85)", maxLength: 85, nullable: false),
                    engine = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    changed_by = table.Column<Guid>(type: "uuid", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_machine_translation_settings", x => new { x.project_id, x.language });
                    table.ForeignKey(
                        name: "fk_machine_translation_settings_projects_project_id",
                        column: x => x.project_id,
                        principalSchema: "translate",
                        principalTable: "projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "memory_entries",
                schema: "translate",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    source_language = table.Column<string>(type: "character varying(85)", maxLength: 85, nullable: false),
                    target_language = table.Column<string>(type: "character varying(85)", maxLength: 85, nullable: false),
                    source = table.Column<string>(type: "text", nullable: false),
                    target = table.Column<string>(type: "text", nullable: false),
                    codes = table.Column<string>(type: "jsonb", nullable: false),
                    source_plain = table.Column<string>(type: "text", nullable: false),
                    target_plain = table.Column<string>(type: "text", nullable: false),
                    source_words = table.Column<string[]>(type: "text[]", nullable: false),
                    source_key = table.Column<Guid>(type: "uuid", nullable: false),
                    pair_key = table.Column<Guid>(type: "uuid", nullable: false),
                    context_key = table.Column<Guid>(type: "uuid", nullable: true),
                    word_count = table.Column<int>(type: "integer", nullable: false),
                    origin = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    document_id = table.Column<Guid>(type: "uuid", nullable: true),
                    segment_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    author_id = table.Column<Guid>(type: "uuid", nullable: true),
                    author_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_memory_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_memory_entries_projects_project_id",
                        column: x => x.project_id,
                        principalSchema: "translate",
                        principalTable: "projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "project_members",
                schema: "translate",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    language = table.Column<string>(type: "character varying(85)", maxLength: 85, nullable: false),
                    can_translate = table.Column<bool>(type: "boolean", nullable: false),
                    can_review = table.Column<bool>(type: "boolean", nullable: false),
                    granted_by = table.Column<Guid>(type: "uuid", nullable: false),
                    granted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_project_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_project_members_asp_net_users_account_id",
                        column: x => x.account_id,
                        principalSchema: "translate",
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_project_members_projects_project_id",
                        column: x => x.project_id,
                        principalSchema: "translate",
                        principalTable: "projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "project_shares",
                schema: "translate",
                columns: table => new
                {
                    owner_project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    resource = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    shared_by = table.Column<Guid>(type: "uuid", nullable: false),
                    shared_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_project_shares", x => new { x.project_id, x.resource, x.owner_project_id });
                    table.ForeignKey(
                        name: "fk_project_shares_projects_owner_project_id",
                        column: x => x.owner_project_id,
                        principalSchema: "translate",
                        principalTable: "projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_project_shares_projects_project_id",
                        column: x => x.project_id,
                        principalSchema: "translate",
                        principalTable: "projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "project_staff",
                schema: "translate",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    added_by = table.Column<Guid>(type: "uuid", nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_project_staff", x => x.id);
                    table.ForeignKey(
                        name: "fk_project_staff_asp_net_users_account_id",
                        column: x => x.account_id,
                        principalSchema: "translate",
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_project_staff_projects_project_id",
                        column: x => x.project_id,
                        principalSchema: "translate",
                        principalTable: "projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "publications",
                schema: "translate",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    requested_by = table.Column<Guid>(type: "uuid", nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    languages = table.Column<string[]>(type: "text[]", nullable: false),
                    document_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    branch = table.Column<string>(type: "text", nullable: true),
                    tree_sha = table.Column<string>(type: "text", nullable: true),
                    commit_sha = table.Column<string>(type: "text", nullable: true),
                    pull_request_number = table.Column<int>(type: "integer", nullable: true),
                    pull_request_url = table.Column<string>(type: "text", nullable: true),
                    files = table.Column<string>(type: "jsonb", nullable: false),
                    left_out = table.Column<string>(type: "jsonb", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "text", nullable: true),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_publications", x => x.id);
                    table.ForeignKey(
                        name: "fk_publications_projects_project_id",
                        column: x => x.project_id,
                        principalSchema: "translate",
                        principalTable: "projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "repository_connections",
                schema: "translate",
                columns: table => new
                {
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    host = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    owner = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    branch = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    source_pattern = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    target_template = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    write_mode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    branch_per_publication = table.Column<bool>(type: "boolean", nullable: false),
                    publish_xliff = table.Column<bool>(type: "boolean", nullable: false),
                    api_base_url = table.Column<string>(type: "text", nullable: true),
                    token = table.Column<string>(type: "text", nullable: true),
                    app_id = table.Column<long>(type: "bigint", nullable: true),
                    installation_id = table.Column<long>(type: "bigint", nullable: true),
                    app_private_key = table.Column<string>(type: "text", nullable: true),
                    webhook_secret = table.Column<string>(type: "text", nullable: true),
                    last_synced_commit = table.Column<string>(type: "text", nullable: true),
                    last_synced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_sync_report = table.Column<string[]>(type: "text[]", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    check_requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    checked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    check_outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    check_detail = table.Column<string>(type: "character varying(800)", maxLength: 800, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_repository_connections", x => x.project_id);
                    table.ForeignKey(
                        name: "fk_repository_connections_projects_project_id",
                        column: x => x.project_id,
                        principalSchema: "translate",
                        principalTable: "projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "account_roles",
                schema: "translate",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_account_roles", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_account_roles_accounts_user_id",
                        column: x => x.user_id,
                        principalSchema: "translate",
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_account_roles_roles_role_id",
                        column: x => x.role_id,
                        principalSchema: "translate",
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "role_claims",
                schema: "translate",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_role_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_role_claims_roles_role_id",
                        column: x => x.role_id,
                        principalSchema: "translate",
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "claims",
                schema: "translate",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    volunteer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    document_id = table.Column<Guid>(type: "uuid", nullable: false),
                    language = table.Column<string>(type: "character varying(85)", maxLength: 85, nullable: false),
                    words = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    released_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lapsed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_claims_documents_document_id",
                        column: x => x.document_id,
                        principalSchema: "translate",
                        principalTable: "documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "deadlines",
                schema: "translate",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    document_id = table.Column<Guid>(type: "uuid", nullable: false),
                    language = table.Column<string>(type: "character varying(85)", maxLength: 85, nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    set_by = table.Column<Guid>(type: "uuid", nullable: false),
                    set_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    projected_finish = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    forecast_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deadlines", x => x.id);
                    table.ForeignKey(
                        name: "fk_deadlines_documents_document_id",
                        column: x => x.document_id,
                        principalSchema: "translate",
                        principalTable: "documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "document_progress",
                schema: "translate",
                columns: table => new
                {
                    document_id = table.Column<Guid>(type: "uuid", nullable: false),
                    language = table.Column<string>(type: "character varying(85)", maxLength: 85, nullable: false),
                    translated_segments = table.Column<int>(type: "integer", nullable: false),
                    translated_words = table.Column<int>(type: "integer", nullable: false),
                    approved_segments = table.Column<int>(type: "integer", nullable: false),
                    approved_words = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_document_progress", x => new { x.document_id, x.language });
                    table.ForeignKey(
                        name: "fk_document_progress_documents_document_id",
                        column: x => x.document_id,
                        principalSchema: "translate",
                        principalTable: "documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "document_versions",
                schema: "translate",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    document_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    origin = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    segment_count = table.Column<int>(type: "integer", nullable: false),
                    word_count = table.Column<int>(type: "integer", nullable: false),
                    commit_sha = table.Column<string>(type: "text", nullable: true),
                    imported_by = table.Column<Guid>(type: "uuid", nullable: true),
                    changed_segments = table.Column<int>(type: "integer", nullable: false),
                    added_segments = table.Column<int>(type: "integer", nullable: false),
                    retired_segments = table.Column<int>(type: "integer", nullable: false),
                    approved_needing_update = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_document_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_document_versions_documents_document_id",
                        column: x => x.document_id,
                        principalSchema: "translate",
                        principalTable: "documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "segments",
                schema: "translate",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    document_id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    paragraph = table.Column<int>(type: "integer", nullable: false),
                    sentence = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    level = table.Column<int>(type: "integer", nullable: false),
                    source = table.Column<string>(type: "text", nullable: false),
                    source_codes = table.Column<string>(type: "jsonb", nullable: false),
                    space_after = table.Column<string>(type: "text", nullable: false),
                    word_count = table.Column<int>(type: "integer", nullable: false),
                    added_in_version = table.Column<int>(type: "integer", nullable: false),
                    changed_in_version = table.Column<int>(type: "integer", nullable: true),
                    previous_source = table.Column<string>(type: "text", nullable: true),
                    previous_source_codes = table.Column<string>(type: "jsonb", nullable: true),
                    retired_in_version = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_segments", x => x.id);
                    table.ForeignKey(
                        name: "fk_segments_documents_document_id",
                        column: x => x.document_id,
                        principalSchema: "translate",
                        principalTable: "documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "comments",
                schema: "translate",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    segment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    language = table.Column<string>(type: "character varying(85)", maxLength: 85, nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    to_coordinators = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_comments", x => x.id);
                    table.ForeignKey(
                        name: "fk_comments_asp_net_users_author_id",
                        column: x => x.author_id,
                        principalSchema: "translate",
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_comments_segments_segment_id",
                        column: x => x.segment_id,
                        principalSchema: "translate",
                        principalTable: "segments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "targets",
                schema: "translate",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    segment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    language = table.Column<string>(type: "character varying(85)", maxLength: 85, nullable: false),
                    document_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: true),
                    word_count = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    text = table.Column<string>(type: "text", nullable: true),
                    translator_id = table.Column<Guid>(type: "uuid", nullable: true),
                    claimed_by = table.Column<Guid>(type: "uuid", nullable: true),
                    claim_id = table.Column<Guid>(type: "uuid", nullable: true),
                    state_before_claim = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    review_comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    draft = table.Column<string>(type: "text", nullable: true),
                    draft_saved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    review_claimed_by = table.Column<Guid>(type: "uuid", nullable: true),
                    review_claim_id = table.Column<Guid>(type: "uuid", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    events_recorded = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_targets", x => x.id);
                    table.ForeignKey(
                        name: "fk_targets_claims_claim_id",
                        column: x => x.claim_id,
                        principalSchema: "translate",
                        principalTable: "claims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_targets_claims_review_claim_id",
                        column: x => x.review_claim_id,
                        principalSchema: "translate",
                        principalTable: "claims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_targets_segments_segment_id",
                        column: x => x.segment_id,
                        principalSchema: "translate",
                        principalTable: "segments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "target_events",
                schema: "translate",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    target_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    state_after = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    text = table.Column<string>(type: "text", nullable: true),
                    comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_target_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_target_events_targets_target_id",
                        column: x => x.target_id,
                        principalSchema: "translate",
                        principalTable: "targets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_account_claims_user_id",
                schema: "translate",
                table: "account_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_account_logins_user_id",
                schema: "translate",
                table: "account_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_account_roles_role_id",
                schema: "translate",
                table: "account_roles",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                schema: "translate",
                table: "accounts",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                schema: "translate",
                table: "accounts",
                column: "normalized_user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_api_tokens_account_id",
                schema: "translate",
                table: "api_tokens",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_api_tokens_hash",
                schema: "translate",
                table: "api_tokens",
                column: "hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_claims_document_id",
                schema: "translate",
                table: "claims",
                column: "document_id");

            migrationBuilder.CreateIndex(
                name: "ix_claims_expires_at",
                schema: "translate",
                table: "claims",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_claims_volunteer_id_kind_expires_at",
                schema: "translate",
                table: "claims",
                columns: new[] { "volunteer_id", "kind", "expires_at" });

            migrationBuilder.CreateIndex(
                name: "ix_comments_author_id",
                schema: "translate",
                table: "comments",
                column: "author_id");

            migrationBuilder.CreateIndex(
                name: "ix_comments_segment_id_language_created_at",
                schema: "translate",
                table: "comments",
                columns: new[] { "segment_id", "language", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_deadlines_document_id_language",
                schema: "translate",
                table: "deadlines",
                columns: new[] { "document_id", "language" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_document_versions_document_id_number",
                schema: "translate",
                table: "document_versions",
                columns: new[] { "document_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_documents_project_id_path",
                schema: "translate",
                table: "documents",
                columns: new[] { "project_id", "path" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_glossary_entries_project_id",
                schema: "translate",
                table: "glossary_entries",
                column: "project_id");

            migrationBuilder.CreateIndex(
                name: "ix_invitations_hash",
                schema: "translate",
                table: "invitations",
                column: "hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_invitations_project_id_created_at",
                schema: "translate",
                table: "invitations",
                columns: new[] { "project_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_memory_entries_project_id_source_language_target_language_p",
                schema: "translate",
                table: "memory_entries",
                columns: new[] { "project_id", "source_language", "target_language", "pair_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_memory_entries_source_key_source_language_target_language",
                schema: "translate",
                table: "memory_entries",
                columns: new[] { "source_key", "source_language", "target_language" });

            migrationBuilder.CreateIndex(
                name: "ix_memory_entries_source_plain",
                schema: "translate",
                table: "memory_entries",
                column: "source_plain")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_memory_entries_source_words",
                schema: "translate",
                table: "memory_entries",
                column: "source_words")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_memory_entries_target_plain",
                schema: "translate",
                table: "memory_entries",
                column: "target_plain")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_account_id_once_key",
                schema: "translate",
                table: "notifications",
                columns: new[] { "account_id", "once_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_notifications_account_id_read_at_created_at",
                schema: "translate",
                table: "notifications",
                columns: new[] { "account_id", "read_at", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_outgoing_mails_created_at",
                schema: "translate",
                table: "outgoing_mails",
                column: "created_at",
                filter: "sent_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_password_resets_account_id",
                schema: "translate",
                table: "password_resets",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_password_resets_hash",
                schema: "translate",
                table: "password_resets",
                column: "hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_project_members_account_id_project_id",
                schema: "translate",
                table: "project_members",
                columns: new[] { "account_id", "project_id" });

            migrationBuilder.CreateIndex(
                name: "ix_project_members_project_id_account_id_language",
                schema: "translate",
                table: "project_members",
                columns: new[] { "project_id", "account_id", "language" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_project_shares_owner_project_id",
                schema: "translate",
                table: "project_shares",
                column: "owner_project_id");

            migrationBuilder.CreateIndex(
                name: "ix_project_staff_account_id",
                schema: "translate",
                table: "project_staff",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_project_staff_project_id_account_id",
                schema: "translate",
                table: "project_staff",
                columns: new[] { "project_id", "account_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_projects_normalized_name",
                schema: "translate",
                table: "projects",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_publications_project_id_number",
                schema: "translate",
                table: "publications",
                columns: new[] { "project_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_role_claims_role_id",
                schema: "translate",
                table: "role_claims",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                schema: "translate",
                table: "roles",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_segments_document_id_key",
                schema: "translate",
                table: "segments",
                columns: new[] { "document_id", "key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_segments_document_id_ordinal",
                schema: "translate",
                table: "segments",
                columns: new[] { "document_id", "ordinal" });

            migrationBuilder.CreateIndex(
                name: "ix_target_events_actor_id_at",
                schema: "translate",
                table: "target_events",
                columns: new[] { "actor_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_target_events_target_id_sequence",
                schema: "translate",
                table: "target_events",
                columns: new[] { "target_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_targets_claim_id",
                schema: "translate",
                table: "targets",
                column: "claim_id",
                filter: "state IN ('Claimed')");

            migrationBuilder.CreateIndex(
                name: "ix_targets_claimed_by",
                schema: "translate",
                table: "targets",
                column: "claimed_by",
                filter: "claimed_by IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_targets_review_claim_id",
                schema: "translate",
                table: "targets",
                column: "review_claim_id",
                filter: "review_claim_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_targets_review_claimed_by",
                schema: "translate",
                table: "targets",
                column: "review_claimed_by",
                filter: "review_claimed_by IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_targets_review_queue",
                schema: "translate",
                table: "targets",
                columns: new[] { "document_id", "language", "ordinal" },
                filter: "state IN ('Translated') AND review_claim_id IS NULL AND ordinal IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_targets_segment_id_language",
                schema: "translate",
                table: "targets",
                columns: new[] { "segment_id", "language" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_targets_translation_queue",
                schema: "translate",
                table: "targets",
                columns: new[] { "document_id", "language", "ordinal" },
                filter: "state IN ('Untranslated', 'NeedsUpdate', 'Rejected') AND ordinal IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_targets_translator_id_state",
                schema: "translate",
                table: "targets",
                columns: new[] { "translator_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_received_at",
                schema: "translate",
                table: "webhook_deliveries",
                column: "received_at");

            // What the model does not describe: an expression index, the statistics a fuzzy memory lookup plans by, the
            // live progress counts kept by triggers, and the triggers that tell every API process's caches what changed.
            migrationBuilder.Sql("CREATE INDEX ix_segments_source_md5 ON translate.segments (md5(source))");

            migrationBuilder.Sql("ALTER TABLE translate.memory_entries ALTER COLUMN source_words SET STATISTICS 1000;");

            migrationBuilder.Sql("""
                CREATE TABLE translate.document_progress_changes (
                    document_id uuid NOT NULL,
                    language character varying(85) NOT NULL,
                    translated_segments integer NOT NULL,
                    translated_words integer NOT NULL,
                    approved_segments integer NOT NULL,
                    approved_words integer NOT NULL);
                CREATE INDEX ix_document_progress_changes_document_id_language
                    ON translate.document_progress_changes (document_id, language);

                -- A target counts as translated when handed in or approved, and as approved when approved (Target.CountsAsTranslated),
                -- with its segment's words, while the segment is in the current version.
                CREATE FUNCTION translate.document_progress_of_inserted_targets() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO translate.document_progress_changes
                        (document_id, language, translated_segments, translated_words, approved_segments, approved_words)
                    SELECT s.document_id, n.language, count(*), sum(s.word_count),
                           count(*) FILTER (WHERE n.state = 'Approved'), coalesce(sum(s.word_count) FILTER (WHERE n.state = 'Approved'), 0)
                    FROM new_targets n JOIN translate.segments s ON s.id = n.segment_id AND s.retired_in_version IS NULL
                    WHERE n.state IN ('Translated', 'Approved')
                    GROUP BY s.document_id, n.language;
                    RETURN NULL;
                END $$;

                CREATE FUNCTION translate.document_progress_of_updated_targets() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO translate.document_progress_changes
                        (document_id, language, translated_segments, translated_words, approved_segments, approved_words)
                    SELECT s.document_id, c.language, sum(c.translated), sum(c.translated * s.word_count),
                           sum(c.approved), sum(c.approved * s.word_count)
                    FROM (SELECT segment_id, language, 1 AS translated, (state = 'Approved')::int AS approved
                          FROM new_targets WHERE state IN ('Translated', 'Approved')
                          UNION ALL
                          SELECT segment_id, language, -1, -(state = 'Approved')::int
                          FROM old_targets WHERE state IN ('Translated', 'Approved')) c
                    JOIN translate.segments s ON s.id = c.segment_id AND s.retired_in_version IS NULL
                    GROUP BY s.document_id, c.language
                    HAVING sum(c.translated) <> 0 OR sum(c.approved) <> 0;
                    RETURN NULL;
                END $$;

                CREATE FUNCTION translate.document_progress_of_deleted_targets() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO translate.document_progress_changes
                        (document_id, language, translated_segments, translated_words, approved_segments, approved_words)
                    SELECT s.document_id, o.language, -count(*), -sum(s.word_count),
                           -count(*) FILTER (WHERE o.state = 'Approved'), -coalesce(sum(s.word_count) FILTER (WHERE o.state = 'Approved'), 0)
                    FROM old_targets o JOIN translate.segments s ON s.id = o.segment_id AND s.retired_in_version IS NULL
                    WHERE o.state IN ('Translated', 'Approved')
                    GROUP BY s.document_id, o.language;
                    RETURN NULL;
                END $$;

                -- A segment retired, brought back, or with a new word count moves its translated targets' share.
                CREATE FUNCTION translate.document_progress_of_updated_segments() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    moved uuid[];
                BEGIN
                    SELECT array_agg(n.id) INTO moved
                    FROM new_segments n JOIN old_segments o ON o.id = n.id
                    WHERE (n.retired_in_version IS NULL) <> (o.retired_in_version IS NULL)
                       OR (n.retired_in_version IS NULL AND n.word_count <> o.word_count);
                    IF moved IS NULL THEN
                        RETURN NULL;
                    END IF;
                    -- A submission of one of these targets in flight in another transaction has counted the segment as it
                    -- was; wait for it, then count the targets as they are now (the next statement sees its commit). One that
                    -- comes later waits for this transaction and counts the segment as it is after it.
                    PERFORM 1 FROM translate.targets WHERE segment_id = ANY (moved) FOR SHARE;
                    INSERT INTO translate.document_progress_changes
                        (document_id, language, translated_segments, translated_words, approved_segments, approved_words)
                    SELECT n.document_id, t.language,
                           sum(w.now_in - w.was_in), sum(w.now_in * n.word_count - w.was_in * o.word_count),
                           sum((t.state = 'Approved')::int * (w.now_in - w.was_in)),
                           sum((t.state = 'Approved')::int * (w.now_in * n.word_count - w.was_in * o.word_count))
                    FROM new_segments n
                    JOIN old_segments o ON o.id = n.id
                    CROSS JOIN LATERAL (SELECT (n.retired_in_version IS NULL)::int AS now_in, (o.retired_in_version IS NULL)::int AS was_in) w
                    JOIN translate.targets t ON t.segment_id = n.id AND t.state IN ('Translated', 'Approved')
                    WHERE n.id = ANY (moved)
                    GROUP BY n.document_id, t.language;
                    RETURN NULL;
                END $$;

                CREATE TRIGGER document_progress_of_inserted_targets AFTER INSERT ON translate.targets
                    REFERENCING NEW TABLE AS new_targets FOR EACH STATEMENT EXECUTE FUNCTION translate.document_progress_of_inserted_targets();
                CREATE TRIGGER document_progress_of_updated_targets AFTER UPDATE ON translate.targets
                    REFERENCING OLD TABLE AS old_targets NEW TABLE AS new_targets FOR EACH STATEMENT EXECUTE FUNCTION translate.document_progress_of_updated_targets();
                CREATE TRIGGER document_progress_of_deleted_targets AFTER DELETE ON translate.targets
                    REFERENCING OLD TABLE AS old_targets FOR EACH STATEMENT EXECUTE FUNCTION translate.document_progress_of_deleted_targets();
                CREATE TRIGGER document_progress_of_updated_segments AFTER UPDATE ON translate.segments
                    REFERENCING OLD TABLE AS old_segments NEW TABLE AS new_segments FOR EACH STATEMENT EXECUTE FUNCTION translate.document_progress_of_updated_segments();
                """);

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

            migrationBuilder.Sql($"""
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
                CREATE TRIGGER check_settings_changed AFTER INSERT OR UPDATE OR DELETE ON translate.check_settings
                    FOR EACH ROW EXECUTE FUNCTION translate.check_settings_changed('{CheckSettingNotices.Project}', 'project_id');
                CREATE TRIGGER check_settings_changed AFTER INSERT OR UPDATE OR DELETE ON translate.glossary_entries
                    FOR EACH ROW EXECUTE FUNCTION translate.check_settings_changed('{CheckSettingNotices.Project}', 'project_id');
                CREATE TRIGGER check_settings_changed AFTER INSERT OR UPDATE OR DELETE ON translate.project_shares
                    FOR EACH ROW EXECUTE FUNCTION translate.check_settings_changed('{CheckSettingNotices.Project}', 'project_id', 'owner_project_id');
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
                DROP TABLE translate.document_progress_changes;
                DROP FUNCTION translate.document_progress_of_inserted_targets, translate.document_progress_of_updated_targets,
                    translate.document_progress_of_deleted_targets, translate.document_progress_of_updated_segments CASCADE;
                DROP FUNCTION translate.credentials_changed, translate.rights_changed, translate.check_settings_changed CASCADE;
                """);

            migrationBuilder.DropTable(
                name: "account_claims",
                schema: "translate");

            migrationBuilder.DropTable(
                name: "account_logins",
                schema: "translate");

            migrationBuilder.DropTable(
                name: "account_roles",
                schema: "translate");

            migrationBuilder.DropTable(
                name: "account_tokens",
                schema: "translate");

            migrationBuilder.DropTable(
                name: "api_tokens",
                schema: "translate");

            migrationBuilder.DropTable(
                name: "check_settings",
                schema: "translate");

            migrationBuilder.DropTable(
                name: "comments",
                schema: "translate");

            migrationBuilder.DropTable(
                name: "data_protection_keys",
                schema: "translate");

            migrationBuilder.DropTable(
                name: "deadlines",
                schema: "translate");

            migrationBuilder.DropTable(
                name: "document_progress",
                schema: "translate");

            migrationBuilder.DropTable(
                name: "document_versions",
                schema: "translate");

            migrationBuilder.DropTable(
                name: "glossary_entries",
                schema: "translate");

            migrationBuilder.DropTable(
                name: "invitations",
                schema: "translate");

            migrationBuilder.DropTable(
                name: "lapsed_segments",
                schema: "translate");

            migrationBuilder.DropTable(
                name: "machine_translation_settings",
                schema: "translate");

            migrationBuilder.DropTable(
                name: "machine_translations",
                schema: "translate");

            migrationBuilder.DropTable(
                name: "memory_entries",
                schema: "translate");

            migrationBuilder.DropTable(
                name: "notifications",
                schema: "translate");

            migrationBuilder.DropTable(
                name: "outgoing_mails",
                schema: "translate");

            migrationBuilder.DropTable(
                name: "password_resets",
                schema: "translate");

            migrationBuilder.DropTable(
                name: "project_members",
                schema: "translate");

            migrationBuilder.DropTable(
                name: "project_shares",
                schema: "translate");

            migrationBuilder.DropTable(
                name: "project_staff",
                schema: "translate");

            migrationBuilder.DropTable(
                name: "publications",
                schema: "translate");

            migrationBuilder.DropTable(
                name: "repository_connections",
                schema: "translate");

            migrationBuilder.DropTable(
                name: "role_claims",
                schema: "translate");

            migrationBuilder.DropTable(
                name: "target_events",
                schema: "translate");

            migrationBuilder.DropTable(
                name: "volunteer_profiles",
                schema: "translate");

            migrationBuilder.DropTable(
                name: "webhook_deliveries",
                schema: "translate");

            migrationBuilder.DropTable(
                name: "roles",
                schema: "translate");

            migrationBuilder.DropTable(
                name: "targets",
                schema: "translate");

            migrationBuilder.DropTable(
                name: "accounts",
                schema: "translate");

            migrationBuilder.DropTable(
                name: "claims",
                schema: "translate");

            migrationBuilder.DropTable(
                name: "segments",
                schema: "translate");

            migrationBuilder.DropTable(
                name: "documents",
                schema: "translate");

            migrationBuilder.DropTable(
                name: "projects",
                schema: "translate");
        }
    }
}
