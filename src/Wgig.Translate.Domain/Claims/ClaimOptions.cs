using Microsoft.Extensions.Options;
using System.ComponentModel.DataAnnotations;

namespace Wgig.Translate.Domain.Claims;

/// <summary>Bound from the "Claims" configuration section; projects will override them with their own rules.</summary>
public sealed class ClaimOptions
{
    public const string Section = "Claims";

    public TimeSpan LeaseLength { get; set; } = TimeSpan.FromHours(48);

    /// <summary>The least an extension must add to be written (see <see cref="Claim.Extend"/>).</summary>
    public TimeSpan ExtensionStep { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>When a lease taken or extended now ends: the one place that adds the lease length.</summary>
    public DateTimeOffset LeaseFrom(DateTimeOffset now) => now + LeaseLength;

    /// <summary>How long activity can keep one claim alive, counted from when it was made.</summary>
    public TimeSpan MaxLeaseLength { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Words a batch holds when the volunteer asks for none in particular.</summary>
    [Range(1, 100_000)]
    public int DefaultBatchWords { get; set; } = 250;

    /// <summary>Claims a volunteer may let lapse within <see cref="LapseWindow"/> before the Worker pauses them.</summary>
    [Range(1, 1000)]
    public int PauseAfterLapses { get; set; } = 3;

    public TimeSpan LapseWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long before a claim ends its volunteer is reminded.</summary>
    public TimeSpan RemindBefore { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The most words one volunteer may hold in live claims at once.</summary>
    [Range(1, 1_000_000)]
    public int MaxOpenWords { get; set; } = 5_000;
}

/// <summary>
/// Checks the ranges above, generated at compile time. The reflection-based data-annotation check's RangeAttribute sets
/// itself up on first use without a lock, and two threads at once can make it fail with an InvalidCastException
/// (dotnet/runtime#1143): two test hosts starting together did. The generated one sets itself up under a lock
/// (dotnet/runtime#97045).
/// </summary>
[OptionsValidator]
public sealed partial class ClaimOptionsValidator : IValidateOptions<ClaimOptions>;
