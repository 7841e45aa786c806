namespace Wgig.Translate.Domain.Checks;

/// <summary>URLs and e-mail addresses of the source are in the translation exactly as they are.</summary>
public sealed class AddressesCheck : ICheck
{
    public string Id => "urls";

    public string Description => "URLs and e-mail addresses are copied unchanged.";

    private const string Missing = "urls.missing";

    public CheckLevel DefaultLevel => CheckLevel.Warning;

    public IReadOnlyList<string> Codes { get; } = [Missing];

    public IEnumerable<CheckMessage> Run(CheckInput input)
    {
        foreach (var address in TextScan.Addresses(input.SourcePlain).Distinct(StringComparer.Ordinal))
        {
            if (!input.TargetPlain.Contains(address, StringComparison.Ordinal))
            {
                yield return new(Missing, TextScan.Quote(address));
            }
        }
    }
}
