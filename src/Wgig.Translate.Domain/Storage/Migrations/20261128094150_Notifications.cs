using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wgig.Translate.Domain.Storage.Migrations
{
    /// <inheritdoc />
    public partial class Notifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "resumed_at",
                schema: "translate",
                table: "volunteer_profiles",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "lapsed_at",
                schema: "translate",
                table: "claims",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "notifications",
                schema: "translate",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: true),
                    once_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_notifications_asp_net_users_account_id",
                        column: x => x.account_id,
                        principalSchema: "translate",
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_account_id_once_key",
                schema: "translate",
                table: "notifications",
                columns: new[] { "account_id", "once_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_notifications_account_id_read_at_created_at",
                schema: "translate",
                table: "notifications",
                columns: new[] { "account_id", "read_at", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notifications",
                schema: "translate");

            migrationBuilder.DropColumn(
                name: "resumed_at",
                schema: "translate",
                table: "volunteer_profiles");

            migrationBuilder.DropColumn(
                name: "lapsed_at",
                schema: "translate",
                table: "claims");
        }
    }
}
