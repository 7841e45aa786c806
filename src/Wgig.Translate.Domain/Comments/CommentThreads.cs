using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Notifications;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Domain.Comments;

/// <summary>One message of a thread: a comment, or a reviewer's rejection (whose comment is one of the thread's).</summary>
public sealed record ThreadEntry(Guid Id, Guid? AuthorId, string Text, DateTimeOffset At, bool Rejection, bool ToCoordinators);

/// <summary>
/// The comment thread of a segment × language: comments and rejection comments in the order they were
/// written. Whoever writes tells the people in the thread (earlier writers, the translator, the
/// reviewers, whoever holds the segment now), and the coordinators when asked.
/// </summary>
public sealed class CommentThreads(TranslationDb db, TimeProvider clock)
{
    public async Task<IReadOnlyList<ThreadEntry>> ReadAsync(TranslationContext context, CancellationToken cancellationToken)
    {
        var comments = await db.Comments.AsNoTracking()
            .Where(c => c.SegmentId == context.Segment.Id && c.Language == context.Language)
            .Select(c => new ThreadEntry(c.Id, c.AuthorId, c.Text, c.CreatedAt, false, c.ToCoordinators))
            .ToListAsync(cancellationToken);
        if (context.Target is { } target)
        {
            comments.AddRange(await db.TargetEvents.AsNoTracking()
                .Where(e => e.TargetId == target.Id && e.Kind == TargetEventKind.Rejected && e.Comment != null)
                .Select(e => new ThreadEntry(e.Id, e.ActorId, e.Comment!, e.At, true, false))
                .ToListAsync(cancellationToken));
        }
        return [.. comments.OrderBy(c => c.At).ThenBy(c => c.Id)];
    }

    public async Task<Result<Comment>> PostAsync(TranslationContext context, string? text, bool toCoordinators, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var written = Comment.Write(context.Segment.Id, context.Language, context.Caller, text, toCoordinators, now);
        if (!written.Succeeded)
        {
            return written;
        }
        var comment = written.Value;
        db.Comments.Add(comment);
        var people = await PeopleAsync(context, cancellationToken);
        people.Remove(context.Caller);
        var author = await db.Users.Where(a => a.Id == context.Caller).Select(a => a.DisplayName).SingleAsync(cancellationToken);
        var where = context.Segment.Number is { } number ? $"paragraph {Formats.StructuralLabel.Bare(number)}" : $"segment {context.Segment.Ordinal}";
        var message = $"{author} commented on {where} of {context.Place.Document.Path} ({context.Language}): “{comment.Text}”";
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var key = $"comment:{comment.Id}";
        await db.NotifyOnceAsync(NotificationKind.CommentAdded, [.. people.Select(p => new OnceNotice(p, message, comment.Id, key))], now, cancellationToken);
        if (toCoordinators)
        {
            await db.NotifyCoordinatorsOnceAsync(NotificationKind.CommentAdded, [new StaffNotice(context.Place.Document.ProjectId, message, comment.Id, key)], now, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return comment;
    }

    // Everyone who wrote in the thread or worked on the translation: its translator, its reviewers, its claimants now.
    private async Task<HashSet<Guid>> PeopleAsync(TranslationContext context, CancellationToken cancellationToken)
    {
        var people = (await db.Comments.Where(c => c.SegmentId == context.Segment.Id && c.Language == context.Language)
            .Select(c => c.AuthorId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        if (context.Target is { } target)
        {
            Guid?[] current = [target.TranslatorId, target.ClaimedBy, target.ReviewClaimedBy];
            people.UnionWith(current.OfType<Guid>());
            TargetEventKind[] reviewed = [TargetEventKind.Approved, TargetEventKind.Rejected, TargetEventKind.EditedAndApproved, TargetEventKind.Submitted];
            people.UnionWith(await db.TargetEvents.Where(e => e.TargetId == target.Id && reviewed.Contains(e.Kind) && e.ActorId != null)
                .Select(e => e.ActorId!.Value).Distinct().ToListAsync(cancellationToken));
        }
        return people;
    }
}
