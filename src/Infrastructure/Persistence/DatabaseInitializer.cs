using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Enterprise.Infrastructure.Persistence;

/// <summary>Migrates and seeds before the server accepts requests, when configuration asks for it.</summary>
internal sealed partial class DatabaseInitializer(
    IServiceScopeFactory scopeFactory,
    IOptions<DatabaseOptions> options,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.MigrateOnStartup && !settings.Seed)
        {
            return;
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var dbContext = scope.ServiceProvider.GetRequiredService<EnterpriseDbContext>();
        if (settings.MigrateOnStartup)
        {
            var pending = (await dbContext.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            await dbContext.Database.MigrateAsync(cancellationToken);
            LogMigrated(settings.Provider, pending);
        }

        if (settings.Seed)
        {
            foreach (var seeder in scope.ServiceProvider.GetServices<IDataSeeder>())
            {
                await seeder.SeedAsync(dbContext, cancellationToken);
            }

            LogSeeded();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ({Provider}) is up to date; applied {PendingMigrations} pending migration(s)")]
    private partial void LogMigrated(string provider, int pendingMigrations);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data is in place")]
    private partial void LogSeeded();
}
