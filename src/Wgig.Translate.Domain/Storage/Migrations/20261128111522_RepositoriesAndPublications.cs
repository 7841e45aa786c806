using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wgig.Translate.Domain.Storage.Migrations
{
    /// <inheritdoc />
    public partial class RepositoriesAndPublications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "commit_sha",
                schema: "translate",
                table: "document_versions",
                type: "text",
                nullable: true);

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

            migrationBuilder.CreateIndex(
                name: "ix_publications_project_id_number",
                schema: "translate",
                table: "publications",
                columns: new[] { "project_id", "number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "publications",
                schema: "translate");

            migrationBuilder.DropTable(
                name: "repository_connections",
                schema: "translate");

            migrationBuilder.DropColumn(
                name: "commit_sha",
                schema: "translate",
                table: "document_versions");
        }
    }
}
