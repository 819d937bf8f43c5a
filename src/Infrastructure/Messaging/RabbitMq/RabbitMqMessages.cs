using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using RabbitMQ.Client;

namespace Enterprise.Infrastructure.Messaging.RabbitMq;

/// <summary>
/// How an envelope travels as an AMQP message: the body is the payload; the message id, the event name (as the type, so
/// a message replayed straight into a queue keeps it), the content type, persistence and the envelope's other fields
/// are properties and headers.
/// </summary>
internal static class RabbitMqMessages
{
    public const string TraceParentHeader = "traceparent";
    public const string OccurredAtHeader = "occurred-at";
    private const string JsonContentType = "application/json";

    public static BasicProperties PropertiesOf(MessageEnvelope envelope)
    {
        var headers = new Dictionary<string, object?>
        {
            [OccurredAtHeader] = envelope.OccurredAt.ToString("O", CultureInfo.InvariantCulture),
        };
        if (envelope.TraceParent is { } traceParent)
        {
            headers[TraceParentHeader] = traceParent;
        }

        return new BasicProperties
        {
            MessageId = envelope.MessageId.ToString("D"),
            Type = envelope.EventName,
            ContentType = JsonContentType,
            DeliveryMode = DeliveryModes.Persistent,
            Timestamp = new AmqpTimestamp(envelope.OccurredAt.ToUnixTimeSeconds()),
            Headers = headers,
        };
    }

    /// <summary>
    /// The envelope a delivered message carries; false when it lacks a message id (a GUID), an event name or the time
    /// it occurred, which no retry can mend. The payload is copied: the client reuses the delivery's buffer.
    /// </summary>
    public static bool TryReadEnvelope(IReadOnlyBasicProperties properties, ReadOnlyMemory<byte> body, [NotNullWhen(true)] out MessageEnvelope? envelope)
    {
        envelope = null;
        if (!Guid.TryParse(properties.MessageId, out var messageId) || string.IsNullOrEmpty(properties.Type))
        {
            return false;
        }

        DateTimeOffset occurredAt;
        if (Header(properties, OccurredAtHeader) is { } occurredAtText)
        {
            if (!DateTimeOffset.TryParseExact(occurredAtText, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out occurredAt))
            {
                return false;
            }
        }
        else if (properties.IsTimestampPresent())
        {
            occurredAt = DateTimeOffset.FromUnixTimeSeconds(properties.Timestamp.UnixTime);
        }
        else
        {
            return false;
        }

        envelope = new MessageEnvelope(messageId, properties.Type, body.ToArray(), Header(properties, TraceParentHeader), occurredAt);
        return true;
    }

    /// <summary>A header as text: AMQP strings arrive as bytes.</summary>
    private static string? Header(IReadOnlyBasicProperties properties, string name) =>
        properties.Headers?.TryGetValue(name, out var value) == true
            ? value switch
            {
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                string text => text,
                _ => null,
            }
            : null;
}
