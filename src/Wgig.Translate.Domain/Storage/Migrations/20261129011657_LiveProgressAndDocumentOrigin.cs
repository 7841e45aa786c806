using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wgig.Translate.Domain.Storage.Migrations
{
    /// <inheritdoc />
    public partial class LiveProgressAndDocumentOrigin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string[]>(
                name: "last_sync_report",
                schema: "translate",
                table: "repository_connections",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);
            migrationBuilder.AddColumn<string>(
                name: "origin",
                schema: "translate",
                table: "documents",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "added_segments",
                schema: "translate",
                table: "document_versions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "approved_needing_update",
                schema: "translate",
                table: "document_versions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "changed_segments",
                schema: "translate",
                table: "document_versions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "imported_by",
                schema: "translate",
                table: "document_versions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "retired_segments",
                schema: "translate",
                table: "document_versions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // A document's origin is its first version's; what each earlier version did is counted from its segments.
            // The defaults only filled the existing rows: the schema has no column defaults.
            migrationBuilder.Sql("""
                UPDATE translate.documents d SET origin = v.origin
                FROM translate.document_versions v WHERE v.document_id = d.id AND v.number = 1;
                UPDATE translate.document_versions v SET
                    added_segments = (SELECT count(*) FROM translate.segments s WHERE s.document_id = v.document_id AND s.added_in_version = v.number),
                    changed_segments = (SELECT count(*) FROM translate.segments s WHERE s.document_id = v.document_id AND s.changed_in_version = v.number),
                    retired_segments = (SELECT count(*) FROM translate.segments s WHERE s.document_id = v.document_id AND s.retired_in_version = v.number);
                ALTER TABLE translate.documents ALTER COLUMN origin DROP DEFAULT;
                ALTER TABLE translate.document_versions ALTER COLUMN added_segments DROP DEFAULT;
                ALTER TABLE translate.document_versions ALTER COLUMN approved_needing_update DROP DEFAULT;
                ALTER TABLE translate.document_versions ALTER COLUMN changed_segments DROP DEFAULT;
                ALTER TABLE translate.document_versions ALTER COLUMN retired_segments DROP DEFAULT;
                ALTER TABLE translate.repository_connections ALTER COLUMN last_sync_report DROP DEFAULT;
                """);

            migrationBuilder.DropColumn(
                name: "recounted_at",
                schema: "translate",
                table: "document_progress");

            migrationBuilder.DropColumn(
                name: "segment_count",
                schema: "translate",
                table: "document_progress");

            migrationBuilder.DropColumn(
                name: "word_count",
                schema: "translate",
                table: "document_progress");

            // Progress kept by the database itself: every statement that changes targets or segments appends, in its
            // own transaction, what it changed per document × language to an append-only ledger (no row is updated,
            // so concurrent writers never wait for each other); readers add the ledger to the folded rows.
            migrationBuilder.Sql("""
                CREATE TABLE translate.document_progress_changes (
                    document_id uuid NOT NULL,
                    language character varying(85) NOT NULL,
                    translated_segments integer NOT NULL,
                    translated_words integer NOT NULL,
                    approved_segments integer NOT NULL,
                    approved_words integer NOT NULL);
                CREATE INDEX ix_document_progress_changes_document_id_language
                    ON translate.document_progress_changes (document_id, language);

                -- A target counts as translated when handed in or approved, and as approved when approved (Target.CountsAsTranslated),
                -- with its segment's words, while the segment is in the current version.
                CREATE FUNCTION translate.document_progress_of_inserted_targets() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO translate.document_progress_changes
                        (document_id, language, translated_segments, translated_words, approved_segments, approved_words)
                    SELECT s.document_id, n.language, count(*), sum(s.word_count),
                           count(*) FILTER (WHERE n.state = 'Approved'), coalesce(sum(s.word_count) FILTER (WHERE n.state = 'Approved'), 0)
                    FROM new_targets n JOIN translate.segments s ON s.id = n.segment_id AND s.retired_in_version IS NULL
                    WHERE n.state IN ('Translated', 'Approved')
                    GROUP BY s.document_id, n.language;
                    RETURN NULL;
                END $$;

                CREATE FUNCTION translate.document_progress_of_updated_targets() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
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
                    RETURN NULL;
                END $$;

                CREATE FUNCTION translate.document_progress_of_deleted_targets() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO translate.document_progress_changes
                        (document_id, language, translated_segments, translated_words, approved_segments, approved_words)
                    SELECT s.document_id, o.language, -count(*), -sum(s.word_count),
                           -count(*) FILTER (WHERE o.state = 'Approved'), -coalesce(sum(s.word_count) FILTER (WHERE o.state = 'Approved'), 0)
                    FROM old_targets o JOIN translate.segments s ON s.id = o.segment_id AND s.retired_in_version IS NULL
                    WHERE o.state IN ('Translated', 'Approved')
                    GROUP BY s.document_id, o.language;
                    RETURN NULL;
                END $$;

                -- A segment retired, brought back, or with a new word count moves its translated targets' share.
                CREATE FUNCTION translate.document_progress_of_updated_segments() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    moved uuid[];
                BEGIN
                    SELECT array_agg(n.id) INTO moved
                    FROM new_segments n JOIN old_segments o ON o.id = n.id
                    WHERE (n.retired_in_version IS NULL) <> (o.retired_in_version IS NULL)
                       OR (n.retired_in_version IS NULL AND n.word_count <> o.word_count);
                    IF moved IS NULL THEN
                        RETURN NULL;
                    END IF;
                    -- A submission of one of these targets in flight in another transaction has counted the segment as it
                    -- was; wait for it, then count the targets as they are now (the next statement sees its commit). One that
                    -- comes later waits for this transaction and counts the segment as it is after it.
                    PERFORM 1 FROM translate.targets WHERE segment_id = ANY (moved) FOR SHARE;
                    INSERT INTO translate.document_progress_changes
                        (document_id, language, translated_segments, translated_words, approved_segments, approved_words)
                    SELECT n.document_id, t.language,
                           sum(w.now_in - w.was_in), sum(w.now_in * n.word_count - w.was_in * o.word_count),
                           sum((t.state = 'Approved')::int * (w.now_in - w.was_in)),
                           sum((t.state = 'Approved')::int * (w.now_in * n.word_count - w.was_in * o.word_count))
                    FROM new_segments n
                    JOIN old_segments o ON o.id = n.id
                    CROSS JOIN LATERAL (SELECT (n.retired_in_version IS NULL)::int AS now_in, (o.retired_in_version IS NULL)::int AS was_in) w
                    JOIN translate.targets t ON t.segment_id = n.id AND t.state IN ('Translated', 'Approved')
                    WHERE n.id = ANY (moved)
                    GROUP BY n.document_id, t.language;
                    RETURN NULL;
                END $$;

                CREATE TRIGGER document_progress_of_inserted_targets AFTER INSERT ON translate.targets
                    REFERENCING NEW TABLE AS new_targets FOR EACH STATEMENT EXECUTE FUNCTION translate.document_progress_of_inserted_targets();
                CREATE TRIGGER document_progress_of_updated_targets AFTER UPDATE ON translate.targets
                    REFERENCING OLD TABLE AS old_targets NEW TABLE AS new_targets FOR EACH STATEMENT EXECUTE FUNCTION translate.document_progress_of_updated_targets();
                CREATE TRIGGER document_progress_of_deleted_targets AFTER DELETE ON translate.targets
                    REFERENCING OLD TABLE AS old_targets FOR EACH STATEMENT EXECUTE FUNCTION translate.document_progress_of_deleted_targets();
                CREATE TRIGGER document_progress_of_updated_segments AFTER UPDATE ON translate.segments
                    REFERENCING OLD TABLE AS old_segments NEW TABLE AS new_segments FOR EACH STATEMENT EXECUTE FUNCTION translate.document_progress_of_updated_segments();

                -- What was stored before: counted afresh.
                DELETE FROM translate.document_progress;
                INSERT INTO translate.document_progress (document_id, language, translated_segments, translated_words, approved_segments, approved_words)
                SELECT s.document_id, t.language, count(*), sum(s.word_count),
                       count(*) FILTER (WHERE t.state = 'Approved'), coalesce(sum(s.word_count) FILTER (WHERE t.state = 'Approved'), 0)
                FROM translate.targets t JOIN translate.segments s ON s.id = t.segment_id AND s.retired_in_version IS NULL
                WHERE t.state IN ('Translated', 'Approved')
                GROUP BY s.document_id, t.language;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER document_progress_of_inserted_targets ON translate.targets;
                DROP TRIGGER document_progress_of_updated_targets ON translate.targets;
                DROP TRIGGER document_progress_of_deleted_targets ON translate.targets;
                DROP TRIGGER document_progress_of_updated_segments ON translate.segments;
                DROP FUNCTION translate.document_progress_of_inserted_targets();
                DROP FUNCTION translate.document_progress_of_updated_targets();
                DROP FUNCTION translate.document_progress_of_deleted_targets();
                DROP FUNCTION translate.document_progress_of_updated_segments();
                DROP TABLE translate.document_progress_changes;
                """);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "recounted_at",
                schema: "translate",
                table: "document_progress",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<int>(
                name: "segment_count",
                schema: "translate",
                table: "document_progress",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "word_count",
                schema: "translate",
                table: "document_progress",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.DropColumn(
                name: "last_sync_report",
                schema: "translate",
                table: "repository_connections");
            migrationBuilder.DropColumn(
                name: "origin",
                schema: "translate",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "added_segments",
                schema: "translate",
                table: "document_versions");

            migrationBuilder.DropColumn(
                name: "approved_needing_update",
                schema: "translate",
                table: "document_versions");

            migrationBuilder.DropColumn(
                name: "changed_segments",
                schema: "translate",
                table: "document_versions");

            migrationBuilder.DropColumn(
                name: "imported_by",
                schema: "translate",
                table: "document_versions");

            migrationBuilder.DropColumn(
                name: "retired_segments",
                schema: "translate",
                table: "document_versions");
        }
    }
}
