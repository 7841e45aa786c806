using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wgig.Translate.Domain.Storage.Migrations
{
    /// <inheritdoc />
    public partial class Claims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "claims",
                schema: "translate",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    volunteer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    document_id = table.Column<Guid>(type: "uuid", nullable: false),
                    language = table.Column<string>(type: "character varying(85)", maxLength: 85, nullable: false),
                    words = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_claims_documents_document_id",
                        column: x => x.document_id,
                        principalSchema: "translate",
                        principalTable: "documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_claims_document_id",
                schema: "translate",
                table: "claims",
                column: "document_id");

            migrationBuilder.CreateIndex(
                name: "ix_claims_expires_at",
                schema: "translate",
                table: "claims",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_claims_volunteer_id_expires_at",
                schema: "translate",
                table: "claims",
                columns: new[] { "volunteer_id", "expires_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "claims",
                schema: "translate");
        }
    }
}
