using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Enterprise.Infrastructure.Persistence;

/// <summary>Applies the configured provider's pending migrations: at start when configured, and as the <c>migrate</c> command.</summary>
internal sealed partial class DatabaseMigrator(EnterpriseDbContext dbContext, IDatabaseProvider provider, ILogger<DatabaseMigrator> logger)
{
    /// <exception cref="DatabaseUnavailableException">The database could not be reached or is temporarily unavailable.</exception>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        try
        {
            var pending = (await dbContext.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            await dbContext.Database.MigrateAsync(cancellationToken);
            LogMigrated(provider.Name, pending);
        }
        catch (Exception exception) when (provider.IsTransientOrUnavailable(exception))
        {
            // The driver's own message says what failed (refused, timed out, cannot open the file); EF's wrappers do not.
            var cause = ExceptionChain.Of(exception).OfType<DbException>().LastOrDefault() ?? ExceptionChain.Of(exception).Last();
            throw new DatabaseUnavailableException($"the {provider.Name} database could not be reached or is unavailable: {cause.Message}", exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ({Provider}) is up to date; applied {PendingMigrations} pending migration(s)")]
    private partial void LogMigrated(string provider, int pendingMigrations);
}
