namespace Enterprise.Infrastructure.Messaging;

/// <summary>
/// Exponential backoff with jitter: the delay doubles with each failure up to a cap, and a random half of it is
/// dropped, so that many messages failing together (a broker outage) do not come back in lockstep.
/// </summary>
internal static class RetryBackoff
{
    /// <param name="failures">Failures so far, at least 1.</param>
    /// <param name="baseDelay">The delay after the first failure, before jitter.</param>
    /// <param name="maxDelay">The cap on the doubled delay.</param>
    /// <param name="random">A number in [0, 1): where in the upper half of the doubled delay this retry lands.</param>
    public static TimeSpan DelayAfter(int failures, TimeSpan baseDelay, TimeSpan maxDelay, double random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        // 2^30 × any sane base is far past every cap; capping the exponent keeps the arithmetic finite.
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 30));
        var capped = Math.Min(exponential, maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((capped / 2) + (capped / 2 * random));
    }
}
