using Enterprise.Application.Common.IntegrationEvents;
using Enterprise.Application.Common.Modules;
using Enterprise.Domain.Common;
using Microsoft.Extensions.DependencyInjection;

namespace Enterprise.UnitTests.Shipping;

/// <summary>A module of the test assembly (named <c>shipping</c> after its namespace) for the conventional registration tests.</summary>
internal sealed class ShippingTestModule : IModule
{
    public void AddServices(IServiceCollection services) => services
        .AddModuleIntegrationEventConsumers(this)
        .AddModuleDomainEventListeners(this);
}

public sealed record ParcelBooked(Guid ParcelId) : IIntegrationEvent
{
    public static string EventName => "shipping-tests.parcel-booked";
}

public sealed record ParcelLost(Guid ParcelId) : IDomainEvent;

/// <summary>Remembers what it was called with.</summary>
internal sealed class ParcelBookedConsumer : IIntegrationEventConsumer<ParcelBooked>
{
    public List<(ParcelBooked Event, IntegrationEventContext Context)> Calls { get; } = [];

    public Task ConsumeAsync(ParcelBooked integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        Calls.Add((integrationEvent, context));
        return Task.CompletedTask;
    }
}

/// <summary>Remembers what it was called with.</summary>
internal sealed class ParcelLostListener : IDomainEventListener<ParcelLost>
{
    public List<ParcelLost> Calls { get; } = [];

    public ValueTask HandleAsync(ParcelLost domainEvent, CancellationToken cancellationToken)
    {
        Calls.Add(domainEvent);
        return ValueTask.CompletedTask;
    }
}
