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
        if (settings.MigrateOnStartup)
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        }

        if (settings.Seed)
        {
            var dbContext = scope.ServiceProvider.GetRequiredService<EnterpriseDbContext>();
            foreach (var seeder in scope.ServiceProvider.GetServices<IDataSeeder>())
            {
                await seeder.SeedAsync(dbContext, cancellationToken);
            }

            LogSeeded();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data is in place")]
    private partial void LogSeeded();
}
