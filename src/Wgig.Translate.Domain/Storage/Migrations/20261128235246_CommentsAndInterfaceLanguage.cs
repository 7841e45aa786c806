using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wgig.Translate.Domain.Storage.Migrations
{
    /// <inheritdoc />
    public partial class CommentsAndInterfaceLanguage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "interface_language",
                schema: "translate",
                table: "volunteer_profiles",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

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

            migrationBuilder.CreateIndex(
                name: "ix_targets_claimed_by",
                schema: "translate",
                table: "targets",
                column: "claimed_by",
                filter: "claimed_by IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_targets_review_claimed_by",
                schema: "translate",
                table: "targets",
                column: "review_claimed_by",
                filter: "review_claimed_by IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_targets_translator_id_state",
                schema: "translate",
                table: "targets",
                columns: new[] { "translator_id", "state" });

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "comments",
                schema: "translate");

            migrationBuilder.DropIndex(
                name: "ix_targets_claimed_by",
                schema: "translate",
                table: "targets");

            migrationBuilder.DropIndex(
                name: "ix_targets_review_claimed_by",
                schema: "translate",
                table: "targets");

            migrationBuilder.DropIndex(
                name: "ix_targets_translator_id_state",
                schema: "translate",
                table: "targets");

            migrationBuilder.DropColumn(
                name: "interface_language",
                schema: "translate",
                table: "volunteer_profiles");
        }
    }
}
