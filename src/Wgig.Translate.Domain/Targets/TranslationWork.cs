using Microsoft.Extensions.Options;
using Wgig.Translate.Domain.Claims;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Segmentation;

namespace Wgig.Translate.Domain.Targets;

/// <summary>
/// The one path of a volunteer's writes to a target, whichever way they come (the editor's autosave and
/// submit, an XLIFF upload): checks that apply to every submission or draft belong here, before the
/// target's own transition. Both are activity on the claim and extend it by the project's lease rules.
/// </summary>
public sealed class TranslationWork(IOptions<ClaimOptions> options)
{
    public DomainError? SaveDraft(Target target, Guid volunteerId, SegmentContent draft, SegmentContent source, DateTimeOffset now) =>
        target.TextProblem(draft, source) ?? target.SaveDraft(volunteerId, draft, now, options.Value);

    /// <param name="note">For the history: the check warnings the volunteer handed the translation in with.</param>
    public DomainError? Submit(Target target, Guid volunteerId, SegmentContent translation, SegmentContent source, DateTimeOffset now, string? note = null) =>
        target.Submit(volunteerId, translation, source, now, options.Value, note);
}
