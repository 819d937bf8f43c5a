namespace Enterprise.Application.Common.Idempotency;

/// <summary>The <c>Idempotency</c> configuration section: how long keys are remembered and held.</summary>
public sealed class IdempotencySettings
{
    public const string SectionName = "Idempotency";

    /// <summary>How long a completed request's response is replayed for its key; afterwards the key may be used again.</summary>
    public TimeSpan Expiry { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a running request holds its key. A process that dies mid-request cannot release it, so after this
    /// time another request may claim the key; it must therefore outlast any request that is still running.
    /// </summary>
    public TimeSpan InProgressLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often expired keys are deleted from the database.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromMinutes(10);
}
