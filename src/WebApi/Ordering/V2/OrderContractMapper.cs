using Enterprise.Application.Ordering.Orders;
using Riok.Mapperly.Abstractions;

namespace Enterprise.WebApi.Ordering.V2;

/// <summary>Version 2's order shapes from the application's DTO.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class OrderContractMapper
{
    public static partial OrderResponse ToResponse(this OrderDto order);

    [MapPropertyFromSource(nameof(OrderLineResponse.LineTotal), Use = nameof(LineTotalOf))]
    private static partial OrderLineResponse ToResponse(OrderLineDto line);

    private static decimal LineTotalOf(OrderLineDto line) => line.UnitPrice * line.Quantity;
}
