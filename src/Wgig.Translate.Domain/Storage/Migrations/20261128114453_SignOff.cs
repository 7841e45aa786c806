using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wgig.Translate.Domain.Storage.Migrations
{
    /// <inheritdoc />
    public partial class SignOff : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "signed_off_at",
                schema: "translate",
                table: "documents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "signed_off_by",
                schema: "translate",
                table: "documents",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "signed_off_version",
                schema: "translate",
                table: "documents",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "signed_off_at",
                schema: "translate",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "signed_off_by",
                schema: "translate",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "signed_off_version",
                schema: "translate",
                table: "documents");
        }
    }
}
