using Enterprise.Application.Common.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace Enterprise.Infrastructure.SampleModule;

/// <summary>The SampleModule module's adapters: its repository and queries, by convention.</summary>
internal sealed class SampleModuleModule : IModule
{
    public void AddServices(IServiceCollection services) => services.AddModuleRepositories(this);
}
