using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Enterprise.IntegrationTests.Infrastructure;

/// <summary>
/// Counts the queries the application sends to its database that name <paramref name="table"/> (other work, such as a
/// background purge, is left out), registered as an EF Core interceptor in the test host
/// (<see cref="EnterpriseApiFactory.TestServices"/>). <see cref="QueryDelay"/> holds each of them back, so that requests
/// that arrive meanwhile overlap with it.
/// </summary>
public sealed class DatabaseCommandCounter(string table) : DbCommandInterceptor
{
    private int _queries;

    public int Queries => Volatile.Read(ref _queries);

    public TimeSpan QueryDelay { get; set; }

    public void Reset() => Interlocked.Exchange(ref _queries, 0);

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!command.CommandText.Contains($"\"{table}\"", StringComparison.Ordinal))
        {
            return result;
        }

        Interlocked.Increment(ref _queries);
        if (QueryDelay > TimeSpan.Zero)
        {
            await Task.Delay(QueryDelay, cancellationToken);
        }

        return result;
    }
}
