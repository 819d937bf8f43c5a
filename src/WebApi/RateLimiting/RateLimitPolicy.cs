using System.Globalization;

namespace Enterprise.WebApi.RateLimiting;

/// <summary>Which bucket a request draws from, and how that bucket is described to callers.</summary>
internal sealed record RateLimitPolicy(string Name, TokenBucketSettings Bucket)
{
    /// <summary>
    /// The IETF draft's <c>RateLimit-Policy</c> value: quota and window, e.g. <c>100;w=1</c>, the same on every response.
    /// The window is the seconds an empty bucket needs to fill up again, since a token bucket has no fixed window of its own.
    /// </summary>
    public string PolicyHeader { get; } = string.Create(CultureInfo.InvariantCulture, $"{Bucket.TokenLimit};w={SecondsToGain(Bucket, Bucket.TokenLimit)}");

    /// <summary>
    /// The IETF draft's <c>RateLimit</c> value; <c>reset</c> is the time until the bucket is full again,
    /// rounded up to whole replenishment periods (an upper bound: the next period may already be under way).
    /// </summary>
    public string StateHeader(long remaining)
    {
        var clamped = Math.Clamp(remaining, 0, Bucket.TokenLimit);
        return string.Create(CultureInfo.InvariantCulture, $"limit={Bucket.TokenLimit}, remaining={clamped}, reset={SecondsToGain(Bucket, Bucket.TokenLimit - clamped)}");
    }

    private static long SecondsToGain(TokenBucketSettings bucket, long tokens)
    {
        var periods = (tokens + bucket.TokensPerPeriod - 1) / bucket.TokensPerPeriod;
        return (long)Math.Ceiling(periods * bucket.ReplenishmentPeriod.TotalSeconds);
    }
}
