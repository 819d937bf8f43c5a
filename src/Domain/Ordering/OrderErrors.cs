using Enterprise.Domain.Common;

namespace Enterprise.Domain.Ordering;

/// <summary>Each order rule, named, with the error a caller sees when it is broken.</summary>
public static class OrderErrors
{
    public const string LinesField = "lines";

    public static readonly Error CustomerRequired =
        Error.Validation("Order.Customer.Required", "An order needs the customer who places it.");

    public static readonly Error CustomerIdInvalid =
        Error.Validation(
            "Order.Customer.Invalid",
            $"A customer id is not blank, has at most {Order.CustomerIdMaxLength} characters and no control character.",
            "customerId");

    public static readonly Error LineCount =
        Error.Validation("Order.Lines.Count", $"An order has {Order.MinLines} to {Order.MaxLines} lines.", LinesField);

    public static Error QuantityOutOfRange(int line) =>
        Error.Validation("Order.Line.Quantity", $"The quantity must be {Order.MinQuantity} to {Order.MaxQuantity}.", LineField(line, "quantity"));

    public static Error ProductRequired(int line) =>
        Error.Validation("Order.Line.ProductRequired", "The product id is required.", LineField(line, "productId"));

    public static Error DuplicateProduct(int line, Guid productId) =>
        Error.Validation("Order.Line.DuplicateProduct", $"Product '{productId}' is already on an earlier line: order one line per product.", LineField(line, "productId"));

    public static Error UnknownProduct(int line, Guid productId) =>
        Error.Unprocessable("Order.Line.UnknownProduct", $"Line {line}: product '{productId}' does not exist.", LineField(line, "productId"));

    public static Error ArchivedProduct(int line, Guid productId) =>
        Error.Unprocessable("Order.Line.ProductArchived", $"Line {line}: product '{productId}' is archived and no longer sold.", LineField(line, "productId"));

    public static Error MixedCurrencies(int line, Guid productId, string currency, string orderCurrency) =>
        Error.Unprocessable(
            "Order.Line.MixedCurrency",
            $"Line {line}: product '{productId}' is sold in {currency}, but the order's earlier lines are in {orderCurrency}; an order has one currency.",
            LineField(line, "productId"));

    public static Error InvalidTransition(OrderStatus from, OrderStatus to) =>
        Error.Conflict("Order.InvalidTransition", $"An order cannot go from {Name(from)} to {Name(to)}.");

    public static readonly Error RejectionReasonRequired =
        Error.Validation("Order.RejectionReason.Required", "A rejected order needs the reason.", "reason");

    public static Error NotFound(Guid id) =>
        Error.NotFound("Order.NotFound", $"Order '{id}' was not found.");

    /// <summary>The member of line <paramref name="line"/> (0-based, as in the request's array), as the caller names it.</summary>
    public static string LineField(int line, string member) => $"{LinesField}[{line}].{member}";

    /// <summary>The status as the API spells it (lower case), so messages and responses agree.</summary>
    public static string Name(OrderStatus status) => status.ToString().ToLowerInvariant();
}
