using System.Text.Json.Nodes;

namespace Enterprise.IntegrationTests.Hostile;

/// <summary>What a request body of an endpoint holds.</summary>
public enum BodyKind
{
    None,
    Product,
    StockAdjustment,
    Category,
}

/// <summary>The JSON kind of a body member, which decides the wrong types and boundaries tried on it.</summary>
public enum MemberKind
{
    Text,
    Number,
    WholeNumber,
    Identifier,
}

/// <summary>A member of a request body: its JSON kind and whether the contract requires it.</summary>
public sealed record BodyMember(string Name, MemberKind Kind, bool Required = true);

/// <summary>
/// One endpoint: method, path template (<c>{id}</c> where the resource id goes, <see cref="Placeholders.Version"/>
/// for the version) and the resource a valid id points at.
/// </summary>
public sealed record ApiEndpoint(string Name, string Method, string PathTemplate, BodyKind Body = BodyKind.None, string? ValidId = null)
{
    public bool HasId => PathTemplate.Contains("{id}", StringComparison.Ordinal);

    public string Path(string version, string? id = null) =>
        PathTemplate.Replace(Placeholders.Version, version, StringComparison.Ordinal)
            .Replace("{id}", id ?? ValidId ?? string.Empty, StringComparison.Ordinal);
}

/// <summary>Every versioned endpoint the hostile suite attacks, and the valid bodies it starts from.</summary>
public static class ApiSurface
{
    /// <summary>
    /// The API versions under attack. When version 2 is mapped, add <c>"v2"</c> here: every table below runs
    /// against it too (with its own endpoint list in <see cref="EndpointsOf"/> if its surface differs).
    /// </summary>
    public static readonly IReadOnlyList<string> Versions = ["v1"];

    public static readonly ApiEndpoint ListProducts = new("list products", "GET", $"/api/{Placeholders.Version}/products");
    public static readonly ApiEndpoint GetProduct = new("get product", "GET", $"/api/{Placeholders.Version}/products/{{id}}", ValidId: Placeholders.Product);
    public static readonly ApiEndpoint CreateProduct = new("create product", "POST", $"/api/{Placeholders.Version}/products", BodyKind.Product);
    public static readonly ApiEndpoint ReplaceProduct = new("replace product", "PUT", $"/api/{Placeholders.Version}/products/{{id}}", BodyKind.Product, Placeholders.Product);
    public static readonly ApiEndpoint ArchiveProduct = new("archive product", "DELETE", $"/api/{Placeholders.Version}/products/{{id}}", ValidId: Placeholders.Product);
    public static readonly ApiEndpoint AdjustStock = new("adjust stock", "POST", $"/api/{Placeholders.Version}/products/{{id}}/stock-adjustments", BodyKind.StockAdjustment, Placeholders.Product);
    public static readonly ApiEndpoint ListCategories = new("list categories", "GET", $"/api/{Placeholders.Version}/categories");
    public static readonly ApiEndpoint GetCategory = new("get category", "GET", $"/api/{Placeholders.Version}/categories/{{id}}", ValidId: Placeholders.Category);
    public static readonly ApiEndpoint CreateCategory = new("create category", "POST", $"/api/{Placeholders.Version}/categories", BodyKind.Category);
    public static readonly ApiEndpoint DeleteCategory = new("delete category", "DELETE", $"/api/{Placeholders.Version}/categories/{{id}}", ValidId: Placeholders.Category);

    public static readonly IReadOnlyList<ApiEndpoint> V1Endpoints =
    [
        ListProducts, GetProduct, CreateProduct, ReplaceProduct, ArchiveProduct, AdjustStock,
        ListCategories, GetCategory, CreateCategory, DeleteCategory,
    ];

    public static IReadOnlyList<ApiEndpoint> EndpointsOf(string version) => version switch
    {
        _ => V1Endpoints,
    };

    public static IReadOnlyList<BodyMember> MembersOf(BodyKind body) => body switch
    {
        BodyKind.Product =>
        [
            new("sku", MemberKind.Text),
            new("name", MemberKind.Text),
            new("description", MemberKind.Text, Required: false),
            new("price", MemberKind.Number),
            new("currency", MemberKind.Text),
            new("stockQuantity", MemberKind.WholeNumber),
            new("categoryId", MemberKind.Identifier),
        ],
        BodyKind.StockAdjustment => [new("quantity", MemberKind.WholeNumber), new("reason", MemberKind.Text)],
        BodyKind.Category => [new("name", MemberKind.Text)],
        _ => [],
    };

    /// <summary>A body the endpoint accepts; hostile cases break one thing in it.</summary>
    public static JsonObject ValidBody(BodyKind body) => body switch
    {
        BodyKind.Product => new JsonObject
        {
            ["sku"] = Placeholders.NewSku,
            ["name"] = "Hostile suite product",
            ["description"] = "Sent by the hostile-input suite",
            ["price"] = 10.5m,
            ["currency"] = "EUR",
            ["stockQuantity"] = 5,
            ["categoryId"] = Placeholders.Category,
        },
        BodyKind.StockAdjustment => new JsonObject { ["quantity"] = 1, ["reason"] = "Hostile suite recount" },
        BodyKind.Category => new JsonObject { ["name"] = Placeholders.NewName },
        _ => throw new ArgumentOutOfRangeException(nameof(body), body, "This endpoint takes no body."),
    };
}
