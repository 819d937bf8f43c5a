using Enterprise.Infrastructure.Messaging;
using Enterprise.Infrastructure.Messaging.Outbox;
using Enterprise.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Enterprise.IntegrationTests.Messaging;

/// <summary>
/// The application with <c>Messaging:Transport=RabbitMq</c> on a broker, under exchange and queue names of its own (so
/// hosts share the test run's broker without seeing each other's messages), and the scripted processor behind the
/// transport. Short retry delays keep the tests quick.
/// </summary>
internal sealed class RabbitMqTestHost : IAsyncDisposable
{
    private readonly string _prefix = $"test-{Guid.NewGuid():N}";

    public RabbitMqTestHost(string connectionString, int prefetch = 1, IReadOnlyDictionary<string, string?>? settings = null)
    {
        ConnectionString = connectionString;
        var allSettings = new Dictionary<string, string?>
        {
            ["Messaging:Transport"] = "RabbitMq",
            ["Messaging:RabbitMq:ConnectionString"] = connectionString,
            ["Messaging:RabbitMq:ExchangeName"] = ExchangeName,
            ["Messaging:RabbitMq:QueuePrefix"] = _prefix,
            ["Messaging:RabbitMq:Prefetch"] = prefetch.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Messaging:RabbitMq:RedeliveryDelay"] = RedeliveryDelay.ToString(),
            ["Messaging:RabbitMq:ReconnectInterval"] = "00:00:01",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            allSettings[key] = value;
        }

        Factory = new EnterpriseApiFactory(DatabaseUnderTest.Sqlite, allSettings)
        {
            TestServices = services => services.AddSingleton<IInboundMessageProcessor>(Processor),
        };
    }

    public static TimeSpan RedeliveryDelay { get; } = TimeSpan.FromMilliseconds(500);

    public string ConnectionString { get; }

    public EnterpriseApiFactory Factory { get; }

    public ScriptedInboundProcessor Processor { get; } = new();

    public string ExchangeName => $"{_prefix}.events";

    public string DeadLetterExchangeName => $"{ExchangeName}.dead-letter";

    public string Queue => $"{_prefix}.{ScriptedInboundProcessor.Module}";

    public string DeadLetterQueue => $"{Queue}.dead-letter";

    /// <summary>A queue a test may declare to make the broker refuse messages; removed with the others.</summary>
    public string RefusingQueue => $"{_prefix}.refusing";

    /// <summary>The application's transport, as the outbox relay uses it.</summary>
    public IMessageTransport Transport => Factory.Services.GetRequiredService<IMessageTransport>();

    public static MessageEnvelope Envelope(string eventName = ScriptedInboundProcessor.EventName, string? traceParent = null) =>
        new(Guid.CreateVersion7(), eventName, System.Text.Encoding.UTF8.GetBytes($$"""{"note":"{{Guid.NewGuid():N}}"}"""), traceParent, new DateTimeOffset(2026, 12, 2, 1, 2, 3, 456, TimeSpan.Zero).AddTicks(7890));

    /// <summary>The message the relay published for an outbox row, as it would publish it again.</summary>
    public static MessageEnvelope EnvelopeOf(OutboxMessage row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.Id, row.EventName, System.Text.Encoding.UTF8.GetBytes(row.Payload), row.TraceParent, new DateTimeOffset(row.OccurredAt, TimeSpan.Zero));
    }

    /// <summary>Stops the application, then removes its exchanges and queues from the broker (when it is up).</summary>
    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await using var probe = await RabbitMqProbe.ConnectAsync(ConnectionString);
        await probe.DeleteAsync([Queue, DeadLetterQueue, RefusingQueue], [ExchangeName, DeadLetterExchangeName]);
    }
}
