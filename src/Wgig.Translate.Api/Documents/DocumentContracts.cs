using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Formats;
using Wgig.Translate.Domain.Progress;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Api.Documents;

/// <param name="Origin">Repository: kept in the project's repository (versions come from syncs); Upload: kept by hand (syncs leave it alone).</param>
public sealed record DocumentSummary(
    Guid Id, string Path, FileFormat Format, VersionOrigin Origin, int CurrentVersion, int SegmentCount, int WordCount, DateTimeOffset CreatedAt);

/// <param name="CommitSha">The repository commit it was read at; null for an upload.</param>
/// <param name="ImportedBy">Who uploaded it (their account id; none for a repository sync); <paramref name="ImportedByName"/> is how people see them.</param>
public sealed record VersionResponse(int Number, VersionOrigin Origin, string Sha256, int ByteLength, int SegmentCount, int WordCount, DateTimeOffset ImportedAt,
    Guid? ImportedBy, string? CommitSha, string? ImportedByName = null)
{
    public static VersionResponse From(DocumentVersion version, IReadOnlyDictionary<Guid, string> names) => new(version.Number, version.Origin, version.Sha256,
        version.Content.Length, version.SegmentCount, version.WordCount, version.ImportedAt, version.ImportedBy, version.CommitSha,
        version.ImportedBy is { } by ? names.GetValueOrDefault(by) : null);
}

/// <param name="Progress">Per target language, exact at the moment of the answer.</param>
/// <param name="Origin">Repository: kept in the project's repository (versions come from syncs); Upload: kept by hand (syncs leave it alone).</param>
public sealed record DocumentResponse(
    Guid Id, Guid ProjectId, string Path, FileFormat Format, VersionOrigin Origin, int CurrentVersion, int SegmentCount, int WordCount,
    DateTimeOffset CreatedAt, IReadOnlyList<VersionResponse> Versions, IReadOnlyList<LanguageProgress> Progress)
{
    /// <summary>
    /// In the answer to an upload only: the characters it replaced with U+FFFD (when sent with
    /// unstorableCharacters=replace), how many and where the first ones were; null elsewhere.
    /// </summary>
    public Replacements? Replaced { get; init; }
}

/// <summary>An inline code as an editor shows it: a token with an id that pairs an open with its close.</summary>
public sealed record CodeResponse(int Id, CodeKind Kind, string Type, string? Display, string Data);

/// <summary>A piece of segment content: text or one inline code.</summary>
public sealed record ContentRun(string? Text, CodeResponse? Code);

/// <param name="Text">The text without codes.</param>
/// <param name="Runs">Text and codes in order, as an editor renders them.</param>
public sealed record ContentResponse(string Text, IReadOnlyList<ContentRun> Runs)
{
    public static ContentResponse From(SegmentContent content)
    {
        var runs = new List<ContentRun>();
        var text = new System.Text.StringBuilder();
        foreach (var c in content.CodedText)
        {
            if (!SegmentContent.IsMarker(c))
            {
                text.Append(c);
                continue;
            }
            if (text.Length > 0)
            {
                runs.Add(new ContentRun(text.ToString(), null));
                text.Clear();
            }
            var code = content.CodeAt(c);
            runs.Add(new ContentRun(null, new CodeResponse(code.Id, code.Kind, code.Type, code.Display, code.Data)));
        }
        if (text.Length > 0)
        {
            runs.Add(new ContentRun(text.ToString(), null));
        }
        return new ContentResponse(content.PlainText, runs);
    }
}

/// <param name="Paragraph">The block the sentence belongs to, from 0.</param>
/// <param name="Sentence">The sentence's place in its block, from 0.</param>
/// <param name="PreviousSource">The source before its last change, for updating an old translation.</param>
/// <param name="Translation">The segment in the language asked for (with <c>language</c>).</param>
public sealed record SegmentResponse(
    Guid Id, string Key, int Ordinal, int Paragraph, int Sentence, BlockKind Kind, string? Number, int Level,
    ContentResponse Source, int WordCount, int AddedInVersion, int? ChangedInVersion, ContentResponse? PreviousSource,
    int? RetiredInVersion, SegmentTranslation? Translation = null)
{
    public static SegmentResponse From(Segment segment) => new(segment.Id, segment.Key, segment.Ordinal, segment.Paragraph,
        segment.Sentence, segment.Kind, segment.Number, segment.Level, ContentResponse.From(segment.Content), segment.WordCount,
        segment.AddedInVersion, segment.ChangedInVersion,
        segment.PreviousContent is { } previous ? ContentResponse.From(previous) : null, segment.RetiredInVersion);

    public static SegmentResponse From(ListedSegment listed, Guid viewer) =>
        From(listed.Segment) with { Translation = SegmentTranslation.From(listed, viewer) };
}

/// <summary>A segment's translation as a list shows it.</summary>
/// <param name="State">The state filters see: a claimed segment counts as what it was before its claim.</param>
/// <param name="ClaimedByMe">Under your live claim: yours to translate now.</param>
/// <param name="Version">The version to send as If-Match when writing.</param>
public sealed record SegmentTranslation(TargetState State, ContentResponse? Text, bool Claimed, bool ClaimedByMe, DateTimeOffset? ClaimExpiresAt,
    string? ReviewComment, string Version)
{
    public static SegmentTranslation From(ListedSegment listed, Guid viewer)
    {
        var target = listed.Target;
        var claimed = target is { State: TargetState.Claimed };
        return new(listed.State, target?.ContentFor(listed.Segment.Content) is { } text ? ContentResponse.From(text) : null,
            claimed, claimed && target!.ClaimedBy == viewer, claimed ? target!.ClaimExpiresAt : null, target?.ReviewComment,
            TranslationVersion.Of(target));
    }
}

/// <summary>
/// What a new version did: how many segments stayed, changed (their translations now need an update), came and went,
/// and the characters it replaced with U+FFFD (when sent with unstorableCharacters=replace).
/// </summary>
/// <param name="Identical">The file was byte for byte the current version: no version was made, nothing changed.</param>
/// <param name="ApprovedNeedingUpdate">Per target language, approved translations sent back to "needs update" by this version.</param>
/// <param name="SignOffVoided">The secretariat's sign-off no longer holds (the text changed); they were told.</param>
/// <param name="Detached">The document was taken out of the repository's care: syncs leave it alone from now on.</param>
/// <param name="Warnings">What a person should know before going on, in words.</param>
public sealed record SourceUpdateResponse(int Version, int Unchanged, int Changed, int Added, int Retired, bool Identical,
    IReadOnlyDictionary<string, int> ApprovedNeedingUpdate, bool SignOffVoided, bool Detached, IReadOnlyList<string> Warnings, Replacements Replaced)
{
    public static SourceUpdateResponse From(SourceUpdateSummary summary) =>
        new(summary.Version, summary.Unchanged, summary.Changed, summary.Added, summary.Retired, summary.Identical,
            summary.ApprovedNeedingUpdate, summary.SignOffVoided, summary.Detached, SourceUpdateWarnings.For(summary), summary.Replaced);
}
