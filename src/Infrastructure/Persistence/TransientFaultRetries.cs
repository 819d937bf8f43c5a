namespace Enterprise.Infrastructure.Persistence;

/// <summary>
/// How server providers retry a transient fault: a few quick retries ride out a failover or a dropped
/// connection, while a database that stays down fails the request in seconds rather than minutes.
/// </summary>
internal static class TransientFaultRetries
{
    public const int MaxRetryCount = 3;

    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(2);
}
