using Enterprise.Application.Common.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Enterprise.Application.Common.Modules;

public static class ConventionalRegistration
{
    /// <summary>
    /// Registers every FluentValidation validator in the module's namespace (and below) for the messages it checks, and
    /// the validators of the shapes every module shares (<see cref="IPagedQuery"/>, <see cref="IKeysetPagedQuery"/>). A
    /// validator of an interface (a shape several messages share) serves each of the module's messages that has it.
    /// </summary>
    public static IServiceCollection AddModuleValidators(this IServiceCollection services, IModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var moduleType = module.GetType();
        var messages = moduleType.Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && type.IsAssignableTo(typeof(IMessage)) && IsInNamespaceOf(type, moduleType))
            .ToArray();
        return services.Scan(scan => scan
            .FromAssemblies(moduleType.Assembly)
            .AddClasses(classes => classes.AssignableTo(typeof(IValidator<>)).InNamespaceOf(moduleType, typeof(IPagedQuery)), publicOnly: false)
            .As(validator => ValidatorServices(validator, messages))
            .WithSingletonLifetime());
    }

    // The container does not resolve IValidator<in T> by variance, so a shape's validator is registered per message.
    private static IEnumerable<Type> ValidatorServices(Type validator, Type[] messages) =>
        validator.GetInterfaces()
            .Where(service => service.IsGenericType && service.GetGenericTypeDefinition() == typeof(IValidator<>))
            .SelectMany(service => service.GenericTypeArguments[0] is { IsInterface: true } shape
                ? messages.Where(message => message.IsAssignableTo(shape)).Select(message => typeof(IValidator<>).MakeGenericType(message))
                : [service]);

    private static bool IsInNamespaceOf(Type type, Type moduleType) =>
        type.Namespace is { } name && (name == moduleType.Namespace || name.StartsWith($"{moduleType.Namespace}.", StringComparison.Ordinal));

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
