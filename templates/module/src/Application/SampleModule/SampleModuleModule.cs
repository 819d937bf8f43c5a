using Enterprise.Application.Common.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace Enterprise.Application.SampleModule;

/// <summary>The SampleModule module's application services: its validators. Handlers are wired by the mediator's generator.</summary>
internal sealed class SampleModuleModule : IModule
{
    public void AddServices(IServiceCollection services) => services.AddModuleValidators(this);
}
