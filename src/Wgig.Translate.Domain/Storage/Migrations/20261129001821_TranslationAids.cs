using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wgig.Translate.Domain.Storage.Migrations
{
    /// <inheritdoc />
    public partial class TranslationAids : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

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

            migrationBuilder.CreateIndex(
                name: "ix_glossary_entries_project_id",
                schema: "translate",
                table: "glossary_entries",
                column: "project_id");

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
                name: "ix_memory_entries_target_plain",
                schema: "translate",
                table: "memory_entries",
                column: "target_plain")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_project_shares_owner_project_id",
                schema: "translate",
                table: "project_shares",
                column: "owner_project_id");

            // The consistency check finds the other translations of a source across the project by its text.
            migrationBuilder.Sql("CREATE INDEX ix_segments_source_md5 ON translate.segments (md5(source))");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX translate.ix_segments_source_md5");

            migrationBuilder.DropTable(
                name: "check_settings",
                schema: "translate");

            migrationBuilder.DropTable(
                name: "glossary_entries",
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
                name: "project_shares",
                schema: "translate");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}
