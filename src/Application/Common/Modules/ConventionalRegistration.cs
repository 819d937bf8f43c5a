using System.Reflection;
using Enterprise.Application.Common.IntegrationEvents;
using Enterprise.Application.Common.Persistence;
using Enterprise.Domain.Common;
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
    /// <summary>
    /// Registers every <see cref="IIntegrationEventConsumer{TEvent}"/> in the module's namespace (and below): the consumer
    /// per scope, and an <see cref="IntegrationEventConsumerRegistration"/> singleton that names its module (the namespace
    /// segment after <c>Enterprise.Application.</c>, lower case), event and invoker for the messaging infrastructure.
    /// </summary>
    public static IServiceCollection AddModuleIntegrationEventConsumers(this IServiceCollection services, IModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var moduleName = ModuleNameOf(module.GetType());
        foreach (var (consumer, eventType) in ImplementationsInModule(module, typeof(IIntegrationEventConsumer<>)))
        {
            services.AddScoped(consumer);
            services.AddSingleton(Close<IntegrationEventConsumerRegistration>(nameof(ConsumerRegistration), eventType, consumer, moduleName));
        }

        return services;
    }

    /// <summary>
    /// Registers every <see cref="IDomainEventListener{TEvent}"/> in the module's namespace (and below): the listener per
    /// scope and a <see cref="DomainEventListenerRegistration"/> singleton that the unit of work dispatches through.
    /// </summary>
    public static IServiceCollection AddModuleDomainEventListeners(this IServiceCollection services, IModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        foreach (var (listener, eventType) in ImplementationsInModule(module, typeof(IDomainEventListener<>)))
        {
            services.AddScoped(listener);
            services.AddSingleton(Close<DomainEventListenerRegistration>(nameof(ListenerRegistration), eventType, listener, argument: null));
        }

        return services;
    }

    /// <summary>The module's lower-case name: the namespace segment after the layer (<c>Enterprise.Application.Catalog</c> is <c>catalog</c>).</summary>
    public static string ModuleNameOf(Type moduleType)
    {
        ArgumentNullException.ThrowIfNull(moduleType);
        var segments = moduleType.Namespace?.Split('.') ?? [];
        if (segments.Length < 3)
        {
            throw new ArgumentException($"{moduleType.FullName} is not in a module namespace such as Enterprise.Application.Catalog.", nameof(moduleType));
        }

#pragma warning disable CA1308 // Module names are lower case by convention: they name queues and inbox consumers.
        return segments[2].ToLowerInvariant();
#pragma warning restore CA1308
    }

    /// <summary>Each concrete class in the module's namespace with each closed form of the open generic interface it implements.</summary>
    private static IEnumerable<(Type Implementation, Type TypeArgument)> ImplementationsInModule(IModule module, Type openInterface)
    {
        var moduleType = module.GetType();
        return moduleType.Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && IsInNamespaceOf(type, moduleType))
            .SelectMany(type => type.GetInterfaces()
                .Where(service => service.IsGenericType && service.GetGenericTypeDefinition() == openInterface)
                .Select(service => (type, service.GenericTypeArguments[0])));
    }

    // Start-up only: closes a generic factory below over the event and handler types, so the invoker it returns is typed.
    private static T Close<T>(string factory, Type eventType, Type handlerType, string? argument) =>
        (T)typeof(ConventionalRegistration).GetMethod(factory, BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(eventType, handlerType)
            .Invoke(null, argument is null ? [] : [argument])!;

    private static IntegrationEventConsumerRegistration ConsumerRegistration<TEvent, TConsumer>(string module)
        where TEvent : class, IIntegrationEvent
        where TConsumer : IIntegrationEventConsumer<TEvent> =>
        new(
            module,
            TEvent.EventName,
            typeof(TEvent),
            typeof(TConsumer),
            (services, integrationEvent, context, cancellationToken) =>
                services.GetRequiredService<TConsumer>().ConsumeAsync((TEvent)integrationEvent, context, cancellationToken));

    private static DomainEventListenerRegistration ListenerRegistration<TEvent, TListener>()
        where TEvent : IDomainEvent
        where TListener : IDomainEventListener<TEvent> =>
        new(
            typeof(TEvent),
            typeof(TListener),
            (services, domainEvent, cancellationToken) =>
                services.GetRequiredService<TListener>().HandleAsync((TEvent)domainEvent, cancellationToken));
}
