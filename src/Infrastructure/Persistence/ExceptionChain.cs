namespace Enterprise.Infrastructure.Persistence;

/// <summary>
/// An exception and its inner exceptions, outermost first: EF Core wraps the driver's error
/// (<c>DbUpdateException</c>, <c>RetryLimitExceededException</c>, <c>InvalidOperationException</c>).
/// </summary>
internal static class ExceptionChain
{
    public static IEnumerable<Exception> Of(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }
}
