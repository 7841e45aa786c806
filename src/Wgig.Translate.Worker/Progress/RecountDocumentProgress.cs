using Wgig.Translate.Domain.Jobs;
using Wgig.Translate.Domain.Progress;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Worker.Jobs;

namespace Wgig.Translate.Worker.Progress;

/// <summary>
/// The repair tool: recounts a document's progress from its targets, replacing what the triggers kept. Progress is
/// kept exact as work happens, so nothing queues this on its own; a coordinator asks for it (after restoring a
/// backup, say). Running it twice, or late, gives the same counts.
/// </summary>
public sealed class RecountDocumentProgress(TranslationDb db) : IBackgroundJob, IRecountDocumentProgress
{
    public Task RunAsync(Guid documentId, CancellationToken cancellationToken) => ProgressCounts.RecountAsync(db, documentId, cancellationToken);
}

/// <summary>Folds the progress changes the triggers appended into one row per document × language, so reads sum a few rows.</summary>
public sealed class FoldDocumentProgress(TranslationDb db) : IBackgroundJob
{
    public const string RecurringJobId = "fold-document-progress";

    public Task<int> RunAsync(CancellationToken cancellationToken) => ProgressCounts.FoldAsync(db, cancellationToken);
}
