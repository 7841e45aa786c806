using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wgig.Translate.Domain.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ProfilesDraftsReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_claims_volunteer_id_expires_at",
                schema: "translate",
                table: "claims");

            migrationBuilder.AddColumn<string>(
                name: "draft",
                schema: "translate",
                table: "targets",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "draft_saved_at",
                schema: "translate",
                table: "targets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "review_claim_expires_at",
                schema: "translate",
                table: "targets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "review_claim_id",
                schema: "translate",
                table: "targets",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "review_claimed_by",
                schema: "translate",
                table: "targets",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "kind",
                schema: "translate",
                table: "claims",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Translation"); // every claim before this migration was one to translate

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
                    paused_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    paused_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
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

            migrationBuilder.CreateIndex(
                name: "ix_targets_review_claimed_by_review_claim_expires_at",
                schema: "translate",
                table: "targets",
                columns: new[] { "review_claimed_by", "review_claim_expires_at" });

            migrationBuilder.CreateIndex(
                name: "ix_claims_volunteer_id_kind_expires_at",
                schema: "translate",
                table: "claims",
                columns: new[] { "volunteer_id", "kind", "expires_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "volunteer_profiles",
                schema: "translate");

            migrationBuilder.DropIndex(
                name: "ix_targets_review_claimed_by_review_claim_expires_at",
                schema: "translate",
                table: "targets");

            migrationBuilder.DropIndex(
                name: "ix_claims_volunteer_id_kind_expires_at",
                schema: "translate",
                table: "claims");

            migrationBuilder.DropColumn(
                name: "draft",
                schema: "translate",
                table: "targets");

            migrationBuilder.DropColumn(
                name: "draft_saved_at",
                schema: "translate",
                table: "targets");

            migrationBuilder.DropColumn(
                name: "review_claim_expires_at",
                schema: "translate",
                table: "targets");

            migrationBuilder.DropColumn(
                name: "review_claim_id",
                schema: "translate",
                table: "targets");

            migrationBuilder.DropColumn(
                name: "review_claimed_by",
                schema: "translate",
                table: "targets");

            migrationBuilder.DropColumn(
                name: "kind",
                schema: "translate",
                table: "claims");

            migrationBuilder.CreateIndex(
                name: "ix_claims_volunteer_id_expires_at",
                schema: "translate",
                table: "claims",
                columns: new[] { "volunteer_id", "expires_at" });
        }
    }
}
