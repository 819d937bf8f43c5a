using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Enterprise.WebApi.Problems;

public static class ProblemDetailsSetup
{
    /// <summary>
    /// Problem responses everywhere: the problems the framework makes itself (MVC, status-code pages) are completed by
    /// <see cref="ProblemFactory"/> like the application's own, whatever the request accepts; exceptions the caller can
    /// act on get their own status instead of a 500.
    /// </summary>
    public static IServiceCollection AddProblemResponses(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemFactory.Complete);
        // After the framework's writer, so it only answers what that one declines.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProblemDetailsWriter, AnyAcceptProblemDetailsWriter>());
        services.AddExceptionHandler<ConcurrencyConflictExceptionHandler>();
        services.AddExceptionHandler<DatabaseUnavailableExceptionHandler>();
        services.AddExceptionHandler<UnexpectedExceptionHandler>();
        return services;
    }
}
