using System.Linq.Expressions;
using Enterprise.Application.Common.Persistence;
using Enterprise.Application.Ordering.Orders;
using Enterprise.Domain.Ordering;
using Enterprise.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enterprise.Infrastructure.Ordering;

internal sealed class OrderQueries(EnterpriseDbContext dbContext) : IOrderQueries
{
    /// <summary>Newest first; the id (a version 7 GUID) keeps the order total, so pages never swap two orders placed at once.</summary>
    private static readonly KeysetOrder<Order>[] NewestFirst =
    [
        new(new KeysetColumn<Order, DateTime>(order => order.CreatedAt), Descending: true),
        new(new KeysetColumn<Order, Guid>(order => order.Id), Descending: true),
    ];

    private static readonly Expression<Func<Order, OrderDto>> ToDto = Projection.Of<Order, OrderDto>(OrderMapper.ProjectToDto);

    public Task<OrderDto?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        Orders().Where(order => order.Id == id).Select(ToDto).SingleOrDefaultAsync(cancellationToken);

    public async Task<KeysetSlice<OrderDto>> SeekAsync(
        string customerId, OrderStatus? status, int limit, OrderListPosition? after, CancellationToken cancellationToken)
    {
        var orders = Orders().Where(order => order.CustomerId == customerId);
        if (status is { } wanted)
        {
            orders = orders.Where(order => order.Status == wanted);
        }

        if (after is not null)
        {
            orders = orders.After(NewestFirst, [after.CreatedAt, after.Id]);
        }

        return await orders.OrderBy(NewestFirst).Select(ToDto).ReadSliceAsync(limit, cancellationToken);
    }

    private IQueryable<Order> Orders() => dbContext.Set<Order>().AsNoTracking();
}
