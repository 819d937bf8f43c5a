namespace Enterprise.Application.Catalog.Products;

/// <summary>A query for a list of products, whatever its paging: its selection is checked once, by <see cref="ProductListSelectionValidator"/>.</summary>
public interface IProductListQuery
{
    ProductListSelection Selection { get; }
}
