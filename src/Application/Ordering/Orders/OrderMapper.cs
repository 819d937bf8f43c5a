using Enterprise.Domain.Ordering;
using Riok.Mapperly.Abstractions;

namespace Enterprise.Application.Ordering.Orders;

/// <summary>Compile-time mapping from the aggregate to its DTO, in memory and as a database projection.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class OrderMapper
{
    public static partial OrderDto ToDto(this Order order);

    /// <summary>Translated by the database provider into a SELECT of just the DTO's columns and its lines.</summary>
    public static partial IQueryable<OrderDto> ProjectToDto(this IQueryable<Order> orders);

    private static partial OrderLineDto ToDto(OrderLine line);
}
