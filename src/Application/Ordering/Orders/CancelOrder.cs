using Enterprise.Application.Common.Auditing;
using Enterprise.Application.Common.Concurrency;
using Enterprise.Application.Common.Security;
using Enterprise.Domain.Common;
using Mediator;

namespace Enterprise.Application.Ordering.Orders;

/// <summary>
/// Cancels a pending or confirmed order of the caller's (any order, for an admin); a confirmed order's stock goes
/// back to Catalog.
/// </summary>
[RequiresScope(OrderingPermissions.WriteScope)]
public sealed record CancelOrderCommand(Guid OrderId) : ICommand<Result<OrderDto>>, IHasResourceId, IConditionalWrite
{
    /// <summary>The versions this write is conditional on (HTTP <c>If-Match</c>); <see langword="null"/>: unconditional.</summary>
    public IReadOnlyCollection<long>? ExpectedVersions { get; init; }

    Guid IHasResourceId.ResourceId => OrderId;
}

internal sealed class CancelOrderHandler(IOrderRepository orders, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<CancelOrderCommand, Result<OrderDto>>
{
    public async ValueTask<Result<OrderDto>> Handle(CancelOrderCommand command, CancellationToken cancellationToken) =>
        await orders.WriteVisibleAsync(currentUser, command, order => order.Cancel(clock.GetUtcNow()), cancellationToken);
}
