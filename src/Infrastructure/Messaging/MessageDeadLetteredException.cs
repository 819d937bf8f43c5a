namespace Enterprise.Infrastructure.Messaging;

/// <summary>
/// The transport delivered the message, but a consuming module gave up on it (a consumer kept failing or the payload
/// is unreadable). Retrying the publish cannot help: the relay dead-letters the outbox row at once.
/// </summary>
public sealed class MessageDeadLetteredException : Exception
{
    public MessageDeadLetteredException()
        : this("A consuming module dead-lettered the message.")
    {
    }

    public MessageDeadLetteredException(string message)
        : base(message)
    {
    }

    public MessageDeadLetteredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
