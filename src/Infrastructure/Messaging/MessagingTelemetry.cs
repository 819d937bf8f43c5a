using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Enterprise.Infrastructure.Messaging;

/// <summary>
/// The messaging metrics (meter <see cref="MeterName"/>) and activities (source <see cref="ActivitySourceName"/>). An
/// activity continues the trace of the request that wrote the outbox row, so its logs carry that request's trace id.
/// </summary>
internal sealed class MessagingTelemetry
{
    public const string MeterName = "Enterprise.Messaging";
    public const string ActivitySourceName = "Enterprise.Messaging";
    public const string PublishedName = "enterprise.messaging.published";
    public const string DeadLetteredName = "enterprise.messaging.dead_lettered";
    public const string EventTag = "event";

    /// <summary>Where the message was given up: <c>outbox</c> (publishing) or a consuming module's name.</summary>
    public const string StageTag = "stage";

    public const string OutboxStage = "outbox";

    private static readonly ActivitySource Source = new(ActivitySourceName);

    private readonly Counter<long> _published;
    private readonly Counter<long> _deadLettered;

    public MessagingTelemetry(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _published = meter.CreateCounter<long>(PublishedName, unit: "{message}", description: "Outbox messages the transport accepted.");
        _deadLettered = meter.CreateCounter<long>(DeadLetteredName, unit: "{message}", description: "Messages given up on after their attempts.");
    }

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
}
