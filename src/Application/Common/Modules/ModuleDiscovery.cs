using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Enterprise.Application.Common.Modules;

public static class ModuleDiscovery
{
    /// <summary>Finds every <see cref="IModule"/> in the assembly with Scrutor and lets each add its services.</summary>
    public static IServiceCollection AddModulesFrom(this IServiceCollection services, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(services);
        var discovered = new ServiceCollection();
        discovered.Scan(scan => scan
            .FromAssemblies(assembly)
            .AddClasses(classes => classes.AssignableTo<IModule>(), publicOnly: false)
            .As<IModule>()
            .WithSingletonLifetime());

        foreach (var descriptor in discovered.OrderBy(d => d.ImplementationType!.FullName, StringComparer.Ordinal))
        {
            var module = (IModule)Activator.CreateInstance(descriptor.ImplementationType!, nonPublic: true)!;
            module.AddServices(services);
        }

        return services;
    }
}
