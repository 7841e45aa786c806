using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wgig.Translate.Domain.Storage.Migrations
{
    /// <inheritdoc />
    public partial class EscalationLadder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ladder_alert_coordinators",
                schema: "translate",
                table: "projects",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "ladder_overdue_notice",
                schema: "translate",
                table: "projects",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "ladder_reassign_lapsed_work",
                schema: "translate",
                table: "projects",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<TimeSpan>(
                name: "ladder_remind_before_claim_ends",
                schema: "translate",
                table: "projects",
                type: "interval",
                nullable: true);

            migrationBuilder.AddColumn<TimeSpan>(
                name: "ladder_remind_before_deadline",
                schema: "translate",
                table: "projects",
                type: "interval",
                nullable: true);

            // Existing projects keep the steps they had before the ladder was configurable.
            migrationBuilder.Sql("UPDATE translate.projects SET ladder_remind_before_claim_ends = interval '24 hours', ladder_remind_before_deadline = interval '48 hours'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ladder_alert_coordinators",
                schema: "translate",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "ladder_overdue_notice",
                schema: "translate",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "ladder_reassign_lapsed_work",
                schema: "translate",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "ladder_remind_before_claim_ends",
                schema: "translate",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "ladder_remind_before_deadline",
                schema: "translate",
                table: "projects");
        }
    }
}
