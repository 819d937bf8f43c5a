using Enterprise.Application.Common.Security;
using Enterprise.Domain.Common;
using Enterprise.Domain.Ordering;
using Mediator;

namespace Enterprise.Application.Ordering.Orders;

/// <summary>An order, for its customer or an admin; to anyone else it is not found.</summary>
public sealed record GetOrderQuery(Guid OrderId) : IQuery<Result<OrderDto>>;

internal sealed class GetOrderHandler(IOrderQueries queries, ICurrentUser currentUser) : IQueryHandler<GetOrderQuery, Result<OrderDto>>
{
    public async ValueTask<Result<OrderDto>> Handle(GetOrderQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!currentUser.IsAuthenticated)
        {
            return AuthorizationErrors.Unauthenticated;
        }

        var order = await queries.FindAsync(query.OrderId, cancellationToken);
        return order is not null && currentUser.MaySee(order.CustomerId) ? order : OrderErrors.NotFound(query.OrderId);
    }
}
