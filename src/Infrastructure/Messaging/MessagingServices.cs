using Enterprise.Application.Common.IntegrationEvents;
using Enterprise.Infrastructure.Messaging.Inbox;
using Enterprise.Infrastructure.Messaging.Outbox;
using Enterprise.Infrastructure.Messaging.RabbitMq;
using Enterprise.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Enterprise.Infrastructure.Messaging;

/// <summary>
/// Domain-event dispatch, the transactional outbox and its relay, the inbox-guarded consumer processing, and the
/// transport that <c>Messaging:Transport</c> names.
/// </summary>
internal static class MessagingServices
{
    /// <summary>
    /// Each transport by its configuration name: registers its <see cref="IMessageTransport"/> (and whatever it needs,
    /// such as a health check tagged with the readiness tag). A new transport is one entry here.
    /// </summary>
    private static readonly Dictionary<string, Action<IServiceCollection, IConfiguration, string>> Transports = new(StringComparer.OrdinalIgnoreCase)
    {
        [MessagingTransports.InProcess] = (services, _, _) => services.AddSingleton<IMessageTransport, InProcessTransport>(),
        [MessagingTransports.RabbitMq] = (services, configuration, readinessTag) => services.AddRabbitMqTransport(configuration, readinessTag),
    };

    /// <exception cref="OptionsValidationException">A <c>Messaging</c> setting is invalid; the message names each one.</exception>
    public static IServiceCollection AddMessaging(this IServiceCollection services, IConfiguration configuration, IDatabaseProvider provider, string readinessTag)
    {
        // Read now rather than lazily: the transport decides which services exist, and a bad setting must stop the start.
        var options = configuration.GetSection(MessagingOptions.SectionName).Get<MessagingOptions>() ?? new MessagingOptions();
        var validation = new MessagingOptionsValidator(Transports.Keys).Validate(Options.DefaultName, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(MessagingOptions), validation.Failures);
        }

        services.AddSingleton(Options.Create(options));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<MessagingTelemetry>();
        services.AddSingleton<DomainEventDispatcher>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton(OutboxClaims.For(provider));
        services.AddScoped<IIntegrationEventOutbox, EfIntegrationEventOutbox>();
        services.AddSingleton<IInboundMessageProcessor, InboundMessageProcessor>();
        Transports[options.Transport](services, configuration, readinessTag);
        services.AddHostedService<OutboxRelay>();
        services.AddHostedService<MessageRetentionSweep>();
        services.AddHostedService<OutboxBacklogSampler>();
        return services;
    }
}
