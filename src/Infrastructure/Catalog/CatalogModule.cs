using Enterprise.Application.Common.Modules;
using Enterprise.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Enterprise.Infrastructure.Catalog;

/// <summary>The Catalog module's adapters: repositories and queries by convention, its demo data and its save hook.</summary>
internal sealed class CatalogModule : IModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddModuleRepositories(this);
        services.AddScoped<IDataSeeder, CatalogSeeder>();
        services.AddSingleton<IInterceptor, ProductNameFolding>();
    }
}
