using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wgig.Translate.Domain.Storage.Migrations
{
    /// <inheritdoc />
    public partial class NotificationMail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "mail",
                schema: "translate",
                table: "volunteer_profiles",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Immediately"); // also what the Worker's set-based inserts rely on

            migrationBuilder.AddColumn<int>(
                name: "mail_attempts",
                schema: "translate",
                table: "notifications",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "mailed_at",
                schema: "translate",
                table: "notifications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "next_mail_attempt_at",
                schema: "translate",
                table: "notifications",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "mail",
                schema: "translate",
                table: "volunteer_profiles");

            migrationBuilder.DropColumn(
                name: "mail_attempts",
                schema: "translate",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "mailed_at",
                schema: "translate",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "next_mail_attempt_at",
                schema: "translate",
                table: "notifications");
        }
    }
}
