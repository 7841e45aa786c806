namespace Wgig.Translate.Domain.Security;

/// <summary>One key of the Data Protection key ring, as XML encrypted with the key ring key (written by the API and Worker processes).</summary>
public sealed class KeyRingEntry
{
    private KeyRingEntry()
    {
        FriendlyName = Xml = "";
    }

    public Guid Id { get; private set; }

    public string FriendlyName { get; private set; }

    public string Xml { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
