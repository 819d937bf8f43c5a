using Enterprise.Application.Common.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace Enterprise.Application.Ordering;

/// <summary>
/// The Ordering module's application services: its validators, its consumers of Catalog's integration events and its
/// domain-event listeners. Handlers are wired by the mediator's generator.
/// </summary>
internal sealed class OrderingModule : IModule
{
    public void AddServices(IServiceCollection services) => services
        .AddModuleValidators(this)
        .AddModuleIntegrationEventConsumers(this)
        .AddModuleDomainEventListeners(this);
}
