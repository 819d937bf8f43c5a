namespace Enterprise.WebApi.Warmup;

public static class WarmupSetup
{
    public const string HealthCheckName = "warmup";

    /// <summary>
    /// The warm-up before readiness (<see cref="WarmupService"/>) when <c>Warmup:Enabled</c> is true; otherwise readiness
    /// does not wait for it and has no warm-up check. Off unless set: with the ReadyToRun publish it cost more than it
    /// saved in the first 30 s after the process starts (docs/performance.md).
    /// </summary>
    public static IServiceCollection AddWarmup(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(WarmupSettings.SectionName);
        services.AddOptions<WarmupSettings>().Bind(section)
            .Validate(settings => settings.Iterations >= 1, $"{WarmupSettings.SectionName}:Iterations must be at least 1.")
            .Validate(settings => settings.Timeout > TimeSpan.Zero, $"{WarmupSettings.SectionName}:Timeout must be positive, e.g. 00:00:30.")
            .ValidateOnStart();
        var state = new WarmupState();
        services.AddSingleton(state);
        if (section.GetValue<bool>(nameof(WarmupSettings.Enabled)))
        {
            services.AddHealthChecks().AddCheck<WarmupHealthCheck>(HealthCheckName, tags: [Infrastructure.DependencyInjection.ReadinessTag]);
            // The client's own request logging would add four events per warm-up request to the server's two.
            services.AddHttpClient(WarmupService.ClientName).RemoveAllLoggers();
            services.AddHostedService<WarmupService>();
        }
        else
        {
            state.MarkFinished();
        }

        return services;
    }
}
