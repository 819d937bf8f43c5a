using Enterprise.Domain.Common;

namespace Enterprise.Application.Catalog.Products;

/// <summary>
/// Parses <c>sort=name,-price</c>: a comma-separated allow-list of fields, each optionally prefixed with
/// <c>-</c> for descending. Results are always finally ordered by id so pages are stable.
/// </summary>
public static class ProductSort
{
    public const int MaxTerms = 4;

    private static readonly Dictionary<string, ProductSortField> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["name"] = ProductSortField.Name,
        ["sku"] = ProductSortField.Sku,
        ["price"] = ProductSortField.Price,
        ["stockQuantity"] = ProductSortField.StockQuantity,
        ["createdAt"] = ProductSortField.CreatedAt,
        ["updatedAt"] = ProductSortField.UpdatedAt,
    };

    public static readonly IReadOnlyList<ProductSortTerm> Default = [new(ProductSortField.Name, Descending: false)];

    public static string AllowedFields => string.Join(", ", Fields.Keys);

    public static Result<IReadOnlyList<ProductSortTerm>> Parse(string? sort)
    {
        if (string.IsNullOrWhiteSpace(sort))
        {
            return Result<IReadOnlyList<ProductSortTerm>>.Success(Default);
        }

        var parts = sort.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length > MaxTerms)
        {
            return Invalid($"At most {MaxTerms} sort fields may be given.");
        }

        var terms = new List<ProductSortTerm>(parts.Length);
        foreach (var part in parts)
        {
            var descending = part.StartsWith('-');
            var name = descending ? part[1..] : part;
            if (!Fields.TryGetValue(name, out var field))
            {
                return Invalid($"Cannot sort by '{Truncate(part)}'. Allowed fields: {AllowedFields}; prefix a field with '-' for descending order.");
            }

            if (terms.Exists(term => term.Field == field))
            {
                return Invalid($"The field '{name}' appears more than once in sort.");
            }

            terms.Add(new ProductSortTerm(field, descending));
        }

        return terms;
    }

    private static Error Invalid(string description) =>
        Error.Validation("Product.Sort.Invalid", description, "sort");

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
