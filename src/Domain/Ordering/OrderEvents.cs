using Enterprise.Domain.Common;

namespace Enterprise.Domain.Ordering;

/// <summary>An order was placed: its stock must now be reserved.</summary>
public sealed record OrderPlacedDomainEvent(Guid OrderId, string CustomerId, IReadOnlyList<OrderLine> Lines) : IDomainEvent;

/// <summary>
/// Stock reserved for an order must go back: the order was cancelled after it was confirmed, or the reservation
/// arrived after it was cancelled while still pending.
/// </summary>
public sealed record OrderStockReleasedDomainEvent(Guid OrderId, IReadOnlyList<OrderLine> Lines) : IDomainEvent;
