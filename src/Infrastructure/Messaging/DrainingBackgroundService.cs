using Microsoft.Extensions.Hosting;

namespace Enterprise.Infrastructure.Messaging;

/// <summary>
/// A background service that finishes the unit of work in hand when the host stops: the stopping token ends its loop
/// (no new work is taken), while <see cref="AbortToken"/>, given to the work itself, is cancelled only when the host's
/// shutdown timeout runs out.
/// </summary>
internal abstract class DrainingBackgroundService : BackgroundService
{
    private readonly CancellationTokenSource _abort = new();

    /// <summary>Cancelled when the host's shutdown timeout has run out: what is still running is cut off then.</summary>
    protected CancellationToken AbortToken => _abort.Token;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // The base returns when the work has ended or the timeout has run out, whichever is first. A callback registered on
        // the timeout token is no substitute: the base's own callback runs first (last registered, first run) and can
        // complete this method, disposing the registration, before ours has run; the work in hand was then never cut off.
        await base.StopAsync(cancellationToken);
        if (cancellationToken.IsCancellationRequested)
        {
            await _abort.CancelAsync();
        }
    }

    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
    }
}
