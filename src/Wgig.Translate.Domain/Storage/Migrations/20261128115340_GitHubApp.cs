using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wgig.Translate.Domain.Storage.Migrations
{
    /// <inheritdoc />
    public partial class GitHubApp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "app_id",
                schema: "translate",
                table: "repository_connections",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "app_private_key",
                schema: "translate",
                table: "repository_connections",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "installation_id",
                schema: "translate",
                table: "repository_connections",
                type: "bigint",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "app_id",
                schema: "translate",
                table: "repository_connections");

            migrationBuilder.DropColumn(
                name: "app_private_key",
                schema: "translate",
                table: "repository_connections");

            migrationBuilder.DropColumn(
                name: "installation_id",
                schema: "translate",
                table: "repository_connections");
        }
    }
}
