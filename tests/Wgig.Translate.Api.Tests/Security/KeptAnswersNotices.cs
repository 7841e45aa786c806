using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Tests.Security;

public static class KeptAnswersNotices
{
    /// <summary>Completes when the entries of <paramref name="id"/> (an account, a project), or all of them, are forgotten.</summary>
    public static Task ForgottenAsync<TKey, TAnswer>(this KeptAnswers<TKey, TAnswer> kept, Guid id) where TKey : notnull
    {
        var forgotten = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        kept.Forgotten += which =>
        {
            if (which is null || which == id)
            {
                forgotten.TrySetResult();
            }
        };
        return forgotten.Task;
    }
}
