namespace Enterprise.WebApi.RateLimiting;

/// <summary>The bucket a request draws from: its policy (reads or writes) and its caller's key in that policy.</summary>
internal sealed record CallerBucket(RateLimitPolicy Policy, string Key);
