using Enterprise.Domain.Common;

namespace Enterprise.Domain.Ordering;

/// <summary>
/// A customer's order of products, priced as Catalog sold them when it was placed. Its stock belongs to Catalog: the
/// order is confirmed or rejected when Catalog has tried to reserve it, and every later step goes through a method
/// that allows it only from the statuses it may follow.
/// </summary>
public sealed class Order : AggregateRoot
{
    public const int MinLines = 1;
    public const int MaxLines = 50;
    public const int MinQuantity = 1;
    public const int MaxQuantity = 1_000;
    public const int CustomerIdMaxLength = 200;
    public const int RejectionReasonMaxLength = 500;

    /// <summary>Room for the SKU and name Catalog copies onto a line (its own limits are lower).</summary>
    public const int LineSkuMaxLength = 64;
    public const int LineNameMaxLength = 200;

    private readonly List<OrderLine> _lines = [];

    private Order(Guid id)
        : base(id)
    {
    }

    /// <summary>The subject of the token that placed the order.</summary>
    public string CustomerId { get; private set; } = string.Empty;

    public IReadOnlyList<OrderLine> Lines => _lines;

    /// <summary>The one currency of every line and of the total (ISO 4217).</summary>
    public string Currency { get; private set; } = string.Empty;

    public decimal Total { get; private set; }

    public OrderStatus Status { get; private set; }

    /// <summary>Why Catalog could not reserve the stock; only on a rejected order.</summary>
    public string? RejectionReason { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>
    /// A customer id as orders keep it: present, at most <see cref="CustomerIdMaxLength"/> characters and free of control
    /// characters. It comes from a token's subject, or from the query string of an admin's list, and PostgreSQL cannot
    /// store or compare a NUL.
    /// </summary>
    public static Result<string> CheckCustomerId(string? customerId)
    {
        if (string.IsNullOrWhiteSpace(customerId))
        {
            return OrderErrors.CustomerRequired;
        }

        if (customerId.Length > CustomerIdMaxLength || ControlCharacters.In(customerId))
        {
            return OrderErrors.CustomerIdInvalid;
        }

        return customerId;
    }

    /// <summary>
    /// A pending order of the given lines, in the order given: 1 to 50 lines, one per product, 1 to 1,000 of each, all
    /// in one currency. Raises <see cref="OrderPlacedDomainEvent"/>.
    /// </summary>
    public static Result<Order> Place(string customerId, IReadOnlyList<OrderLineSnapshot> lines, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var customer = CheckCustomerId(customerId);
        if (!customer.IsSuccess)
        {
            return customer.Error;
        }

        if (lines.Count is < MinLines or > MaxLines)
        {
            return OrderErrors.LineCount;
        }

        var seen = new HashSet<Guid>();
        for (var index = 0; index < lines.Count; index++)
        {
            var line = lines[index];
            if (line.ProductId == Guid.Empty)
            {
                return OrderErrors.ProductRequired(index);
            }

            if (!seen.Add(line.ProductId))
            {
                return OrderErrors.DuplicateProduct(index, line.ProductId);
            }

            if (line.Quantity is < MinQuantity or > MaxQuantity)
            {
                return OrderErrors.QuantityOutOfRange(index);
            }

            if (!string.Equals(line.Currency, lines[0].Currency, StringComparison.Ordinal))
            {
                return OrderErrors.MixedCurrencies(index, line.ProductId, line.Currency, lines[0].Currency);
            }
        }

        var placedAt = UtcTimestamp.From(now);
        var order = new Order(Guid.CreateVersion7(now))
        {
            CustomerId = customerId,
            Currency = lines[0].Currency,
            Status = OrderStatus.Pending,
            CreatedAt = placedAt,
            UpdatedAt = placedAt,
        };
        order._lines.AddRange(lines.Select(line => new OrderLine(line.ProductId, line.Sku, line.Name, line.UnitPrice, line.Quantity)));
        order.Total = order._lines.Sum(line => line.LineTotal);
        order.Raise(new OrderPlacedDomainEvent(order.Id, order.CustomerId, order.Lines));
        return order;
    }

    /// <summary>
    /// Catalog reserved the stock of every line: a pending order is confirmed. An order cancelled while it waited keeps
    /// its status and hands the stock straight back (<see cref="OrderStockReleasedDomainEvent"/>).
    /// </summary>
    public Result RecordStockReserved(DateTimeOffset now)
    {
        if (Status == OrderStatus.Cancelled)
        {
            Raise(new OrderStockReleasedDomainEvent(Id, Lines));
            return Result.Success();
        }

        return MoveTo(OrderStatus.Confirmed, now, OrderStatus.Pending);
    }

    /// <summary>Catalog could not reserve the stock: a pending order is rejected, with the reason.</summary>
    public Result Reject(string reason, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return OrderErrors.RejectionReasonRequired;
        }

        var moved = MoveTo(OrderStatus.Rejected, now, OrderStatus.Pending);
        if (moved.IsSuccess)
        {
            var trimmed = reason.Trim();
            RejectionReason = trimmed.Length > RejectionReasonMaxLength ? trimmed[..RejectionReasonMaxLength] : trimmed;
        }

        return moved;
    }

    /// <summary>
    /// Cancels a pending or confirmed order; a confirmed order's reserved stock goes back to Catalog
    /// (<see cref="OrderStockReleasedDomainEvent"/>).
    /// </summary>
    public Result Cancel(DateTimeOffset now)
    {
        var wasConfirmed = Status == OrderStatus.Confirmed;
        var moved = MoveTo(OrderStatus.Cancelled, now, OrderStatus.Pending, OrderStatus.Confirmed);
        if (moved.IsSuccess && wasConfirmed)
        {
            Raise(new OrderStockReleasedDomainEvent(Id, Lines));
        }

        return moved;
    }

    /// <summary>Ships a confirmed order.</summary>
    public Result Ship(DateTimeOffset now) => MoveTo(OrderStatus.Shipped, now, OrderStatus.Confirmed);

    private Result MoveTo(OrderStatus target, DateTimeOffset now, params ReadOnlySpan<OrderStatus> allowedFrom)
    {
        if (!allowedFrom.Contains(Status))
        {
            return OrderErrors.InvalidTransition(Status, target);
        }

        Status = target;
        UpdatedAt = UtcTimestamp.From(now);
        IncrementVersion();
        return Result.Success();
    }
}
