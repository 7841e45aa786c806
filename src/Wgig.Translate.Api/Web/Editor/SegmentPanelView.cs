using Wgig.Translate.Domain.Comments;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Suggestions;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Api.Web.Editor;

/// <summary>
/// The side panel of one segment × language: the sentences around it, the suggestions (set-aside drafts,
/// translation memory, glossary, machine translation), the checks on the text so far, every version with
/// its author, and the comment thread.
/// </summary>
/// <param name="Checked">Whether there was text to check (a draft or a translation).</param>
public sealed record SegmentPanelView(
    EditorPlace Place, TranslationContext Translation, Segment? Before, Segment? After, IReadOnlyList<Suggestion> Suggestions,
    Domain.Checks.CheckReport Checks, bool Checked,
    IReadOnlyList<TargetEvent> History, IReadOnlyList<ThreadEntry> Thread, IReadOnlyDictionary<Guid, string> Names, bool Editable,
    Shell.FormErrors Errors, string? TypedComment = null);
