using Enterprise.Application.Common.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace Enterprise.Infrastructure.Ordering;

/// <summary>The Ordering module's adapters: its repository and queries, by convention.</summary>
internal sealed class OrderingModule : IModule
{
    public void AddServices(IServiceCollection services) => services.AddModuleRepositories(this);
}
