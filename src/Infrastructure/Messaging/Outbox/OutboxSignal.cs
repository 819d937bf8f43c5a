namespace Enterprise.Infrastructure.Messaging.Outbox;

/// <summary>
/// Wakes the relay as soon as a unit of work committed outbox rows, so an in-process event is handled in milliseconds
/// rather than at the next poll. Signals coalesce: many commits while the relay is busy wake it once.
/// </summary>
internal sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);
    private int _pending;

    public void Notify()
    {
        if (Interlocked.Exchange(ref _pending, 1) == 0)
        {
            _wake.Release();
        }
    }

    /// <summary>Completes when notified, or after <paramref name="timeout"/>, whichever is first.</summary>
    /// <remarks>
    /// A notification that arrives between the wake-up and the reset below is not lost: the relay looks at the outbox
    /// after the reset, so it sees the rows committed before that notification.
    /// </remarks>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        // Only a consumed wake-up clears the flag: after a timeout a late Release is still pending, and must stay counted.
        if (await _wake.WaitAsync(timeout, cancellationToken))
        {
            Interlocked.Exchange(ref _pending, 0);
        }
    }

    public void Dispose() => _wake.Dispose();
}
