using Enterprise.Application.Common.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace Enterprise.Application.Catalog;

/// <summary>
/// The Catalog module's application services: its validators, its consumers of other modules' integration events and
/// its domain-event listeners. Handlers are wired by the mediator's generator.
/// </summary>
internal sealed class CatalogModule : IModule
{
    public void AddServices(IServiceCollection services) => services
        .AddModuleValidators(this)
        .AddModuleIntegrationEventConsumers(this)
        .AddModuleDomainEventListeners(this);
}
