using Enterprise.Application.Common.Idempotency;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Enterprise.Infrastructure.Idempotency;

internal static class IdempotencyServices
{
    /// <summary>The database-backed key store, the purge of expired keys, and their settings, validated at start.</summary>
    public static IServiceCollection AddIdempotencyStore(this IServiceCollection services)
    {
        services.AddOptions<IdempotencySettings>().BindConfiguration(IdempotencySettings.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IdempotencySettings>, IdempotencySettingsValidator>();
        services.AddScoped<IIdempotencyStore, EfIdempotencyStore>();
        services.AddHostedService<ExpiredIdempotencyKeyPurge>();
        return services;
    }
}

internal sealed class IdempotencySettingsValidator : IValidateOptions<IdempotencySettings>
{
    public ValidateOptionsResult Validate(string? name, IdempotencySettings options)
    {
        var failures = new List<string>();
        AddIfNotPositive(failures, options.Expiry, nameof(IdempotencySettings.Expiry));
        AddIfNotPositive(failures, options.InProgressLease, nameof(IdempotencySettings.InProgressLease));
        AddIfNotPositive(failures, options.PurgeInterval, nameof(IdempotencySettings.PurgeInterval));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void AddIfNotPositive(List<string> failures, TimeSpan value, string setting)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{IdempotencySettings.SectionName}:{setting} (environment {IdempotencySettings.SectionName}__{setting}) is {value}; it must be a positive duration such as 1.00:00:00.");
        }
    }
}
