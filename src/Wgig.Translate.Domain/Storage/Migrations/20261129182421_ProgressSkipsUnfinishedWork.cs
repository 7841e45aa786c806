using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wgig.Translate.Domain.Storage.Migrations
{
    /// <summary>
    /// The progress trigger on updated targets returns at once when the statement neither finds nor leaves a target counted
    /// as translated (handed in or approved): a claim, a draft, a lease extended, a review batch released. Those are most
    /// updates, and each paid for planning and running the join with the segments that could only come to nothing.
    /// </summary>
    public partial class ProgressSkipsUnfinishedWork : Migration
    {
        // The counting itself, as the initial migration wrote it.
        private const string Count = """
                INSERT INTO translate.document_progress_changes
                    (document_id, language, translated_segments, translated_words, approved_segments, approved_words)
                SELECT s.document_id, c.language, sum(c.translated), sum(c.translated * s.word_count),
                       sum(c.approved), sum(c.approved * s.word_count)
                FROM (SELECT segment_id, language, 1 AS translated, (state = 'Approved')::int AS approved
                      FROM new_targets WHERE state IN ('Translated', 'Approved')
                      UNION ALL
                      SELECT segment_id, language, -1, -(state = 'Approved')::int
                      FROM old_targets WHERE state IN ('Translated', 'Approved')) c
                JOIN translate.segments s ON s.id = c.segment_id AND s.retired_in_version IS NULL
                GROUP BY s.document_id, c.language
                HAVING sum(c.translated) <> 0 OR sum(c.approved) <> 0;
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                CREATE OR REPLACE FUNCTION translate.document_progress_of_updated_targets() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NOT EXISTS (SELECT 1 FROM new_targets WHERE state IN ('Translated', 'Approved'))
                       AND NOT EXISTS (SELECT 1 FROM old_targets WHERE state IN ('Translated', 'Approved')) THEN
                        RETURN NULL;
                    END IF;
                {Count}
                    RETURN NULL;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                CREATE OR REPLACE FUNCTION translate.document_progress_of_updated_targets() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                {Count}
                    RETURN NULL;
                END $$;
                """);
        }
    }
}
