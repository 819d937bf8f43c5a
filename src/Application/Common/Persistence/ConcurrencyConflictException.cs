namespace Enterprise.Application.Common.Persistence;

/// <summary>
/// A write lost a race: a row changed since it was read (stale version), or a concurrent insert took a
/// unique value first. Raised by persistence; the API answers 409 so the caller can re-read and retry.
/// </summary>
public sealed class ConcurrencyConflictException : Exception
{
    /// <summary>A lost race, told apart: a row changed since it was read (<paramref name="staleVersion"/>), or a unique value was taken.</summary>
    public ConcurrencyConflictException(string message, bool staleVersion, Exception innerException)
        : base(message, innerException) => StaleVersion = staleVersion;

    /// <summary>Whether the write lost to another write of the same row (rather than to an insert of the same unique value).</summary>
    public bool StaleVersion { get; }

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
