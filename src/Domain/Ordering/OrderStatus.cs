namespace Enterprise.Domain.Ordering;

/// <summary>Where an order is in its life: placed, then confirmed or rejected by Catalog's stock, then shipped or cancelled.</summary>
public enum OrderStatus
{
    /// <summary>Placed; waiting for Catalog to reserve the stock of every line.</summary>
    Pending,

    /// <summary>Catalog reserved the stock of every line.</summary>
    Confirmed,

    /// <summary>Catalog could not reserve the stock; the order's rejection reason says why.</summary>
    Rejected,

    Shipped,

    Cancelled,
}
