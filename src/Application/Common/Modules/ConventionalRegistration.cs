using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace Enterprise.Application.Common.Modules;

public static class ConventionalRegistration
{
    /// <summary>Registers every FluentValidation validator in the module's namespace (and below).</summary>
    public static IServiceCollection AddModuleValidators(this IServiceCollection services, IModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return services.Scan(scan => scan
            .FromAssemblies(module.GetType().Assembly)
            .AddClasses(classes => classes.AssignableTo(typeof(IValidator<>)).InNamespaceOf(module.GetType()), publicOnly: false)
            .AsImplementedInterfaces()
            .WithSingletonLifetime());
    }

    /// <summary>
    /// Registers the module's persistence adapters by naming convention: each class in the module's
    /// namespace whose name ends in <c>Repository</c> or <c>Queries</c> serves its interfaces, one per request scope.
    /// </summary>
    public static IServiceCollection AddModuleRepositories(this IServiceCollection services, IModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return services.Scan(scan => scan
            .FromAssemblies(module.GetType().Assembly)
            .AddClasses(
                classes => classes
                    .InNamespaceOf(module.GetType())
                    .Where(type => type.Name.EndsWith("Repository", StringComparison.Ordinal) || type.Name.EndsWith("Queries", StringComparison.Ordinal)),
                publicOnly: false)
            .AsImplementedInterfaces()
            .WithScopedLifetime());
    }
}
