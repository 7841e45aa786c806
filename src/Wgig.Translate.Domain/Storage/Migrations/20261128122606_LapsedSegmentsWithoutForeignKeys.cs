using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wgig.Translate.Domain.Storage.Migrations
{
    /// <inheritdoc />
    public partial class LapsedSegmentsWithoutForeignKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_lapsed_segments_claims_claim_id",
                schema: "translate",
                table: "lapsed_segments");

            migrationBuilder.DropForeignKey(
                name: "fk_lapsed_segments_segments_segment_id",
                schema: "translate",
                table: "lapsed_segments");

            migrationBuilder.DropIndex(
                name: "ix_lapsed_segments_segment_id",
                schema: "translate",
                table: "lapsed_segments");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_lapsed_segments_segment_id",
                schema: "translate",
                table: "lapsed_segments",
                column: "segment_id");

            migrationBuilder.AddForeignKey(
                name: "fk_lapsed_segments_claims_claim_id",
                schema: "translate",
                table: "lapsed_segments",
                column: "claim_id",
                principalSchema: "translate",
                principalTable: "claims",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_lapsed_segments_segments_segment_id",
                schema: "translate",
                table: "lapsed_segments",
                column: "segment_id",
                principalSchema: "translate",
                principalTable: "segments",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
