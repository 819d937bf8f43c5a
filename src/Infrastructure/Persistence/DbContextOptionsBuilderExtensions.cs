using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Enterprise.Infrastructure.Persistence;

internal static class DbContextOptionsBuilderExtensions
{
    /// <summary>What every provider's context gets after its driver: the application's interceptors and the thread-safety setting.</summary>
    public static DbContextOptionsBuilder UseApplicationOptions(this DbContextOptionsBuilder builder, IServiceProvider services, DatabaseOptions options) =>
        builder
            .AddInterceptors(services.GetServices<IInterceptor>())
            .EnableThreadSafetyChecks(options.ThreadSafetyChecks);
}
