using Enterprise.Domain.Common;

namespace Enterprise.Domain.Catalog;

/// <summary>Each product rule, named, with the error a caller sees when it is broken.</summary>
public static class ProductErrors
{
    public static readonly Error SkuRequired =
        Error.Validation("Product.Sku.Required", "The SKU is required.", "sku");

    public static readonly Error SkuLength =
        Error.Validation("Product.Sku.Length", $"The SKU must be {Sku.MinLength} to {Sku.MaxLength} characters long.", "sku");

    public static readonly Error SkuFormat =
        Error.Validation("Product.Sku.Format", "The SKU may contain only letters and digits in groups joined by single hyphens, such as BK-1042.", "sku");

    public static readonly Error NameRequired =
        Error.Validation("Product.Name.Required", "The name is required.", "name");

    public static readonly Error NameTooLong =
        Error.Validation("Product.Name.TooLong", $"The name must be at most {Product.NameMaxLength} characters long.", "name");

    public static readonly Error NameControlCharacters =
        Error.Validation("Product.Name.ControlCharacters", "The name must not contain control characters.", "name");

    public static readonly Error DescriptionControlCharacters =
        Error.Validation("Product.Description.ControlCharacters", "The description must not contain control characters other than line breaks and tabs.", "description");

    public static readonly Error AdjustmentReasonControlCharacters =
        Error.Validation("Product.StockAdjustment.ReasonControlCharacters", "The adjustment reason must not contain control characters.", "reason");

    public static readonly Error DescriptionTooLong =
        Error.Validation("Product.Description.TooLong", $"The description must be at most {Product.DescriptionMaxLength} characters long.", "description");

    public static readonly Error NegativeStock =
        Error.Validation("Product.StockQuantity.Negative", "The stock quantity must be zero or more.", "stockQuantity");

    public static readonly Error CategoryRequired =
        Error.Validation("Product.CategoryId.Required", "The category is required.", "categoryId");

    public static readonly Error AdjustmentQuantityZero =
        Error.Validation("Product.StockAdjustment.Zero", "The adjustment quantity must not be zero.", "quantity");

    public static readonly Error AdjustmentReasonRequired =
        Error.Validation("Product.StockAdjustment.ReasonRequired", "The adjustment reason is required.", "reason");

    public static readonly Error AdjustmentReasonTooLong =
        Error.Validation("Product.StockAdjustment.ReasonTooLong", $"The adjustment reason must be at most {Product.AdjustmentReasonMaxLength} characters long.", "reason");

    public static readonly Error StockOverflow =
        Error.Validation("Product.StockAdjustment.Overflow", $"The stock quantity would exceed {int.MaxValue}.", "quantity");

    public static readonly Error ReservationQuantityNotPositive =
        Error.Validation("Product.StockReservation.QuantityNotPositive", "The quantity to reserve or release must be more than zero.", "quantity");

    public static Error ArchivedNotReservable(Guid id, string sku) =>
        Error.Conflict("Product.StockReservation.Archived", $"Product {sku} ({id}) is no longer sold.");

    public static Error ReservationShortfall(Guid id, string sku, int inStock, int requested) =>
        Error.Conflict(
            "Product.StockReservation.Insufficient",
            $"Product {sku} ({id}) has {inStock} in stock; {requested} requested, {requested - inStock} short.");

    public static Error InsufficientStock(int inStock, int adjustment) =>
        Error.Conflict("Product.Stock.Insufficient", $"Stock cannot go below zero: {inStock} in stock, adjustment of {adjustment}.");

    public static Error NotFound(Guid id) =>
        Error.NotFound("Product.NotFound", $"Product '{id}' was not found.");

    public static Error DuplicateSku(string sku) =>
        Error.Conflict("Product.Sku.Duplicate", $"A product with SKU '{sku}' already exists.");

    public static Error UnknownCategory(Guid categoryId) =>
        Error.Validation("Product.CategoryId.Unknown", $"Category '{categoryId}' does not exist.", "categoryId");
}
