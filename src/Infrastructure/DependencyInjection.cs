using Enterprise.Application.Common.Modules;
using Enterprise.Application.Common.Persistence;
using Enterprise.Infrastructure.Caching;
using Enterprise.Infrastructure.Idempotency;
using Enterprise.Infrastructure.Messaging;
using Enterprise.Infrastructure.Persistence;
using Enterprise.Infrastructure.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Enterprise.Infrastructure;

public static class DependencyInjection
{
    public const string DatabaseHealthCheckName = "database";
    public const string ReadinessTag = "ready";

    /// <summary>The activity sources the infrastructure starts activities on, for a tracing pipeline to listen to.</summary>
    public static IReadOnlyList<string> ActivitySourceNames { get; } = [MessagingTelemetry.ActivitySourceName];

    /// <summary>The meters the infrastructure reports on, for a metrics pipeline to collect.</summary>
    public static IReadOnlyList<string> MeterNames { get; } = [MessagingTelemetry.MeterName];

    /// <summary>
    /// Persistence for the configured provider, the unit of work, the idempotency-key store, messaging (outbox, relay, inbox, transport), the query cache (with Redis
    /// when configured), health checks and every infrastructure module.
    /// </summary>
    /// <exception cref="OptionsValidationException">The database, messaging or caching settings are invalid; the message names each bad setting.</exception>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // Bound and validated now rather than lazily: the provider decides which services exist,
        // and a bad setting must stop the start with a message, not fail the first request.
        var databaseOptions = ReadDatabaseOptions(configuration);
        services.AddSingleton(Options.Create(databaseOptions));

        var provider = DatabaseProviders.Get(databaseOptions.Provider);
        services.AddSingleton(provider);
        provider.AddDbContext(services, databaseOptions);
        services.AddScoped<IUnitOfWork, EfUnitOfWork>();
        services.AddScoped<IReadRetry, EfReadRetry>();
        services.AddScoped<DatabaseMigrator>();
        services.AddHostedService<DatabaseInitializer>();
        services.AddIdempotencyStore();
        services.AddMessaging(configuration, provider, ReadinessTag);
        var redis = RedisConnection.ConnectionStringFrom(configuration);
        if (redis is not null)
        {
            services.AddRedisConnection(redis);
        }

        services.AddQueryCache(configuration, sharedThroughRedis: redis is not null, ReadinessTag);

        services.AddHealthChecks()
            .AddDbContextCheck<EnterpriseDbContext>(DatabaseHealthCheckName, tags: [ReadinessTag]);

        return services.AddModulesFrom(typeof(DependencyInjection).Assembly);
    }

    /// <summary>Applies the configured provider's pending migrations, for a deployment step that migrates before the new version serves.</summary>
    /// <exception cref="DatabaseUnavailableException">The database could not be reached or is temporarily unavailable.</exception>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
    }

    private static DatabaseOptions ReadDatabaseOptions(IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        options.ConnectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        var validation = new DatabaseOptionsValidator().Validate(Options.DefaultName, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(DatabaseOptions), validation.Failures);
        }

        return options;
    }
}
