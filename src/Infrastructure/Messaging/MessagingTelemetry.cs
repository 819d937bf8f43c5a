using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Enterprise.Infrastructure.Messaging;

/// <summary>
/// The messaging metrics (meter <see cref="MeterName"/>) and activities (source <see cref="ActivitySourceName"/>). An
/// activity continues the trace of the request that wrote the outbox row, so its logs carry that request's trace id.
/// The outbox gauges report what <see cref="Outbox.OutboxBacklogSampler"/> last counted, so a scrape never queries the database.
/// </summary>
internal sealed class MessagingTelemetry
{
    public const string MeterName = "Enterprise.Messaging";
    public const string ActivitySourceName = "Enterprise.Messaging";
    public const string PublishedName = "enterprise.messaging.published";
    public const string DeadLetteredName = "enterprise.messaging.dead_lettered";
    public const string OutboxBacklogName = "enterprise.outbox.backlog";
    public const string OutboxOldestAgeName = "enterprise.outbox.oldest_age";
    public const string EventTag = "event";

    /// <summary>On a consume activity: the consuming module (<c>catalog</c>, <c>ordering</c>).</summary>
    public const string ModuleTag = "enterprise.module";

    /// <summary>Where the message was given up: <c>outbox</c> (publishing) or a consuming module's name.</summary>
    public const string StageTag = "stage";

    public const string OutboxStage = "outbox";

    private static readonly ActivitySource Source = new(ActivitySourceName);

    private readonly Counter<long> _published;
    private readonly Counter<long> _deadLettered;
    private readonly ObservableGauge<long> _outboxBacklog;
    private readonly ObservableGauge<double> _outboxOldestAge;
    private readonly TimeProvider _clock;

    /// <summary>Null until the first count: the gauges report nothing rather than a made-up zero.</summary>
    private OutboxBacklog? _lastBacklog;

    public MessagingTelemetry(IMeterFactory meterFactory, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _clock = clock;
        var meter = meterFactory.Create(MeterName);
        _published = meter.CreateCounter<long>(PublishedName, unit: "{message}", description: "Outbox messages the transport accepted.");
        _deadLettered = meter.CreateCounter<long>(DeadLetteredName, unit: "{message}", description: "Messages given up on after their attempts.");
        _outboxBacklog = meter.CreateObservableGauge(
            OutboxBacklogName,
            ObserveBacklog,
            unit: "{message}",
            description: "Outbox rows neither sent nor dead-lettered, as last counted.");
        _outboxOldestAge = meter.CreateObservableGauge(
            OutboxOldestAgeName,
            ObserveOldestAge,
            unit: "s",
            description: "Age of the oldest outbox row neither sent nor dead-lettered (0 when there is none).");
    }

    /// <summary>Whether anything collects the outbox gauges; the sampler counts only then.</summary>
    public bool OutboxBacklogObserved => _outboxBacklog.Enabled || _outboxOldestAge.Enabled;

    public void OutboxBacklogCounted(long pending, DateTime? oldestOccurredAt) =>
        Volatile.Write(ref _lastBacklog, new OutboxBacklog(pending, oldestOccurredAt));

    public void Published(string eventName) => _published.Add(1, new KeyValuePair<string, object?>(EventTag, eventName));

    public void DeadLettered(string eventName, string stage) => _deadLettered.Add(
        1,
        new KeyValuePair<string, object?>(EventTag, eventName),
        new KeyValuePair<string, object?>(StageTag, stage));

    /// <summary>
    /// Starts an activity whose parent is the stored <c>traceparent</c> (when there is one). Without a listener on the
    /// source a plain activity is started instead, so the trace id still reaches the logs.
    /// </summary>
    public static Activity StartActivity(string name, ActivityKind kind, string? traceParent)
    {
        var parent = traceParent is not null && ActivityContext.TryParse(traceParent, traceState: null, out var context) ? context : default;
        var activity = Source.StartActivity(name, kind, parent);
        if (activity is not null)
        {
            return activity;
        }

        var unobserved = new Activity(name);
        if (parent != default)
        {
            unobserved.SetParentId(parent.TraceId, parent.SpanId, parent.TraceFlags);
        }

        return unobserved.Start();
    }

    private IEnumerable<Measurement<long>> ObserveBacklog() =>
        Volatile.Read(ref _lastBacklog) is { } backlog ? [new Measurement<long>(backlog.Pending)] : [];

    /// <summary>Measured from the oldest row's time now, so the age keeps growing between counts while that row waits.</summary>
    private IEnumerable<Measurement<double>> ObserveOldestAge()
    {
        if (Volatile.Read(ref _lastBacklog) is not { } backlog)
        {
            return [];
        }

        var age = backlog.OldestOccurredAt is { } oldest ? Math.Max(0, (_clock.GetUtcNow().UtcDateTime - oldest).TotalSeconds) : 0;
        return [new Measurement<double>(age)];
    }

    private sealed record OutboxBacklog(long Pending, DateTime? OldestOccurredAt);
}
