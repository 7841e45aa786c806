namespace Wgig.Translate.Domain.Checks;

/// <summary>URLs and e-mail addresses of the source are in the translation exactly as they are.</summary>
public sealed class AddressesCheck : ICheck
{
    public string Id => "urls";

    public string Description => "URLs and e-mail addresses are copied unchanged.";

    public CheckLevel DefaultLevel => CheckLevel.Warning;

    public IEnumerable<string> Run(CheckInput input)
    {
        foreach (var address in TextScan.Addresses(input.SourcePlain).Distinct(StringComparer.Ordinal))
        {
            if (!input.TargetPlain.Contains(address, StringComparison.Ordinal))
            {
                yield return $"The translation lacks {TextScan.Quote(address)}, or changed it; addresses are copied as they are.";
            }
        }
    }
}
