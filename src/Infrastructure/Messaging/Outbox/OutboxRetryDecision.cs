namespace Enterprise.Infrastructure.Messaging.Outbox;

/// <summary>What becomes of an outbox row whose publish failed: retried after a backoff, or dead-lettered.</summary>
/// <param name="NextAttemptAt">When the relay may try again (unchanged meaning once dead-lettered).</param>
/// <param name="DeadLetteredAt">Set when the row is given up on.</param>
internal sealed record OutboxRetryDecision(DateTime NextAttemptAt, DateTime? DeadLetteredAt)
{
    /// <param name="attempts">Failed attempts including this one.</param>
    /// <param name="deadLetterNow">The failure cannot be cured by retrying (a consumer already gave up on the message).</param>
    /// <param name="now">The time of the failure.</param>
    /// <param name="options">The attempt limit and the backoff delays.</param>
    /// <param name="random">A number in [0, 1) for the jitter.</param>
    public static OutboxRetryDecision After(int attempts, bool deadLetterNow, DateTime now, MessagingOptions options, double random)
    {
        ArgumentNullException.ThrowIfNull(options);
        return deadLetterNow || attempts >= options.MaxAttempts
            ? new OutboxRetryDecision(now, now)
            : new OutboxRetryDecision(now + RetryBackoff.DelayAfter(attempts, options.RetryBaseDelay, options.RetryMaxDelay, random), null);
    }
}
