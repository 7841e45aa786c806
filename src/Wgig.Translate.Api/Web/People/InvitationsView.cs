using Wgig.Translate.Api.Accounts;

namespace Wgig.Translate.Api.Web.People;

/// <summary>What one line of the pasted list came to.</summary>
public sealed record InviteLine(string Text, InviteOutcome? Outcome, string? Problem);

/// <summary>The invitations page of a project: the form as typed, what the last post did, the pending invitations.</summary>
public sealed record InvitationsView(ProjectHeading Project, string Emails, string Role, IReadOnlySet<string> Translate, IReadOnlySet<string> Review,
    IReadOnlyList<InviteLine> Results, IReadOnlyList<PendingInvitation> Pending, string? Notice = null)
{
    public const int MaxAddresses = 200;

    public string Url => $"/projects/{Project.Id}/invitations";

    /// <summary>The addresses of a pasted list: one per line, or separated by commas or semicolons, "Name &lt;address&gt;" allowed.</summary>
    public static IReadOnlyList<string> Split(string? pasted) =>
        [.. (pasted ?? "").Split(['\n', '\r', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase)];
}
