using Enterprise.Application.Common.Behaviors;
using Enterprise.Application.Common.Caching;
using Enterprise.Application.Common.Modules;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Enterprise.Application;

public static class DependencyInjection
{
    /// <summary>The mediator with its pipeline, the clock, and every application module.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        // The pipeline, in order, for every message: the one place it is declared.
        // Scoped, because handlers use scoped repositories and the per-request DbContext.
        services.AddMediator((MediatorOptions options) =>
        {
            options.Namespace = "Enterprise.Application.Messaging";
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(DependencyInjection)];
            options.PipelineBehaviors =
            [
                typeof(LoggingBehavior<,>),
                typeof(AuditBehavior<,>),
                typeof(AuthorizationBehavior<,>),
                typeof(ValidationBehavior<,>),
                typeof(CachingBehavior<,>),
                typeof(CacheInvalidationBehavior<,>),
                typeof(UnitOfWorkBehavior<,>),
                typeof(ReadRetryBehavior<,>),
            ];
        });

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CacheMetrics>();
        services.TryAddSingleton<MediatorMetrics>();
        return services.AddModulesFrom(typeof(DependencyInjection).Assembly);
    }
}
