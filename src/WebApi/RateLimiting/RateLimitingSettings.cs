namespace Enterprise.WebApi.RateLimiting;

/// <summary>The <c>RateLimiting</c> configuration section: one token bucket per caller for reads, a stricter one for writes.</summary>
public sealed class RateLimitingSettings
{
    public const string SectionName = "RateLimiting";

    /// <summary>GET, HEAD and every method that does not change data.</summary>
    public TokenBucketSettings Reads { get; set; } = new() { TokenLimit = 100, TokensPerPeriod = 100, ReplenishmentPeriod = TimeSpan.FromSeconds(1) };

    /// <summary>POST, PUT, PATCH and DELETE: they cost the database more, so a caller gets fewer of them.</summary>
    public TokenBucketSettings Writes { get; set; } = new() { TokenLimit = 20, TokensPerPeriod = 10, ReplenishmentPeriod = TimeSpan.FromSeconds(1) };
}

/// <summary>A bucket holds at most <see cref="TokenLimit"/> requests and gains <see cref="TokensPerPeriod"/> every <see cref="ReplenishmentPeriod"/>.</summary>
public sealed class TokenBucketSettings
{
    public int TokenLimit { get; set; }

    public int TokensPerPeriod { get; set; }

    public TimeSpan ReplenishmentPeriod { get; set; }

    internal bool IsValid => TokenLimit > 0 && TokensPerPeriod > 0 && ReplenishmentPeriod > TimeSpan.Zero;
}
