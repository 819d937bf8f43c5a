using Enterprise.Application.Catalog.Contracts;
using Enterprise.Application.Common.Security;
using Enterprise.Domain.Common;
using Enterprise.Domain.Ordering;
using FluentValidation;
using FluentValidation.Results;
using Mediator;

namespace Enterprise.Application.Ordering.Orders;

/// <summary>
/// Places an order for the current user. Each line's product is looked up in Catalog's published contract and its
/// SKU, name and price copied onto the line; the order starts pending, and Catalog reserves its stock afterwards.
/// </summary>
[RequiresScope(OrderingPermissions.WriteScope)]
public sealed record PlaceOrderCommand(IReadOnlyList<OrderLineRequest> Lines) : ICommand<Result<OrderDto>>;

/// <summary>One line as the customer asks for it: which product, how many.</summary>
public sealed record OrderLineRequest(Guid ProductId, int Quantity);

internal sealed class PlaceOrderValidator : AbstractValidator<PlaceOrderCommand>
{
    public PlaceOrderValidator() => RuleFor(command => command.Lines).Custom(CheckLines);

    /// <summary>Each failure names the line it is on (<c>lines[2].quantity</c>), as the caller's array numbers it.</summary>
    private static void CheckLines(IReadOnlyList<OrderLineRequest>? lines, ValidationContext<PlaceOrderCommand> context)
    {
        if (lines is null || lines.Count is < Order.MinLines or > Order.MaxLines)
        {
            context.AddFailure(new ValidationFailure(OrderErrors.LinesField, OrderErrors.LineCount.Description));
            return;
        }

        var seen = new HashSet<Guid>();
        for (var index = 0; index < lines.Count; index++)
        {
            var line = lines[index];
            var broken = line switch
            {
                null => OrderErrors.ProductRequired(index),
                { ProductId: var productId } when productId == Guid.Empty => OrderErrors.ProductRequired(index),
                { ProductId: var productId } when !seen.Add(productId) => OrderErrors.DuplicateProduct(index, productId),
                _ => null,
            };
            if (broken is not null)
            {
                context.AddFailure(new ValidationFailure(broken.Field, broken.Description));
            }

            if (line is { Quantity: < Order.MinQuantity or > Order.MaxQuantity })
            {
                var quantity = OrderErrors.QuantityOutOfRange(index);
                context.AddFailure(new ValidationFailure(quantity.Field, quantity.Description));
            }
        }
    }
}

internal sealed class PlaceOrderHandler(
    IProductCatalog catalog,
    IOrderRepository orders,
    ICurrentUser currentUser,
    TimeProvider clock) : ICommandHandler<PlaceOrderCommand, Result<OrderDto>>
{
    public async ValueTask<Result<OrderDto>> Handle(PlaceOrderCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var products = (await catalog.FindAsync([.. command.Lines.Select(line => line.ProductId)], cancellationToken))
            .ToDictionary(product => product.ProductId);
        var snapshots = new List<OrderLineSnapshot>(command.Lines.Count);
        for (var index = 0; index < command.Lines.Count; index++)
        {
            var line = command.Lines[index];
            if (!products.TryGetValue(line.ProductId, out var product))
            {
                return OrderErrors.UnknownProduct(index, line.ProductId);
            }

            if (!product.IsActive)
            {
                return OrderErrors.ArchivedProduct(index, line.ProductId);
            }

            snapshots.Add(new OrderLineSnapshot(product.ProductId, product.Sku, product.Name, product.Price, product.Currency, line.Quantity));
        }

        var placed = Order.Place(currentUser.Subject ?? string.Empty, snapshots, clock.GetUtcNow());
        if (!placed.IsSuccess)
        {
            return placed.Error;
        }

        orders.Add(placed.Value);
        return placed.Value.ToDto();
    }
}
