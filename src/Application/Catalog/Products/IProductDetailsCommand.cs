using Enterprise.Domain.Catalog;

namespace Enterprise.Application.Catalog.Products;

/// <summary>A command that sets everything a caller controls on a product: its details are checked once, by <see cref="ProductDetailsValidator"/>.</summary>
public interface IProductDetailsCommand
{
    ProductDetails Details { get; }
}
