using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wgig.Translate.Domain.Storage.Migrations
{
    /// <inheritdoc />
    public partial class LapsedSegments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                    table.ForeignKey(
                        name: "fk_lapsed_segments_claims_claim_id",
                        column: x => x.claim_id,
                        principalSchema: "translate",
                        principalTable: "claims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_lapsed_segments_segments_segment_id",
                        column: x => x.segment_id,
                        principalSchema: "translate",
                        principalTable: "segments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_lapsed_segments_segment_id",
                schema: "translate",
                table: "lapsed_segments",
                column: "segment_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "lapsed_segments",
                schema: "translate");
        }
    }
}
