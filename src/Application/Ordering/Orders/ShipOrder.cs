using Enterprise.Application.Common.Auditing;
using Enterprise.Application.Common.Concurrency;
using Enterprise.Application.Common.Security;
using Enterprise.Domain.Common;
using Mediator;

namespace Enterprise.Application.Ordering.Orders;

/// <summary>Ships a confirmed order; only admins ship.</summary>
/// <remarks>
/// The admin role is checked by the handler, after the order is found, rather than declared with
/// <see cref="RequiresRoleAttribute"/>: someone else's order is then not found for a customer on this route as on every
/// other, and only their own orders answer that the role is missing.
/// </remarks>
[RequiresScope(OrderingPermissions.WriteScope)]
public sealed record ShipOrderCommand(Guid OrderId) : ICommand<Result<OrderDto>>, IHasResourceId, IConditionalWrite
{
    /// <summary>The versions this write is conditional on (HTTP <c>If-Match</c>); <see langword="null"/>: unconditional.</summary>
    public IReadOnlyCollection<long>? ExpectedVersions { get; init; }

    Guid IHasResourceId.ResourceId => OrderId;
}

internal sealed class ShipOrderHandler(IOrderRepository orders, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ShipOrderCommand, Result<OrderDto>>
{
    public async ValueTask<Result<OrderDto>> Handle(ShipOrderCommand command, CancellationToken cancellationToken) =>
        await orders.WriteVisibleAsync(
            currentUser,
            command,
            order => currentUser.IsAdmin() ? order.Ship(clock.GetUtcNow()) : AuthorizationErrors.MissingRole(OrderingPermissions.AdminRole),
            cancellationToken);
}
