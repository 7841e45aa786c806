using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Wgig.Translate.Domain.Storage.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "translate");

            migrationBuilder.CreateTable(
                name: "accounts",
                schema: "translate",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
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
                    accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_invitations", x => x.id);
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
                name: "documents",
                schema: "translate",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    path = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    format = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
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
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    segment_count = table.Column<int>(type: "integer", nullable: false),
                    word_count = table.Column<int>(type: "integer", nullable: false),
                    translated_segments = table.Column<int>(type: "integer", nullable: false),
                    translated_words = table.Column<int>(type: "integer", nullable: false),
                    approved_segments = table.Column<int>(type: "integer", nullable: false),
                    approved_words = table.Column<int>(type: "integer", nullable: false),
                    recounted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    commit_sha = table.Column<string>(type: "text", nullable: true)
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
                name: "targets",
                schema: "translate",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    segment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    language = table.Column<string>(type: "character varying(85)", maxLength: 85, nullable: false),
                    state = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    text = table.Column<string>(type: "text", nullable: true),
                    translator_id = table.Column<Guid>(type: "uuid", nullable: true),
                    claimed_by = table.Column<Guid>(type: "uuid", nullable: true),
                    claim_id = table.Column<Guid>(type: "uuid", nullable: true),
                    claim_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    state_before_claim = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    review_comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    draft = table.Column<string>(type: "text", nullable: true),
                    draft_saved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    review_claimed_by = table.Column<Guid>(type: "uuid", nullable: true),
                    review_claim_id = table.Column<Guid>(type: "uuid", nullable: true),
                    review_claim_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    events_recorded = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_targets", x => x.id);
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
                name: "ix_invitations_hash",
                schema: "translate",
                table: "invitations",
                column: "hash",
                unique: true);

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
                name: "ix_targets_claimed_by_claim_expires_at",
                schema: "translate",
                table: "targets",
                columns: new[] { "claimed_by", "claim_expires_at" });

            migrationBuilder.CreateIndex(
                name: "ix_targets_review_claimed_by_review_claim_expires_at",
                schema: "translate",
                table: "targets",
                columns: new[] { "review_claimed_by", "review_claim_expires_at" });

            migrationBuilder.CreateIndex(
                name: "ix_targets_segment_id_language",
                schema: "translate",
                table: "targets",
                columns: new[] { "segment_id", "language" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
                name: "claims",
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
                name: "invitations",
                schema: "translate");

            migrationBuilder.DropTable(
                name: "lapsed_segments",
                schema: "translate");

            migrationBuilder.DropTable(
                name: "notifications",
                schema: "translate");

            migrationBuilder.DropTable(
                name: "project_members",
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
                name: "roles",
                schema: "translate");

            migrationBuilder.DropTable(
                name: "targets",
                schema: "translate");

            migrationBuilder.DropTable(
                name: "accounts",
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
