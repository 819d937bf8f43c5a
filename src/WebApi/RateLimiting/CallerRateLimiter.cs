using System.Threading.RateLimiting;

namespace Enterprise.WebApi.RateLimiting;

/// <summary>
/// The limiter the middleware uses: per-caller token buckets, in this process or, when Redis is configured,
/// shared through Redis. It wraps the partitioned limiter to note on each request how many tokens its bucket
/// has left, which the middleware never exposes for granted requests but the <c>RateLimit</c> header needs.
/// </summary>
internal sealed class CallerRateLimiter(PartitionedRateLimiter<HttpContext> buckets, RateLimitPolicies policies) : PartitionedRateLimiter<HttpContext>
{
    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => buckets.GetStatistics(resource);

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount) =>
        Noted(resource, buckets.AttemptAcquire(resource, permitCount));

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
        Noted(resource, await buckets.AcquireAsync(resource, permitCount, cancellationToken));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            buckets.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await buckets.DisposeAsync();
        await base.DisposeAsyncCore();
    }

    /// <summary>
    /// Remaining tokens come from the lease when the bucket reports them (Redis), otherwise from the in-process
    /// bucket's statistics read right after the take: exact for one request at a time, and at worst off by the
    /// requests of the same caller that ran concurrently.
    /// </summary>
    private RateLimitLease Noted(HttpContext context, RateLimitLease lease)
    {
        if (policies.BucketOf(context) is { } bucket)
        {
            long? remaining = lease.TryGetMetadata(RedisTokenBucketLimiter.RemainingTokens, out var reported)
                ? reported
                : lease.IsAcquired ? buckets.GetStatistics(context)?.CurrentAvailablePermits : 0;
            context.Features.Set(new RateLimitOutcome(bucket.Policy, remaining));
        }

        return lease;
    }
}
