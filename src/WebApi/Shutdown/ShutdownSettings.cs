namespace Enterprise.WebApi.Shutdown;

/// <summary>The <c>Shutdown</c> configuration section: how the process drains when it is told to stop (SIGTERM).</summary>
public sealed class ShutdownSettings
{
    public const string SectionName = "Shutdown";

    /// <summary>
    /// How long requests in flight, the outbox relay's current batch and each consumer's current message may take to
    /// finish once the server has stopped accepting connections; what is still running after it is cut off.
    /// </summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>
    /// How long readiness answers 503 while the server still accepts and serves requests, before it stops accepting:
    /// time for a load balancer that polls readiness to take the instance out. Zero unless set (Kubernetes' preStop
    /// sleep does this job there).
    /// </summary>
    public TimeSpan DelayBeforeDrain { get; set; } = TimeSpan.Zero;

    /// <summary>The host's shutdown timeout: the delay, then the drain.</summary>
    public TimeSpan ShutdownTimeout => DelayBeforeDrain + DrainTimeout;
}
