using Enterprise.Application.Common.Persistence;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Enterprise.Infrastructure.Persistence;

/// <summary>
/// Runs a query's reads under <see cref="WholeReadExecutionStrategy"/> on the providers that retry transient faults;
/// on the others (SQLite) the reads run as they are.
/// </summary>
internal sealed class EfReadRetry(EnterpriseDbContext dbContext, IDatabaseProvider provider) : IReadRetry
{
    /// <summary>
    /// One strategy per context, reused: its base constructor seeds a new <see cref="Random"/> from the operating system
    /// (3% of a read by id's CPU when made per read), and a pooled context runs one read at a time.
    /// </summary>
    private static readonly ConditionalWeakTable<DbContext, WholeReadExecutionStrategy> Strategies = new();

    public ValueTask<TResult> RunAsync<TState, TResult>(
        TState state, Func<TState, CancellationToken, ValueTask<TResult>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (!provider.RetriesTransientFaults)
        {
            return read(state, cancellationToken);
        }

        if (!Strategies.TryGetValue(dbContext, out var strategy))
        {
            strategy = Strategies.GetValue(dbContext, context => new WholeReadExecutionStrategy(context, provider));
        }

        return new ValueTask<TResult>(strategy.ExecuteAsync(
            (state, read),
            static (_, run, token) => run.read(run.state, token).AsTask(),
            verifySucceeded: null,
            cancellationToken));
    }

    /// <summary>
    /// Retries the whole read while telling EF Core that it does not retry. EF Core asks the current strategy whether
    /// it retries to decide whether to buffer every result before handing out its first row (a retry of one query
    /// must not hand out the same rows twice); the provider's own retrying strategy says yes, so each row was copied
    /// once more and each column's type name fetched again. Retrying the whole read instead needs no buffer: the
    /// caller sees only the last attempt's answer. Inside a transaction nothing is retried, as EF Core's own strategies do.
    /// </summary>
    private sealed class WholeReadExecutionStrategy(DbContext context, IDatabaseProvider provider)
        : ExecutionStrategy(context, TransientFaultRetries.MaxRetryCount, TransientFaultRetries.MaxRetryDelay)
    {
        private readonly DbContext _context = context;

        public override bool RetriesOnFailure => false;

        protected override bool ShouldRetryOn(Exception exception) =>
            _context.Database.CurrentTransaction is null && provider.IsTransientOrUnavailable(exception);
    }
}
