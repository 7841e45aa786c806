using Microsoft.EntityFrameworkCore;
using Npgsql;
using Wgig.Translate.Domain.Claims;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Tests;

/// <summary>
/// Walks stored targets through the workflow's own transitions, for tests that need work done before what they
/// test: each step under a claim opened and stored as a volunteer's would be.
/// </summary>
public static class TestWork
{
    public static readonly ClaimOptions Rules = new();

    public static Claim Open(TranslationDb db, Guid volunteer, Target target, DateTimeOffset now, ClaimKind kind = ClaimKind.Translation)
    {
        var claim = Claim.Open(volunteer, target.DocumentId, target.Language, now, Rules, kind);
        claim.Cover(target.WordCount);
        db.Claims.Add(claim);
        return claim;
    }

    /// <summary>The translator claims the target and hands the text in.</summary>
    public static void Submit(TranslationDb db, Target target, Guid translator, SegmentContent text, SegmentContent source, DateTimeOffset now)
    {
        Ok(target.Claim(Open(db, translator, target, now), now));
        Ok(target.Submit(translator, text, source, now, Rules));
    }

    /// <summary>The translator hands the text in and the reviewer approves it.</summary>
    public static void Approve(TranslationDb db, Target target, Guid translator, Guid reviewer, SegmentContent text, SegmentContent source, DateTimeOffset now)
    {
        Submit(db, target, translator, text, source, now);
        Ok(target.Approve(reviewer, now));
    }

    /// <summary>The reclaim sweep's statement (<see cref="TargetSql.ExpireLapsed"/>) alone, as the Worker runs it; the count of targets reclaimed.</summary>
    public static async Task<int> ExpireLapsedAsync(TranslationDb db, DateTimeOffset now) =>
        (await db.Database.SqlQueryRaw<int>(TargetSql.ExpireLapsed, new NpgsqlParameter("now", now)).ToListAsync()).Single();

    /// <summary>
    /// The reclaim sweep's two statements as the Worker runs them: expired claims (<see cref="TargetSql.ExpireLapsed"/>)
    /// and expired review batches (<see cref="TargetSql.ReleaseLapsedReviews"/>); the count of targets reclaimed.
    /// </summary>
    public static async Task<int> SweepAsync(TranslationDb db, DateTimeOffset now)
    {
        var reclaimed = await ExpireLapsedAsync(db, now);
        await db.Database.ExecuteSqlRawAsync(TargetSql.ReleaseLapsedReviews, new NpgsqlParameter("now", now));
        return reclaimed;
    }

    private static void Ok(Wgig.Translate.Domain.Common.DomainError? refused)
    {
        if (refused is not null)
        {
            throw new InvalidOperationException($"The workflow refused a test's step: {refused.Detail}");
        }
    }
}
