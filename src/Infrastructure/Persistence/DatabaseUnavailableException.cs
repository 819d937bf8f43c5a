namespace Enterprise.Infrastructure.Persistence;

/// <summary>The database could not be reached or is temporarily unavailable; trying again later may succeed.</summary>
public sealed class DatabaseUnavailableException : Exception
{
    public DatabaseUnavailableException()
    {
    }

    public DatabaseUnavailableException(string message)
        : base(message)
    {
    }

    public DatabaseUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
