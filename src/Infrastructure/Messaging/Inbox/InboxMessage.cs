namespace Enterprise.Infrastructure.Messaging.Inbox;

/// <summary>
/// One row of <c>messaging.InboxMessages</c>: this consumer has applied this message. Written in the consumer's own
/// transaction, so its writes and this row commit together; the key makes a second delivery a no-op.
/// </summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }

    /// <summary>The consumer's full type name.</summary>
    public required string ConsumerName { get; set; }

    public DateTime ProcessedAt { get; set; }
}
