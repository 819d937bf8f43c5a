namespace Enterprise.Application.Common.Persistence;

/// <summary>Commits the changes a command made to tracked aggregates, atomically.</summary>
public interface IUnitOfWork
{
    /// <exception cref="ConcurrencyConflictException">Another writer changed or claimed the same data first.</exception>
    Task SaveChangesAsync(CancellationToken cancellationToken);
}
