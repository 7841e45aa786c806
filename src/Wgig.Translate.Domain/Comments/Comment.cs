using Wgig.Translate.Domain.Common;

namespace Wgig.Translate.Domain.Comments;

/// <summary>
/// A message in the thread of one segment × language: a question to the coordinators or the reviewer, an
/// answer, a note for whoever translates next. Kept for ever, like the history beside it.
/// </summary>
public sealed class Comment
{
    public const int MaxLength = 4000;

    private Comment()
    {
        Language = "";
        Text = "";
    }

    public Guid Id { get; private set; }

    public Guid SegmentId { get; private set; }

    public string Language { get; private set; }

    public Guid AuthorId { get; private set; }

    public string Text { get; private set; }

    /// <summary>The author asked the project's coordinators too.</summary>
    public bool ToCoordinators { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static Result<Comment> Write(Guid segmentId, string language, Guid authorId, string? text, bool toCoordinators, DateTimeOffset now)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return InvalidInputError.ForField("text", "A comment needs some text.");
        }
        if (trimmed.Length > MaxLength)
        {
            return InvalidInputError.ForField("text", $"A comment has at most {MaxLength:N0} characters; this one has {trimmed.Length:N0}.");
        }
        return new Comment
        {
            Id = Guid.CreateVersion7(now),
            SegmentId = segmentId,
            Language = language,
            AuthorId = authorId,
            Text = trimmed,
            ToCoordinators = toCoordinators,
            CreatedAt = now,
        };
    }
}
