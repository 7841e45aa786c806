using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wgig.Translate.Domain.Storage.Migrations
{
    /// <inheritdoc />
    public partial class MemoryWordIndex : Migration
    {
        /// <summary>
        /// The words of a text in SQL, for the entries stored before this migration, as <see cref="Memory.MemoryEntry.WordsOf"/>
        /// finds them (a test holds the two together): a word starts with a letter or digit (not a combining mark) and runs over
        /// them, and over an apostrophe or hyphen followed by one; a Han or kana character ends it; folded to lower case with one
        /// kind of apostrophe, е for ё and no tatweel. Approving or importing an entry again writes the application's words.
        /// </summary>
        public static string WordsSql(string column)
        {
            const string cjk = @"\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF";
            const string marks = @"\u0300-\u036F\u0483-\u0489\u0591-\u05C7\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED";
            const string letter = $"(?![{cjk}{marks}])[[:alnum:]]";
            const string word = $"({letter}(?:{letter}|['’-](?=(?![{marks}])[[:alnum:]]))*[{cjk}]?|[{cjk}])";
            return $"ARRAY(SELECT DISTINCT translate(m[1], '’ʼёـ', '''''е') FROM regexp_matches(lower({column}), '{word.Replace("'", "''", StringComparison.Ordinal)}', 'g') AS m)";
        }

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string[]>(
                name: "source_words",
                schema: "translate",
                table: "memory_entries",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.Sql($"""
                UPDATE translate.memory_entries SET source_words = {WordsSql("source_plain")};
                ALTER TABLE translate.memory_entries ALTER COLUMN source_words DROP DEFAULT;
                -- A fuzzy lookup anchors on the rarest words by these statistics (MemoryWordStatistics): keep many of them.
                ALTER TABLE translate.memory_entries ALTER COLUMN source_words SET STATISTICS 1000;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_memory_entries_source_words",
                schema: "translate",
                table: "memory_entries",
                column: "source_words")
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_memory_entries_source_words",
                schema: "translate",
                table: "memory_entries");

            migrationBuilder.DropColumn(
                name: "source_words",
                schema: "translate",
                table: "memory_entries");
        }
    }
}
