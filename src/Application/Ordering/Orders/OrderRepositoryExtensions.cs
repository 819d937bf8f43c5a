using Enterprise.Application.Common.Auditing;
using Enterprise.Application.Common.Concurrency;
using Enterprise.Application.Common.Security;
using Enterprise.Domain.Common;
using Enterprise.Domain.Ordering;

namespace Enterprise.Application.Ordering.Orders;

/// <summary>How every command that changes an existing order loads it.</summary>
internal static class OrderRepositoryExtensions
{
    /// <summary>
    /// The one shape of a command that changes an existing order: the order, tracked for the write, when the caller may
    /// see it (<see cref="OrderAccess"/>) and it meets the write's condition (<see cref="VersionPrecondition"/>);
    /// otherwise not found, then precondition failed, in that order. Then <paramref name="write"/>, and the changed
    /// order or the first failure (the unit of work commits the change).
    /// </summary>
    public static async Task<Result<OrderDto>> WriteVisibleAsync<TCommand>(
        this IOrderRepository orders,
        ICurrentUser currentUser,
        TCommand command,
        Func<Order, Result> write,
        CancellationToken cancellationToken)
        where TCommand : IHasResourceId, IConditionalWrite
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(write);
        var order = await orders.FindAsync(command.ResourceId, cancellationToken);
        if (order is null || !currentUser.MaySee(order.CustomerId))
        {
            return OrderErrors.NotFound(command.ResourceId);
        }

        if (VersionPrecondition.Check(order, command.ExpectedVersions) is { } stale)
        {
            return stale;
        }

        var written = write(order);
        return written.IsSuccess ? order.ToDto() : written.Error;
    }
}
