using Enterprise.Domain.Catalog;

namespace Enterprise.Application.Catalog.Products;

/// <summary>
/// Which products a list holds and in what order, as the caller asked, whatever the list's paging; checked by
/// <see cref="ProductListSelectionValidator"/> and read as a <see cref="ProductListDefinition"/>.
/// </summary>
public sealed record ProductListSelection
{
    public const int SearchMaxLength = 100;

    public Guid? CategoryId { get; init; }

    /// <summary>Case-insensitive text in the name or SKU.</summary>
    public string? Search { get; init; }

    /// <summary>Inclusive lower bound of the price amount, in the product's own currency.</summary>
    public decimal? MinPrice { get; init; }

    /// <summary>Inclusive upper bound of the price amount, in the product's own currency.</summary>
    public decimal? MaxPrice { get; init; }

    /// <summary>Which products; active ones when not given.</summary>
    public ProductStatus? Status { get; init; }

    /// <summary>Comma-separated allow-listed fields, see <see cref="ProductSort"/>.</summary>
    public string? Sort { get; init; }
}
