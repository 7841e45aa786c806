using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wgig.Translate.Domain.Storage.Migrations
{
    /// <inheritdoc />
    public partial class InvitationRights : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "grants",
                schema: "translate",
                table: "invitations",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            // Earlier invitations carry no rights; the schema keeps no column defaults (every write names its columns).
            migrationBuilder.Sql("ALTER TABLE translate.invitations ALTER COLUMN grants DROP DEFAULT;");

            migrationBuilder.AddColumn<Guid>(
                name: "project_id",
                schema: "translate",
                table: "invitations",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "revoked_at",
                schema: "translate",
                table: "invitations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_invitations_project_id_created_at",
                schema: "translate",
                table: "invitations",
                columns: new[] { "project_id", "created_at" });

            migrationBuilder.AddForeignKey(
                name: "fk_invitations_projects_project_id",
                schema: "translate",
                table: "invitations",
                column: "project_id",
                principalSchema: "translate",
                principalTable: "projects",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_invitations_projects_project_id",
                schema: "translate",
                table: "invitations");

            migrationBuilder.DropIndex(
                name: "ix_invitations_project_id_created_at",
                schema: "translate",
                table: "invitations");

            migrationBuilder.DropColumn(
                name: "grants",
                schema: "translate",
                table: "invitations");

            migrationBuilder.DropColumn(
                name: "project_id",
                schema: "translate",
                table: "invitations");

            migrationBuilder.DropColumn(
                name: "revoked_at",
                schema: "translate",
                table: "invitations");
        }
    }
}
