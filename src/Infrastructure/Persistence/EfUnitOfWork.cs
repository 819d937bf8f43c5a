using Enterprise.Application.Common.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enterprise.Infrastructure.Persistence;

/// <summary>Commits the request's DbContext; lost races surface as <see cref="ConcurrencyConflictException"/>.</summary>
internal sealed class EfUnitOfWork(EnterpriseDbContext dbContext, IDatabaseProvider provider) : IUnitOfWork
{
    public async Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        try
        {
            await dbContext.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException exception)
        {
            throw new ConcurrencyConflictException("The resource was changed by another request; re-read it and try again.", staleVersion: true, exception);
        }
        catch (DbUpdateException exception) when (provider.IsUniqueViolation(exception))
        {
            throw new ConcurrencyConflictException("Another request created the same unique value first.", staleVersion: false, exception);
        }
    }
}
