namespace Wgig.Translate.Domain.Publishing;

/// <summary>A GitHub webhook delivery already accepted (its X-GitHub-Delivery id), kept a day so a replay of it is refused.</summary>
public sealed class WebhookDelivery
{
    public static readonly TimeSpan RememberedFor = TimeSpan.FromDays(1);

    private WebhookDelivery()
    {
        DeliveryId = "";
    }

    public string DeliveryId { get; private set; }

    public Guid ProjectId { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }
}
