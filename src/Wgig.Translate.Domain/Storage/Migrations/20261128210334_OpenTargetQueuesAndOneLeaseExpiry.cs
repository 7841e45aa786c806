using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wgig.Translate.Domain.Storage.Migrations
{
    /// <inheritdoc />
    public partial class OpenTargetQueuesAndOneLeaseExpiry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_targets_claimed_by_claim_expires_at",
                schema: "translate",
                table: "targets");

            migrationBuilder.DropIndex(
                name: "ix_targets_review_claimed_by_review_claim_expires_at",
                schema: "translate",
                table: "targets");

            migrationBuilder.DropColumn(
                name: "claim_expires_at",
                schema: "translate",
                table: "targets");

            migrationBuilder.DropColumn(
                name: "review_claim_expires_at",
                schema: "translate",
                table: "targets");

            // Added nullable, filled from the segments, then made NOT NULL: the schema keeps no column defaults.
            migrationBuilder.AddColumn<Guid>(
                name: "document_id",
                schema: "translate",
                table: "targets",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ordinal",
                schema: "translate",
                table: "targets",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "word_count",
                schema: "translate",
                table: "targets",
                type: "integer",
                nullable: true);

            migrationBuilder.Sql("""
                UPDATE translate.targets t
                SET document_id = s.document_id, word_count = s.word_count,
                    ordinal = CASE WHEN s.retired_in_version IS NULL THEN s.ordinal END
                FROM translate.segments s WHERE s.id = t.segment_id;
                ALTER TABLE translate.targets ALTER COLUMN document_id SET NOT NULL, ALTER COLUMN word_count SET NOT NULL;

                -- Every current segment gets its target in every target language: the queues start full.
                INSERT INTO translate.targets (id, segment_id, language, document_id, ordinal, word_count, state, text, translator_id, claimed_by,
                    claim_id, state_before_claim, review_comment, draft, draft_saved_at, review_claimed_by, review_claim_id, updated_at, events_recorded)
                SELECT gen_random_uuid(), s.id, lang.code, s.document_id, s.ordinal, s.word_count, 'Untranslated', NULL, NULL, NULL,
                    NULL, NULL, NULL, NULL, NULL, NULL, NULL, now(), 0
                FROM translate.documents d
                JOIN translate.projects p ON p.id = d.project_id
                CROSS JOIN LATERAL unnest(p.target_languages) AS lang(code)
                JOIN translate.segments s ON s.document_id = d.id AND s.retired_in_version IS NULL
                ON CONFLICT (segment_id, language) DO NOTHING;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_targets_claim_id",
                schema: "translate",
                table: "targets",
                column: "claim_id",
                filter: "state IN ('Claimed')");

            migrationBuilder.CreateIndex(
                name: "ix_targets_review_claim_id",
                schema: "translate",
                table: "targets",
                column: "review_claim_id",
                filter: "review_claim_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_targets_review_queue",
                schema: "translate",
                table: "targets",
                columns: new[] { "document_id", "language", "ordinal" },
                filter: "state IN ('Translated') AND review_claim_id IS NULL AND ordinal IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_targets_translation_queue",
                schema: "translate",
                table: "targets",
                columns: new[] { "document_id", "language", "ordinal" },
                filter: "state IN ('Untranslated', 'NeedsUpdate', 'Rejected') AND ordinal IS NOT NULL");

            migrationBuilder.AddForeignKey(
                name: "fk_targets_claims_claim_id",
                schema: "translate",
                table: "targets",
                column: "claim_id",
                principalSchema: "translate",
                principalTable: "claims",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_targets_claims_review_claim_id",
                schema: "translate",
                table: "targets",
                column: "review_claim_id",
                principalSchema: "translate",
                principalTable: "claims",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_targets_claims_claim_id",
                schema: "translate",
                table: "targets");

            migrationBuilder.DropForeignKey(
                name: "fk_targets_claims_review_claim_id",
                schema: "translate",
                table: "targets");

            migrationBuilder.DropIndex(
                name: "ix_targets_claim_id",
                schema: "translate",
                table: "targets");

            migrationBuilder.DropIndex(
                name: "ix_targets_review_claim_id",
                schema: "translate",
                table: "targets");

            migrationBuilder.DropIndex(
                name: "ix_targets_review_queue",
                schema: "translate",
                table: "targets");

            migrationBuilder.DropIndex(
                name: "ix_targets_translation_queue",
                schema: "translate",
                table: "targets");

            migrationBuilder.DropColumn(
                name: "document_id",
                schema: "translate",
                table: "targets");

            migrationBuilder.DropColumn(
                name: "ordinal",
                schema: "translate",
                table: "targets");

            migrationBuilder.DropColumn(
                name: "word_count",
                schema: "translate",
                table: "targets");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "claim_expires_at",
                schema: "translate",
                table: "targets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "review_claim_expires_at",
                schema: "translate",
                table: "targets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_targets_claimed_by_claim_expires_at",
                schema: "translate",
                table: "targets",
                columns: new[] { "claimed_by", "claim_expires_at" });

            migrationBuilder.CreateIndex(
                name: "ix_targets_review_claimed_by_review_claim_expires_at",
                schema: "translate",
                table: "targets",
                columns: new[] { "review_claimed_by", "review_claim_expires_at" });
        }
    }
}
