using System.Text.Json;

namespace Enterprise.Infrastructure.Messaging;

/// <summary>The wire format of integration events: the outbox serializes and the consumers deserialize with these options.</summary>
internal static class MessagingJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
