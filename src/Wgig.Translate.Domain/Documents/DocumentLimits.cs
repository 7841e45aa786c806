using Microsoft.Extensions.Options;
using System.ComponentModel.DataAnnotations;

namespace Wgig.Translate.Domain.Documents;

/// <summary>Bound from the "Documents" configuration section.</summary>
public sealed class DocumentLimits
{
    public const string Section = "Documents";

    [Range(1, 1L << 30)]
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>How long reading and segmenting one upload may take before it is refused.</summary>
    public TimeSpan ParseTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Checks the ranges above, generated at compile time (why: <see cref="Claims.ClaimOptionsValidator"/>).</summary>
[OptionsValidator]
public sealed partial class DocumentLimitsValidator : IValidateOptions<DocumentLimits>;
