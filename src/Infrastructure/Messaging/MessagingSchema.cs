namespace Enterprise.Infrastructure.Messaging;

/// <summary>The database schema of the outbox and inbox tables on providers that have schemas (SQLite ignores it).</summary>
internal static class MessagingSchema
{
    public const string Name = "messaging";
}
