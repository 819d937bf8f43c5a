using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.DependencyInjection;

namespace Enterprise.Infrastructure.Persistence;

internal static class DbContextOptionsBuilderExtensions
{
    /// <summary>
    /// What every provider's context gets after its driver: the application's interceptors, the thread-safety setting,
    /// and query executors that make their nested delegates once (<see cref="SharedDelegateConstantProcessor"/>).
    /// </summary>
    public static DbContextOptionsBuilder UseApplicationOptions(this DbContextOptionsBuilder builder, IServiceProvider services, DatabaseOptions options) =>
        builder
            .AddInterceptors(services.GetServices<IInterceptor>())
            .EnableThreadSafetyChecks(options.ThreadSafetyChecks)
#pragma warning disable EF9100 // Experimental service: see SharedDelegateConstantProcessor.
            .ReplaceService<ILiftableConstantProcessor, SharedDelegateConstantProcessor>();
#pragma warning restore EF9100
}
