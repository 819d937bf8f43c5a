using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace Enterprise.WebApi.RateLimiting;

/// <summary>
/// One caller's token bucket kept in Redis, so every instance of the API draws from the same budget.
/// The refill and the take happen in one Lua script on Redis' own clock: atomic across instances, and
/// immune to clock skew between them.
/// </summary>
internal sealed partial class RedisTokenBucketLimiter(IConnectionMultiplexer redis, string bucketKey, TokenBucketSettings bucket, ILogger logger) : RateLimiter
{
    /// <summary>Tokens left after this request, for the <c>RateLimit</c> header; the in-process limiter reports them as statistics instead.</summary>
    public static readonly MetadataName<long> RemainingTokens = MetadataName.Create<long>("REMAINING_TOKENS");

    private const string KeyPrefix = "enterprise:rate-limit:";

    // KEYS[1] bucket hash; ARGV: token limit, tokens per period, period in ms.
    // Returns { 1 if taken else 0, tokens left, ms until the next token when refused }.
    // The key expires once an idle bucket would be full again, when it is equivalent to a missing one.
    private const string TakeTokenScript = """
        local limit = tonumber(ARGV[1])
        local per_period = tonumber(ARGV[2])
        local period_ms = tonumber(ARGV[3])
        local time = redis.call('TIME')
        local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
        local state = redis.call('HMGET', KEYS[1], 'tokens', 'stamp')
        local tokens = tonumber(state[1])
        local stamp = tonumber(state[2])
        if tokens == nil or stamp == nil then
          tokens = limit
          stamp = now
        end
        local periods = math.floor((now - stamp) / period_ms)
        if periods > 0 then
          tokens = math.min(limit, tokens + periods * per_period)
          stamp = stamp + periods * period_ms
        end
        local taken = 0
        local retry_after_ms = 0
        if tokens >= 1 then
          tokens = tokens - 1
          taken = 1
        else
          retry_after_ms = stamp + period_ms - now
        end
        redis.call('HSET', KEYS[1], 'tokens', tokens, 'stamp', stamp)
        redis.call('PEXPIRE', KEYS[1], math.ceil(limit / per_period) * period_ms + period_ms)
        return { taken, tokens, retry_after_ms }
        """;

    private readonly RedisKey _key = KeyPrefix + bucketKey;

    /// <summary>No local state to clean up: the bucket lives in Redis and expires there.</summary>
    public override TimeSpan? IdleDuration => TimeSpan.Zero;

    /// <summary>Unknown without a round trip to Redis; the remaining tokens travel on each lease instead.</summary>
    public override RateLimiterStatistics? GetStatistics() => null;

    /// <summary>
    /// Refuses without deciding: the synchronous path cannot ask Redis without blocking a thread, and the
    /// rate-limiting middleware follows a refused attempt with <see cref="AcquireAsyncCore"/>, which does.
    /// </summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => EmptyLease.Undecided;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        try
        {
            var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(
                TakeTokenScript,
                [_key],
                [bucket.TokenLimit, bucket.TokensPerPeriod, (long)bucket.ReplenishmentPeriod.TotalMilliseconds]))!;
            return new BucketLease((long)result[0] == 1, (long)result[1], TimeSpan.FromMilliseconds((long)result[2]));
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // Failing open: an unreachable Redis must not take the API down with it; the outage is logged instead.
            LogRedisUnavailable(logger, exception);
            return EmptyLease.Uncounted;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limits are not enforced for this request: Redis could not be reached")]
    private static partial void LogRedisUnavailable(ILogger logger, Exception exception);

    private sealed class BucketLease(bool isAcquired, long remaining, TimeSpan retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => isAcquired;

        public override IEnumerable<string> MetadataNames =>
            isAcquired ? [RemainingTokens.Name] : [RemainingTokens.Name, MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (metadataName == RemainingTokens.Name)
            {
                metadata = remaining;
                return true;
            }

            if (!isAcquired && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = retryAfter;
                return true;
            }

            metadata = null;
            return false;
        }
    }

    /// <summary>A lease that carries nothing: refused-undecided, or granted without counting.</summary>
    private sealed class EmptyLease(bool isAcquired) : RateLimitLease
    {
        public static readonly EmptyLease Undecided = new(isAcquired: false);
        public static readonly EmptyLease Uncounted = new(isAcquired: true);

        public override bool IsAcquired => isAcquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
