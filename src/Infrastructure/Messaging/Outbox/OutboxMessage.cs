namespace Enterprise.Infrastructure.Messaging.Outbox;

/// <summary>
/// One row of <c>messaging.OutboxMessages</c>: an integration event written in the transaction of the change that caused
/// it, and its delivery state. Pending while <see cref="SentAt"/> and <see cref="DeadLetteredAt"/> are both empty.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>A version 7 GUID; the message id every delivery carries and every inbox deduplicates on.</summary>
    public Guid Id { get; set; }

    public required string EventName { get; set; }

    /// <summary>The event as JSON (the wire options), kept as text so that an operator can read and repair it.</summary>
    public required string Payload { get; set; }

    /// <summary>The W3C <c>traceparent</c> of the activity that wrote the row, when it was traced.</summary>
    public string? TraceParent { get; set; }

    public DateTime OccurredAt { get; set; }

    /// <summary>Failed publish attempts so far.</summary>
    public int Attempts { get; set; }

    /// <summary>The relay leaves the row alone until then: the backoff after a failed attempt.</summary>
    public DateTime NextAttemptAt { get; set; }

    public string? LastError { get; set; }

    public DateTime? SentAt { get; set; }

    /// <summary>Set when the row was given up on; clearing it (and <see cref="Attempts"/>) replays the message.</summary>
    public DateTime? DeadLetteredAt { get; set; }

    /// <summary>Until when the relay that claimed the row (<see cref="LockedBy"/>) owns it; other relays skip it until then.</summary>
    public DateTime? LockedUntil { get; set; }

    /// <summary>The claim of the relay batch that owns the row.</summary>
    public Guid? LockedBy { get; set; }
}
