using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wgig.Translate.Domain.Storage.Migrations
{
    /// <inheritdoc />
    public partial class DocumentOrigin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string[]>(
                name: "last_sync_report",
                schema: "translate",
                table: "repository_connections",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);
            migrationBuilder.AddColumn<string>(
                name: "origin",
                schema: "translate",
                table: "documents",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "added_segments",
                schema: "translate",
                table: "document_versions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "approved_needing_update",
                schema: "translate",
                table: "document_versions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "changed_segments",
                schema: "translate",
                table: "document_versions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "imported_by",
                schema: "translate",
                table: "document_versions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "retired_segments",
                schema: "translate",
                table: "document_versions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // A document's origin is its first version's; what each earlier version did is counted from its segments.
            // The defaults only filled the existing rows: the schema has no column defaults.
            migrationBuilder.Sql("""
                UPDATE translate.documents d SET origin = v.origin
                FROM translate.document_versions v WHERE v.document_id = d.id AND v.number = 1;
                UPDATE translate.document_versions v SET
                    added_segments = (SELECT count(*) FROM translate.segments s WHERE s.document_id = v.document_id AND s.added_in_version = v.number),
                    changed_segments = (SELECT count(*) FROM translate.segments s WHERE s.document_id = v.document_id AND s.changed_in_version = v.number),
                    retired_segments = (SELECT count(*) FROM translate.segments s WHERE s.document_id = v.document_id AND s.retired_in_version = v.number);
                ALTER TABLE translate.documents ALTER COLUMN origin DROP DEFAULT;
                ALTER TABLE translate.document_versions ALTER COLUMN added_segments DROP DEFAULT;
                ALTER TABLE translate.document_versions ALTER COLUMN approved_needing_update DROP DEFAULT;
                ALTER TABLE translate.document_versions ALTER COLUMN changed_segments DROP DEFAULT;
                ALTER TABLE translate.document_versions ALTER COLUMN retired_segments DROP DEFAULT;
                ALTER TABLE translate.repository_connections ALTER COLUMN last_sync_report DROP DEFAULT;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "last_sync_report",
                schema: "translate",
                table: "repository_connections");
            migrationBuilder.DropColumn(
                name: "origin",
                schema: "translate",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "added_segments",
                schema: "translate",
                table: "document_versions");

            migrationBuilder.DropColumn(
                name: "approved_needing_update",
                schema: "translate",
                table: "document_versions");

            migrationBuilder.DropColumn(
                name: "changed_segments",
                schema: "translate",
                table: "document_versions");

            migrationBuilder.DropColumn(
                name: "imported_by",
                schema: "translate",
                table: "document_versions");

            migrationBuilder.DropColumn(
                name: "retired_segments",
                schema: "translate",
                table: "document_versions");
        }
    }
}
