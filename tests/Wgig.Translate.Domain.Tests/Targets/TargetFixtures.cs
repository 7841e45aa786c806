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

    private static readonly DateTimeOffset Imported = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The segment of a one-sentence document.</summary>
    public static Segment Segment(string text = "The group met.") => Import(text).Segments[0];

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

    private static Document Import(string text)
    {
        var content = Encoding.UTF8.GetBytes(text);
        var importer = new MarkdownImporter();
        return Document.Import(Guid.NewGuid(), DocumentPath.Parse("paper.md").Value!, importer.Format, content,
            DocumentSegmentation.Segment(importer.Split(content).Value!, "en"), VersionOrigin.Upload, Imported);
    }
}
