namespace Enterprise.Application.Common.Persistence;

/// <summary>
/// Runs a query's reads as one unit that runs again, whole, after a transient database fault. A read hands nothing to
/// its caller before it ends, so running it again is safe; and because the whole read is retried, the database layer
/// can stream each result's rows instead of buffering them for a retry of its own (ADR 0007).
/// </summary>
public interface IReadRetry
{
    ValueTask<TResult> RunAsync<TState, TResult>(
        TState state, Func<TState, CancellationToken, ValueTask<TResult>> read, CancellationToken cancellationToken);
}
