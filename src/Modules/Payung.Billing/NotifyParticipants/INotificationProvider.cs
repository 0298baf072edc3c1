namespace Payung.Billing.NotifyParticipants;

/// <summary>One message as the outbox hands it to a provider.</summary>
internal sealed record OutgoingMessage(Guid Id, string Kind, string Channel, string Recipient, string Body);

/// <summary>What a provider made of a message: accepted with its reference, or refused with the reason.</summary>
internal sealed record SendResult(bool Accepted, string? ProviderRef, string? Error)
{
    public static SendResult Sent(string providerRef) => new(true, providerRef, null);

    public static SendResult Failed(string error) => new(false, null, error);
}

/// <summary>
/// Delivers outbox messages (SMS, WhatsApp). A provider that reports delivery later does so through
/// <c>POST /api/v1/notifications/{id}/status</c> with the reference it returned here.
/// </summary>
internal interface INotificationProvider
{
    /// <summary>Stored with each message it handled (<c>billing.notification.provider</c>).</summary>
    string Name { get; }

    Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken ct);
}
