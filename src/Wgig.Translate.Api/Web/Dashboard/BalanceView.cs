using Wgig.Translate.Domain.Balancing;
using Wgig.Translate.Domain.Claims;

namespace Wgig.Translate.Api.Web.Dashboard;

/// <summary>A volunteer who could take work here, by name.</summary>
public sealed record Candidate(Guid Id, string Name, bool Translates, bool Reviews);

/// <summary>The balancing page of one document × language: the claims in progress (to take back), the policy's proposal, the people who could take each batch, and the outcome of the last post.</summary>
public sealed record BalanceView(Guid ProjectId, string ProjectName, Guid DocumentId, string Path, string Language, IReadOnlyList<ProposedBatch> Proposal,
    IReadOnlyList<Candidate> Candidates, string? Notice = null, IReadOnlyList<ClaimInProgress>? InProgress = null)
{
    public string Url => $"/projects/{ProjectId}/documents/{DocumentId}/{Language}/balance";

    public string NameOf(Guid? id) => Candidates.FirstOrDefault(c => c.Id == id)?.Name ?? "";
}
