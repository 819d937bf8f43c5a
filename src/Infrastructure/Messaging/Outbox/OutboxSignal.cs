using System.Threading.Channels;

namespace Enterprise.Infrastructure.Messaging.Outbox;

/// <summary>
/// Wakes the relay as soon as a unit of work committed outbox rows, so an in-process event is handled in milliseconds
/// rather than at the next poll. Signals coalesce: many commits while the relay is busy wake it once.
/// </summary>
internal sealed class OutboxSignal
{
    private readonly Channel<bool> _pending = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _pending.Writer.TryWrite(true);

    /// <summary>Completes when notified, or after <paramref name="timeout"/>, whichever is first.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            await _pending.Reader.ReadAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed without a signal: time to look anyway.
        }
    }
}
