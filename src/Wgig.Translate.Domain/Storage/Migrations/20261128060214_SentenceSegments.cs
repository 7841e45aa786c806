using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wgig.Translate.Domain.Storage.Migrations
{
    /// <inheritdoc />
    public partial class SentenceSegments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "changed_in_version",
                schema: "translate",
                table: "segments",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "paragraph",
                schema: "translate",
                table: "segments",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "previous_source",
                schema: "translate",
                table: "segments",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "previous_source_codes",
                schema: "translate",
                table: "segments",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "sentence",
                schema: "translate",
                table: "segments",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "source_codes",
                schema: "translate",
                table: "segments",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "space_after",
                schema: "translate",
                table: "segments",
                type: "text",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "changed_in_version",
                schema: "translate",
                table: "segments");

            migrationBuilder.DropColumn(
                name: "paragraph",
                schema: "translate",
                table: "segments");

            migrationBuilder.DropColumn(
                name: "previous_source",
                schema: "translate",
                table: "segments");

            migrationBuilder.DropColumn(
                name: "previous_source_codes",
                schema: "translate",
                table: "segments");

            migrationBuilder.DropColumn(
                name: "sentence",
                schema: "translate",
                table: "segments");

            migrationBuilder.DropColumn(
                name: "source_codes",
                schema: "translate",
                table: "segments");

            migrationBuilder.DropColumn(
                name: "space_after",
                schema: "translate",
                table: "segments");
        }
    }
}
