using Enterprise.Domain.Common;

namespace Enterprise.Domain.Catalog;

/// <summary>A sellable item. Every change goes through a method that enforces the product's rules.</summary>
public sealed class Product : AggregateRoot
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 2000;
    public const int AdjustmentReasonMaxLength = 200;

    private Product(Guid id)
        : base(id)
    {
    }

    public string Sku { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public string? Description { get; private set; }

    public Money Price { get; private set; } = null!;

    public int StockQuantity { get; private set; }

    public Guid CategoryId { get; private set; }

    public ProductStatus Status { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public static Result<Product> Create(ProductDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        var product = new Product(Guid.CreateVersion7(now))
        {
            Status = ProductStatus.Active,
            CreatedAt = UtcTimestamp.From(now),
        };
        var applied = product.Apply(details, now);
        return applied.IsSuccess ? product : applied.Error;
    }

    /// <summary>Replaces everything a caller controls (the PUT semantics); identity, status and history stay.</summary>
    public Result Replace(ProductDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        var applied = Apply(details, now);
        if (applied.IsSuccess)
        {
            IncrementVersion();
        }

        return applied;
    }

    public Result AdjustStock(int quantity, string? reason, DateTimeOffset now)
    {
        if (quantity == 0)
        {
            return ProductErrors.AdjustmentQuantityZero;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return ProductErrors.AdjustmentReasonRequired;
        }

        if (reason.Trim().Length > AdjustmentReasonMaxLength)
        {
            return ProductErrors.AdjustmentReasonTooLong;
        }

        if (ControlCharacters.In(reason))
        {
            return ProductErrors.AdjustmentReasonControlCharacters;
        }

        // long arithmetic: int.MinValue and int.MaxValue adjustments must not wrap around.
        var newQuantity = (long)StockQuantity + quantity;
        if (newQuantity < 0)
        {
            return ProductErrors.InsufficientStock(StockQuantity, quantity);
        }

        if (newQuantity > int.MaxValue)
        {
            return ProductErrors.StockOverflow;
        }

        StockQuantity = (int)newQuantity;
        Touch(now);
        return Result.Success();
    }

    /// <summary>
    /// Whether <see cref="ReserveStock"/> would succeed, without changing anything: an order reserves all of its lines
    /// or none, so every line is checked before the first is taken.
    /// </summary>
    public Result CanReserveStock(int quantity)
    {
        if (quantity <= 0)
        {
            return ProductErrors.ReservationQuantityNotPositive;
        }

        if (Status == ProductStatus.Archived)
        {
            return ProductErrors.ArchivedNotReservable(Id, Sku);
        }

        return quantity > StockQuantity ? ProductErrors.ReservationShortfall(Id, Sku, StockQuantity, quantity) : Result.Success();
    }

    /// <summary>Takes stock for an order: what is left to sell drops by <paramref name="quantity"/>, never below zero.</summary>
    public Result ReserveStock(int quantity, DateTimeOffset now)
    {
        var allowed = CanReserveStock(quantity);
        if (!allowed.IsSuccess)
        {
            return allowed;
        }

        StockQuantity -= quantity;
        Touch(now);
        return Result.Success();
    }

    /// <summary>
    /// Gives back stock an order had reserved (the order was cancelled). Archived products take it back too: the
    /// units exist whether or not the product is still sold.
    /// </summary>
    public Result ReleaseStock(int quantity, DateTimeOffset now)
    {
        if (quantity <= 0)
        {
            return ProductErrors.ReservationQuantityNotPositive;
        }

        if ((long)StockQuantity + quantity > int.MaxValue)
        {
            return ProductErrors.StockOverflow;
        }

        StockQuantity += quantity;
        Touch(now);
        return Result.Success();
    }

    /// <summary>Archiving is the catalog's delete: the product leaves lists and lookups but its row remains.</summary>
    public void Archive(DateTimeOffset now)
    {
        if (Status == ProductStatus.Archived)
        {
            return;
        }

        Status = ProductStatus.Archived;
        Touch(now);
    }

    private Result Apply(ProductDetails details, DateTimeOffset now)
    {
        var sku = Catalog.Sku.Normalize(details.Sku);
        if (!sku.IsSuccess)
        {
            return sku.Error;
        }

        var name = details.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return ProductErrors.NameRequired;
        }

        if (name.Length > NameMaxLength)
        {
            return ProductErrors.NameTooLong;
        }

        if (ControlCharacters.In(name))
        {
            return ProductErrors.NameControlCharacters;
        }

        var description = string.IsNullOrWhiteSpace(details.Description) ? null : details.Description.Trim();
        if (description?.Length > DescriptionMaxLength)
        {
            return ProductErrors.DescriptionTooLong;
        }

        if (ControlCharacters.In(description, allowLineBreaksAndTabs: true))
        {
            return ProductErrors.DescriptionControlCharacters;
        }

        var price = Money.Create(details.Price, details.Currency);
        if (!price.IsSuccess)
        {
            return price.Error;
        }

        if (details.StockQuantity < 0)
        {
            return ProductErrors.NegativeStock;
        }

        if (details.CategoryId == Guid.Empty)
        {
            return ProductErrors.CategoryRequired;
        }

        Sku = sku.Value;
        Name = name;
        Description = description;
        Price = price.Value;
        StockQuantity = details.StockQuantity;
        CategoryId = details.CategoryId;
        UpdatedAt = UtcTimestamp.From(now);
        return Result.Success();
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = UtcTimestamp.From(now);
        IncrementVersion();
    }
}
