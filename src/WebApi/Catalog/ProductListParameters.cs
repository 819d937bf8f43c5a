using System.ComponentModel;
using Enterprise.Domain.Catalog;
using Microsoft.AspNetCore.Mvc;

namespace Enterprise.WebApi.Catalog;

/// <summary>The query parameters that choose which products a list holds and their order, the same in every API version.</summary>
public sealed record ProductListParameters
{
    [Description("Only products in this category.")]
    [FromQuery(Name = "categoryId")]
    public Guid? CategoryId { get; init; }

    [Description("Case-insensitive text in the name or SKU.")]
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    [Description("Only products whose price amount is at least this (in the product's own currency).")]
    [FromQuery(Name = "minPrice")]
    public decimal? MinPrice { get; init; }

    [Description("Only products whose price amount is at most this (in the product's own currency).")]
    [FromQuery(Name = "maxPrice")]
    public decimal? MaxPrice { get; init; }

    [Description("Only products in this status; active when not given.")]
    [FromQuery(Name = "status")]
    public ProductStatus? Status { get; init; }

    [Description("Comma-separated fields (name, sku, price, stockQuantity, createdAt, updatedAt); prefix '-' for descending.")]
    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }
}
