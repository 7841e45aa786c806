using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wgig.Translate.Domain.Storage.Migrations
{
    /// <inheritdoc />
    public partial class TargetWorkflow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "claim_expires_at",
                schema: "translate",
                table: "targets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "claim_id",
                schema: "translate",
                table: "targets",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "claimed_by",
                schema: "translate",
                table: "targets",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "events_recorded",
                schema: "translate",
                table: "targets",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "review_comment",
                schema: "translate",
                table: "targets",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "state_before_claim",
                schema: "translate",
                table: "targets",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "translator_id",
                schema: "translate",
                table: "targets",
                type: "uuid",
                nullable: true);

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
                name: "ix_targets_claimed_by_claim_expires_at",
                schema: "translate",
                table: "targets",
                columns: new[] { "claimed_by", "claim_expires_at" });

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "target_events",
                schema: "translate");

            migrationBuilder.DropIndex(
                name: "ix_targets_claimed_by_claim_expires_at",
                schema: "translate",
                table: "targets");

            migrationBuilder.DropColumn(
                name: "claim_expires_at",
                schema: "translate",
                table: "targets");

            migrationBuilder.DropColumn(
                name: "claim_id",
                schema: "translate",
                table: "targets");

            migrationBuilder.DropColumn(
                name: "claimed_by",
                schema: "translate",
                table: "targets");

            migrationBuilder.DropColumn(
                name: "events_recorded",
                schema: "translate",
                table: "targets");

            migrationBuilder.DropColumn(
                name: "review_comment",
                schema: "translate",
                table: "targets");

            migrationBuilder.DropColumn(
                name: "state_before_claim",
                schema: "translate",
                table: "targets");

            migrationBuilder.DropColumn(
                name: "translator_id",
                schema: "translate",
                table: "targets");
        }
    }
}
