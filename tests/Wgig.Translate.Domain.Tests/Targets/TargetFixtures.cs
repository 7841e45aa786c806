using System.Text;
using Wgig.Translate.Domain.Claims;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Formats;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Domain.Tests.Targets;

/// <summary>Segments, targets and claims as the workflow tests need them, built through the domain's own factories.</summary>
internal static class TargetFixtures
{
    public static readonly ClaimOptions Rules = new();

    public static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    public static readonly Guid Ana = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    public static readonly Guid Bo = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    public static readonly Guid Cy = Guid.Parse("00000000-0000-0000-0000-00000000000c");
    public static readonly SegmentContent Source = SegmentContent.FromText("The group met.");
    public static readonly SegmentContent French = SegmentContent.FromText("Le groupe s’est réuni.");

    private static readonly DateTimeOffset Imported = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The segment of a one-sentence document.</summary>
    public static Segment Segment(string text = "The group met.") => Import(text).Segments[0];

    /// <summary>The segments of a document of these sentences, in its order.</summary>
    public static List<Segment> Segments(string text) => [.. Import(text).Segments.OrderBy(s => s.Ordinal)];

    /// <summary>A segment the next version of its document dropped.</summary>
    public static Segment RetiredSegment()
    {
        var document = Import("The group met. It met twice.");
        var next = Encoding.UTF8.GetBytes("The group met.");
        var importer = new MarkdownImporter();
        document.ImportVersion(next, DocumentSegmentation.Segment(importer.Split(next).Value!, "en"), VersionOrigin.Upload, Imported);
        return document.Segments.Single(s => s.IsRetired);
    }

    public static Target Untranslated(DateTimeOffset now, Segment? segment = null) => Target.Start(segment ?? Segment(), "fr", now);

    /// <summary>A claim of the volunteer's, taken at <paramref name="now"/>, that runs until <paramref name="expiresAt"/>.</summary>
    public static Claim Lease(Guid volunteer, DateTimeOffset expiresAt, DateTimeOffset now, ClaimKind kind = ClaimKind.Translation) =>
        Claim.Open(volunteer, Guid.NewGuid(), "fr", now, new ClaimOptions { LeaseLength = expiresAt - now }, kind);

    public static Claim ReviewLease(Guid reviewer, DateTimeOffset expiresAt, DateTimeOffset now) => Lease(reviewer, expiresAt, now, ClaimKind.Review);

    /// <summary>The target (untranslated unless given) claimed by the volunteer at <see cref="Now"/>, for 48 hours unless said.</summary>
    public static Target ClaimedBy(Guid volunteer, Target? target = null, TimeSpan? lease = null)
    {
        target ??= Untranslated(Now);
        Assert.Null(target.Claim(Lease(volunteer, Now + (lease ?? TimeSpan.FromHours(48)), Now), Now));
        return target;
    }

    /// <summary>A target the translator claimed at <see cref="Now"/> and handed <see cref="French"/> in for an hour later.</summary>
    public static Target SubmittedBy(Guid translator)
    {
        var target = ClaimedBy(translator);
        Assert.Null(target.Submit(translator, French, Source, Now.AddHours(1), Rules));
        return target;
    }

    private static Document Import(string text)
    {
        var content = Encoding.UTF8.GetBytes(text);
        var importer = new MarkdownImporter();
        return Document.Import(Guid.NewGuid(), DocumentPath.Parse("paper.md").Value!, importer.Format, content,
            DocumentSegmentation.Segment(importer.Split(content).Value!, "en"), VersionOrigin.Upload, Imported);
    }
}
