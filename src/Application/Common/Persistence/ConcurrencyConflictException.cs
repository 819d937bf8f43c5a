namespace Enterprise.Application.Common.Persistence;

/// <summary>
/// A write lost a race: a row changed since it was read (stale version), or a concurrent insert took a
/// unique value first. Raised by persistence; the API answers 409 so the caller can re-read and retry.
/// </summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException()
        : this("The data was changed by another request; re-read it and try again.")
    {
    }

    public ConcurrencyConflictException(string message)
        : base(message)
    {
    }

    public ConcurrencyConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
