using Microsoft.Extensions.Options;

namespace Enterprise.WebApi.Shutdown;

/// <summary>
/// Holds the host's stop for <see cref="ShutdownSettings.DelayBeforeDrain"/> before any service stops: the server keeps
/// serving while readiness already answers 503, until a load balancer polling it has stopped sending traffic.
/// </summary>
/// <remarks>
/// The host calls <see cref="StoppingAsync"/> of every lifecycle service before it stops the first hosted service
/// (the server), and within its shutdown timeout, which <see cref="ShutdownSetup"/> lengthens by this delay.
/// </remarks>
internal sealed partial class DelayBeforeDrain(IOptions<ShutdownSettings> settings, ILogger<DelayBeforeDrain> logger) : IHostedLifecycleService
{
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        var shutdown = settings.Value;
        LogDraining(shutdown.DelayBeforeDrain, shutdown.DrainTimeout);
        if (shutdown.DelayBeforeDrain > TimeSpan.Zero)
        {
            await Task.Delay(shutdown.DelayBeforeDrain, cancellationToken);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down: readiness reports 503; new connections are accepted for {DelayBeforeDrain} more, then requests in flight get {DrainTimeout} to finish")]
    private partial void LogDraining(TimeSpan delayBeforeDrain, TimeSpan drainTimeout);
}
