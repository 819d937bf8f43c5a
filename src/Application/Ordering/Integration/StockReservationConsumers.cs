using Enterprise.Application.Catalog.Contracts;
using Enterprise.Application.Common.IntegrationEvents;
using Enterprise.Application.Ordering.Orders;
using Enterprise.Domain.Common;
using Enterprise.Domain.Ordering;
using Microsoft.Extensions.Logging;

namespace Enterprise.Application.Ordering.Integration;

/// <summary>Catalog reserved an order's stock: the pending order is confirmed (or, if cancelled meanwhile, the stock goes back).</summary>
internal sealed class StockReservedConsumer(IOrderRepository orders, TimeProvider clock, ILogger<StockReservedConsumer> logger)
    : IIntegrationEventConsumer<StockReserved>
{
    public Task ConsumeAsync(StockReserved integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        return orders.ReactAsync<StockReserved>(
            integrationEvent.OrderId, order => order.RecordStockReserved(clock.GetUtcNow()), context, logger, cancellationToken);
    }
}

/// <summary>Catalog could not reserve an order's stock: the pending order is rejected with Catalog's reason.</summary>
internal sealed class StockReservationRejectedConsumer(IOrderRepository orders, TimeProvider clock, ILogger<StockReservationRejectedConsumer> logger)
    : IIntegrationEventConsumer<StockReservationRejected>
{
    public Task ConsumeAsync(StockReservationRejected integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        return orders.ReactAsync<StockReservationRejected>(
            integrationEvent.OrderId, order => order.Reject(integrationEvent.Reason, clock.GetUtcNow()), context, logger, cancellationToken);
    }
}

/// <summary>How an order reacts to Catalog's answer about its stock.</summary>
internal static partial class OrderReactions
{
    /// <summary>
    /// Applies <paramref name="change"/> to the order. An answer the order can no longer take (it is unknown, or has
    /// moved on) is logged and acknowledged rather than thrown: a retry would fail the same way every time.
    /// </summary>
    public static async Task ReactAsync<TEvent>(
        this IOrderRepository orders,
        Guid orderId,
        Func<Order, Result> change,
        IntegrationEventContext context,
        ILogger logger,
        CancellationToken cancellationToken)
        where TEvent : IIntegrationEvent
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(context);
        var order = await orders.FindAsync(orderId, cancellationToken);
        var outcome = order is null ? Result.Failure(OrderErrors.NotFound(orderId)) : change(order);
        if (!outcome.IsSuccess)
        {
            LogIgnored(logger, TEvent.EventName, context.MessageId, orderId, outcome.Error.Code, outcome.Error.Description);
        }
    }

    [LoggerMessage(EventName = "OrderReactionIgnored", Level = LogLevel.Warning,
        Message = "Ignored {EventName} message {MessageId} for order {OrderId}: {ErrorCode} ({ErrorDescription})")]
    private static partial void LogIgnored(ILogger logger, string eventName, Guid messageId, Guid orderId, string errorCode, string errorDescription);
}
