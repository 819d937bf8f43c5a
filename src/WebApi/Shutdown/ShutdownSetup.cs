using Microsoft.Extensions.Options;

namespace Enterprise.WebApi.Shutdown;

public static class ShutdownSetup
{
    public const string HealthCheckName = "shutdown";

    /// <summary>
    /// Graceful shutdown: readiness turns 503 as soon as the host is told to stop, the server keeps serving for
    /// <see cref="ShutdownSettings.DelayBeforeDrain"/>, then stops accepting and lets what is in flight finish within
    /// <see cref="ShutdownSettings.DrainTimeout"/> (the host's shutdown timeout, which Kestrel and every background
    /// service stop within). The settings are validated at start.
    /// </summary>
    public static IServiceCollection AddGracefulShutdown(this IServiceCollection services)
    {
        services.AddOptions<ShutdownSettings>().BindConfiguration(ShutdownSettings.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ShutdownSettings>, ShutdownSettingsValidator>();
        services.AddOptions<HostOptions>().Configure<IOptions<ShutdownSettings>>(
            (host, shutdown) => host.ShutdownTimeout = shutdown.Value.ShutdownTimeout);
        services.AddHealthChecks().AddCheck<ShutdownHealthCheck>(HealthCheckName, tags: [Infrastructure.DependencyInjection.ReadinessTag]);
        services.AddHostedService<DelayBeforeDrain>();
        return services;
    }
}

internal sealed class ShutdownSettingsValidator : IValidateOptions<ShutdownSettings>
{
    public ValidateOptionsResult Validate(string? name, ShutdownSettings options)
    {
        var failures = new List<string>();
        if (options.DrainTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{Describe(nameof(ShutdownSettings.DrainTimeout))} is {options.DrainTimeout}; it must be a positive duration such as 00:00:25.");
        }

        if (options.DelayBeforeDrain < TimeSpan.Zero)
        {
            failures.Add($"{Describe(nameof(ShutdownSettings.DelayBeforeDrain))} is {options.DelayBeforeDrain}; it must be zero or a positive duration such as 00:00:05.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Describe(string setting) =>
        $"{ShutdownSettings.SectionName}:{setting} (environment {ShutdownSettings.SectionName}__{setting})";
}
