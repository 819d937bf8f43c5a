namespace Enterprise.WebApi.Warmup;

public static class WarmupSetup
{
    public const string HealthCheckName = "warmup";

    /// <summary>
    /// The warm-up before readiness (<see cref="WarmupService"/>) when <c>Warmup:Enabled</c> is set, or in Production when
    /// it is not; otherwise readiness does not wait for it
    /// and has no warm-up check.
    /// </summary>
    public static IServiceCollection AddWarmup(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(WarmupSettings.SectionName);
        services.AddOptions<WarmupSettings>().Bind(section)
            .Validate(settings => settings.Iterations >= 1, $"{WarmupSettings.SectionName}:Iterations must be at least 1.")
            .Validate(settings => settings.Timeout > TimeSpan.Zero, $"{WarmupSettings.SectionName}:Timeout must be positive, e.g. 00:00:30.")
            .ValidateOnStart();
        var state = new WarmupState();
        services.AddSingleton(state);
        if (section.GetValue<bool?>(nameof(WarmupSettings.Enabled)) ?? environment.IsProduction())
        {
            services.AddHealthChecks().AddCheck<WarmupHealthCheck>(HealthCheckName, tags: [Infrastructure.DependencyInjection.ReadinessTag]);
            services.AddHttpClient(WarmupService.ClientName);
            services.AddHostedService<WarmupService>();
        }
        else
        {
            state.MarkFinished();
        }

        return services;
    }
}
