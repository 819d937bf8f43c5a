using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Enterprise.Infrastructure.Messaging.RabbitMq;

/// <summary>The RabbitMQ transport: publisher, consumers of every module's queue, and the broker's readiness check.</summary>
internal static class RabbitMqServices
{
    public const string HealthCheckName = "broker";

    /// <exception cref="OptionsValidationException">A <c>Messaging:RabbitMq</c> setting is missing or invalid; the message names each one.</exception>
    public static IServiceCollection AddRabbitMqTransport(this IServiceCollection services, IConfiguration configuration, string readinessTag)
    {
        // Read now rather than lazily: a missing or malformed broker address must stop the start with a message.
        var options = configuration.GetSection(RabbitMqOptions.SectionName).Get<RabbitMqOptions>() ?? new RabbitMqOptions();
        var validation = new RabbitMqOptionsValidator().Validate(Options.DefaultName, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(RabbitMqOptions), validation.Failures);
        }

        services.AddSingleton(options);
        services.AddSingleton<RabbitMqTopology>();
        services.AddSingleton<RabbitMqConnection>();
        services.AddSingleton<RabbitMqTransport>();
        services.AddSingleton<IMessageTransport>(provider => provider.GetRequiredService<RabbitMqTransport>());
        services.AddHostedService<RabbitMqConsumerService>();
        services.AddHealthChecks().AddCheck<RabbitMqHealthCheck>(HealthCheckName, tags: [readinessTag]);
        return services;
    }
}
