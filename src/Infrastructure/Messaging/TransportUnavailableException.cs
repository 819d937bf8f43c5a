namespace Enterprise.Infrastructure.Messaging;

/// <summary>
/// The transport cannot take any message now (the broker is unreachable or its connection is being recovered). Unlike
/// a refused message this says nothing about the message itself: the relay hands its batch back without counting an
/// attempt, so an outage of any length dead-letters nothing, and publishing resumes at the first poll after it ends.
/// </summary>
public sealed class TransportUnavailableException : Exception
{
    public TransportUnavailableException()
        : this("The message transport is unavailable.")
    {
    }

    public TransportUnavailableException(string message)
        : base(message)
    {
    }

    public TransportUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
