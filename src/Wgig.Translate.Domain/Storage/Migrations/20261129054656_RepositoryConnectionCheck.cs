using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wgig.Translate.Domain.Storage.Migrations
{
    /// <inheritdoc />
    public partial class RepositoryConnectionCheck : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "check_detail",
                schema: "translate",
                table: "repository_connections",
                type: "character varying(800)",
                maxLength: 800,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "check_outcome",
                schema: "translate",
                table: "repository_connections",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "check_requested_at",
                schema: "translate",
                table: "repository_connections",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "checked_at",
                schema: "translate",
                table: "repository_connections",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "check_detail",
                schema: "translate",
                table: "repository_connections");

            migrationBuilder.DropColumn(
                name: "check_outcome",
                schema: "translate",
                table: "repository_connections");

            migrationBuilder.DropColumn(
                name: "check_requested_at",
                schema: "translate",
                table: "repository_connections");

            migrationBuilder.DropColumn(
                name: "checked_at",
                schema: "translate",
                table: "repository_connections");
        }
    }
}
