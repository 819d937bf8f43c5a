using System.Globalization;
using System.Threading.RateLimiting;
using Enterprise.Infrastructure.Redis;
using Enterprise.WebApi.Problems;
using Enterprise.WebApi.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using StackExchange.Redis;

// In the root namespace, beside DependencyInjection, which calls it.
namespace Enterprise.WebApi;

/// <summary>
/// Per-caller token buckets with ASP.NET Core's rate limiter: 429 problem responses with <c>Retry-After</c>,
/// and the IETF <c>RateLimit</c> headers. Buckets live in this process, or in Redis when
/// <see cref="RedisConnectionStringSetting"/> is set, so that all instances share one budget per caller.
/// </summary>
public static class RateLimitingSetup
{
    public const string RedisConnectionStringSetting = RedisConnection.ConnectionStringSetting;
    public const string RateLimitedCode = "Request.RateLimited";

    public static IServiceCollection AddApiRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitingSettings>()
            .BindConfiguration(RateLimitingSettings.SectionName)
            .Validate(
                settings => settings.Reads.IsValid && settings.Writes.IsValid,
                $"{RateLimitingSettings.SectionName}:Reads and :Writes need TokenLimit and TokensPerPeriod above 0 and a positive ReplenishmentPeriod " +
                "(environment RateLimiting__Reads__TokenLimit, RateLimiting__Reads__TokensPerPeriod, RateLimiting__Reads__ReplenishmentPeriod, and the same for Writes).")
            .ValidateOnStart();
        services.AddSingleton<RateLimitPolicies>();
        services.AddSingleton<RateLimitMetrics>();
        services.AddSingleton(CreateLimiter);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = WriteRejectionAsync;
        });
        services.AddOptions<RateLimiterOptions>().Configure<CallerRateLimiter>((options, limiter) => options.GlobalLimiter = limiter);
        return services;
    }

    /// <summary>
    /// Before authorization, so requests it refuses (401, 403) spend the caller's tokens too; inside the
    /// exception handler and status-code pages.
    /// </summary>
    public static WebApplication UseApiRateLimiting(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // The buckets are per subject, so the token is read here, ahead of the authentication middleware;
        // that middleware then gets the same result back (the handler keeps it for the request) instead of validating twice.
        app.Use(static async (context, next) =>
        {
            var authentication = await context.AuthenticateAsync();
            if (authentication.Succeeded)
            {
                context.User = authentication.Principal;
            }

            await next(context);
        });
        app.UseMiddleware<RateLimitHeadersMiddleware>();
        app.UseRateLimiter();
        return app;
    }

    private static CallerRateLimiter CreateLimiter(IServiceProvider provider)
    {
        var policies = provider.GetRequiredService<RateLimitPolicies>();
        var sharedThroughRedis = !string.IsNullOrWhiteSpace(provider.GetRequiredService<IConfiguration>()[RedisConnectionStringSetting]);
        var redis = sharedThroughRedis ? provider.GetRequiredService<IConnectionMultiplexer>() : null;
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimitingSetup).FullName!);
        // One bucket factory per policy, made here once rather than as a closure on every request.
        var newReadsBucket = BucketFactory(policies.Reads, redis, logger);
        var newWritesBucket = BucketFactory(policies.Writes, redis, logger);
        var buckets = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            policies.BucketOf(context) is { } bucket
                ? new RateLimitPartition<string>(bucket.Key, ReferenceEquals(bucket.Policy, policies.Reads) ? newReadsBucket : newWritesBucket)
                : RateLimitPartition.GetNoLimiter(string.Empty));
        return new CallerRateLimiter(buckets, policies);
    }

    /// <summary>Makes a caller's bucket of <paramref name="policy"/> the first time the caller is seen: in this process, or in Redis.</summary>
    private static Func<string, RateLimiter> BucketFactory(RateLimitPolicy policy, IConnectionMultiplexer? redis, ILogger logger)
    {
        if (redis is not null)
        {
            return key => new RedisTokenBucketLimiter(redis, key, policy.Bucket, logger);
        }

        var options = new TokenBucketRateLimiterOptions
        {
            TokenLimit = policy.Bucket.TokenLimit,
            TokensPerPeriod = policy.Bucket.TokensPerPeriod,
            ReplenishmentPeriod = policy.Bucket.ReplenishmentPeriod,
            // Refuse at once rather than hold the request: a queue would only move the overload into memory.
            QueueLimit = 0,
            // The partitioned limiter's one timer refills every bucket, instead of a timer per caller.
            AutoReplenishment = false,
        };
        return _ => new TokenBucketRateLimiter(options);
    }

    private static async ValueTask WriteRejectionAsync(OnRejectedContext rejection, CancellationToken cancellationToken)
    {
        var context = rejection.HttpContext;
        if (RateLimitOutcome.Of(context) is { } outcome)
        {
            context.RequestServices.GetRequiredService<RateLimitMetrics>().Rejected(outcome.Policy.Name);
        }

        if (rejection.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            // Whole seconds, rounded up so a client that waits exactly this long finds a token.
            context.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        await ProblemFactory.WriteAsync(
            context,
            StatusCodes.Status429TooManyRequests,
            RateLimitedCode,
            "This caller has used up its request budget; retry after the number of seconds in the Retry-After header.",
            "Too many requests");
    }
}
