using System.Text.Json;
using Enterprise.Application.Common.Caching;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using ZiggyCreatures.Caching.Fusion;
using ZiggyCreatures.Caching.Fusion.Backplane.StackExchangeRedis;
using ZiggyCreatures.Caching.Fusion.Serialization.SystemTextJson;

namespace Enterprise.Infrastructure.Caching;

/// <summary>
/// FusionCache as the application's <c>HybridCache</c>: in memory, plus Redis as the shared second level and its
/// backplane (which makes every instance drop an entry that one of them invalidated) when Redis is configured.
/// </summary>
internal static class CachingServices
{
    public const string HealthCheckName = "cache";

    private static readonly JsonSerializerOptions RedisJson = new(JsonSerializerDefaults.Web)
    {
        // FusionCache's own entries hold value tuples, whose members are fields.
        IncludeFields = true,
        Converters = { new SuccessfulResultJsonConverter() },
    };

    /// <exception cref="OptionsValidationException">A <c>Caching</c> setting is invalid; the message names each one.</exception>
    public static IServiceCollection AddQueryCache(this IServiceCollection services, IConfiguration configuration, bool sharedThroughRedis, string readinessTag)
    {
        // Read now rather than lazily: the durations shape the cache as it is registered, and a bad one must stop the start.
        var settings = configuration.GetSection(CachingSettings.SectionName).Get<CachingSettings>() ?? new CachingSettings();
        var validation = new CachingSettingsValidator().Validate(Options.DefaultName, settings);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(CachingSettings), validation.Failures);
        }

        services.AddSingleton(settings);
        services.AddSingleton<CommitBoundCacheInvalidation>();
        services.AddSingleton<IInterceptor>(provider => provider.GetRequiredService<CommitBoundCacheInvalidation>());
        services.AddScoped<ICacheInvalidationAfterCommit, CacheInvalidationAfterCommit>();
        var cache = services.AddFusionCache()
            .WithOptions(options => Configure(options, settings))
            .WithDefaultEntryOptions(entry => Configure(entry, settings))
            .AsHybridCache();

        if (sharedThroughRedis)
        {
            cache
                .WithSerializer(new FusionCacheSystemTextJsonSerializer(RedisJson))
                .WithDistributedCache(provider =>
                    new RedisCache(Options.Create(new RedisCacheOptions { ConnectionMultiplexerFactory = SharedConnection(provider) })))
                .WithBackplane(provider => new RedisBackplane(
                    Options.Create(new RedisBackplaneOptions { ConnectionMultiplexerFactory = SharedConnection(provider) }),
                    provider.GetRequiredService<ILogger<RedisBackplane>>()));
            services.AddHealthChecks().AddCheck<RedisCacheHealthCheck>(HealthCheckName, tags: [readinessTag]);
        }

        return services;
    }

    private static Func<Task<IConnectionMultiplexer>> SharedConnection(IServiceProvider provider) =>
        () => Task.FromResult(provider.GetRequiredService<IConnectionMultiplexer>());

    private static void Configure(FusionCacheOptions options, CachingSettings settings)
    {
        options.BackplaneChannelPrefix = "enterprise";
        // Entries are invalidated by key; tags would cost every hit a second lookup (and a string) for nothing.
        options.DisableTagging = true;
        // While Redis is down, requests skip it at once for this long instead of each waiting for its timeout.
        options.DistributedCacheCircuitBreakerDuration = settings.RedisRetryAfter;
        options.BackplaneCircuitBreakerDuration = settings.RedisRetryAfter;
        // A query's error answer (not found) leaves the factory as an exception by design, so that it is not stored;
        // a real failure propagates too and is logged once, by the mediator's logging behavior.
        options.FactoryErrorsLogLevel = LogLevel.Debug;
    }

    private static void Configure(FusionCacheEntryOptions entry, CachingSettings settings)
    {
        entry.Duration = settings.Duration;
        entry.DistributedCacheHardTimeout = settings.RedisTimeout;
        // An invalidation reaches Redis and is announced to the other instances before the write's response leaves.
        entry.AllowBackgroundDistributedCacheOperations = false;
        entry.AllowBackgroundBackplaneOperations = false;
        // No serving of expired entries when the handler fails: a handler's "not found" reaches the cache as a failure
        // too, and must never bring back a product that was deleted.
        entry.IsFailSafeEnabled = false;
    }
}

internal sealed class CachingSettingsValidator : IValidateOptions<CachingSettings>
{
    public ValidateOptionsResult Validate(string? name, CachingSettings options)
    {
        var failures = new List<string>();
        AddIfNotPositive(failures, options.Duration, nameof(CachingSettings.Duration), "00:05:00");
        AddIfNotPositive(failures, options.RedisTimeout, nameof(CachingSettings.RedisTimeout), "00:00:00.500");
        AddIfNotPositive(failures, options.RedisRetryAfter, nameof(CachingSettings.RedisRetryAfter), "00:00:05");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void AddIfNotPositive(List<string> failures, TimeSpan value, string setting, string example)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{CachingSettings.SectionName}:{setting} (environment {CachingSettings.SectionName}__{setting}) is {value}; it must be a positive duration such as {example}.");
        }
    }
}
