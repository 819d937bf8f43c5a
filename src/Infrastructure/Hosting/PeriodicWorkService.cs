using Microsoft.Extensions.Hosting;

namespace Enterprise.Infrastructure.Hosting;

/// <summary>
/// A hosted service that does one piece of housekeeping every <see cref="Interval"/> (at start too, unless
/// <see cref="RunsAtStart"/> says otherwise). A failed run, such as a database that is unreachable or not migrated yet,
/// goes to <see cref="OnFailed"/> and is tried again at the next tick: housekeeping never stops the host.
/// </summary>
internal abstract class PeriodicWorkService(TimeProvider clock) : BackgroundService
{
    protected TimeProvider Clock { get; } = clock;

    protected abstract TimeSpan Interval { get; }

    protected virtual bool RunsAtStart => true;

    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected abstract void OnFailed(Exception exception);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, Clock);
        if (!RunsAtStart && !await timer.WaitForNextTickAsync(stoppingToken))
        {
            return;
        }

        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                OnFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
