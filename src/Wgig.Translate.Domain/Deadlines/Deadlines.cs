using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Domain.Deadlines;

/// <summary>Setting or moving a document's deadline in one language: the one write behind the JSON API and the dashboard's forms.</summary>
public static class Deadlines
{
    public static async Task<Result<Deadline>> SetAsync(TranslationDb db, Guid projectId, Guid documentId, string? language, DateTimeOffset? dueAt, Guid by,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var found = await DocumentLanguage.FindAsync(db, projectId, documentId, language, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }
        if (dueAt is not { } due || due <= now)
        {
            return InvalidInputError.ForField("dueAt", "A deadline is a moment in the future, with its offset (e.g. 2026-12-15T17:00:00Z).");
        }
        var deadline = await db.Deadlines.SingleOrDefaultAsync(d => d.DocumentId == documentId && d.Language == found.Value.Language, cancellationToken);
        if (deadline is null)
        {
            deadline = Deadline.Set(documentId, found.Value.Language, due, by, now);
            db.Deadlines.Add(deadline);
        }
        else
        {
            deadline.Move(due, by, now);
        }
        await db.SaveChangesAsync(cancellationToken);
        return deadline;
    }
}
