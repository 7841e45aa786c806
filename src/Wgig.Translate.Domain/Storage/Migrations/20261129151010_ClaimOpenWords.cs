using Microsoft.EntityFrameworkCore.Migrations;
using Wgig.Translate.Domain.Claims;

#nullable disable

namespace Wgig.Translate.Domain.Storage.Migrations
{
    /// <summary>
    /// Each claim keeps the words of the segments it holds (<see cref="Claim.OpenWords"/>), counted once from the targets and
    /// kept from then on by a trigger on targets (<see cref="OpenWords.TriggerSql"/>): the cap reads a volunteer's live claims,
    /// not every segment they hold. The default only fills the existing rows; the schema keeps none.
    /// </summary>
    public partial class ClaimOpenWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "open_words",
                schema: "translate",
                table: "claims",
                type: "integer",
                nullable: false,
                defaultValue: 0);
            migrationBuilder.Sql("ALTER TABLE translate.claims ALTER COLUMN open_words DROP DEFAULT;");
            migrationBuilder.Sql(OpenWords.RecountSql);
            migrationBuilder.Sql(OpenWords.TriggerSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER claims_open_words_inserted ON translate.targets;
                DROP TRIGGER claims_open_words_updated ON translate.targets;
                DROP TRIGGER claims_open_words_deleted ON translate.targets;
                DROP FUNCTION translate.claims_open_words();
                """);
            migrationBuilder.DropColumn(
                name: "open_words",
                schema: "translate",
                table: "claims");
        }
    }
}
