using Enterprise.Application.Ordering.Orders;
using Enterprise.Domain.Ordering;
using Enterprise.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enterprise.Infrastructure.Ordering;

internal sealed class OrderRepository(EnterpriseDbContext dbContext) : IOrderRepository
{
    public Task<Order?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        dbContext.Set<Order>().SingleOrDefaultAsync(order => order.Id == id, cancellationToken);

    public void Add(Order order) => dbContext.Set<Order>().Add(order);
}
