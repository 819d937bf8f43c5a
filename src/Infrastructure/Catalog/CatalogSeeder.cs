using Enterprise.Domain.Catalog;
using Enterprise.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enterprise.Infrastructure.Catalog;

/// <summary>A few categories and products to explore the API with; adds only what is missing, by slug and SKU.</summary>
internal sealed class CatalogSeeder(TimeProvider clock) : IDataSeeder
{
    private static readonly (string Category, ProductSeed[] Products)[] Catalog =
    [
        ("Books", [
            new("BK-1001", "Domain-Driven Design", "Tackling complexity in the heart of software.", 54.99m, 12),
            new("BK-1002", "Release It!", "Design and deploy production-ready software.", 41.50m, 7),
        ]),
        ("Electronics", [
            new("EL-2001", "USB-C Dock", "Two displays, gigabit Ethernet, 100 W charging.", 189.00m, 25),
            new("EL-2002", "Mechanical Keyboard", "Tenkeyless, hot-swappable switches.", 129.90m, 0),
        ]),
        ("Office Supplies", [
            new("OF-3001", "Whiteboard Markers", "Set of eight colours.", 9.95m, 140),
        ]),
    ];

    public async Task SeedAsync(EnterpriseDbContext dbContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dbContext);
        var now = clock.GetUtcNow();
        foreach (var (categoryName, products) in Catalog)
        {
            var category = await FindOrAddCategoryAsync(dbContext, categoryName, now, cancellationToken);
            foreach (var seed in products)
            {
                if (await dbContext.Products.AnyAsync(product => product.Sku == seed.Sku, cancellationToken))
                {
                    continue;
                }

                var details = new ProductDetails
                {
                    Sku = seed.Sku,
                    Name = seed.Name,
                    Description = seed.Description,
                    Price = seed.Price,
                    Currency = "EUR",
                    StockQuantity = seed.StockQuantity,
                    CategoryId = category.Id,
                };
                dbContext.Products.Add(Product.Create(details, now).Value);
            }
        }

        await dbContext.SaveChangesAsync(cancellationToken);
    }

    private static async Task<Category> FindOrAddCategoryAsync(EnterpriseDbContext dbContext, string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var slug = Category.ToSlug(name);
        var existing = await dbContext.Categories.SingleOrDefaultAsync(category => category.Slug == slug && category.DeletedAt == null, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var category = Category.Create(name, now).Value;
        dbContext.Categories.Add(category);
        return category;
    }

    private sealed record ProductSeed(string Sku, string Name, string Description, decimal Price, int StockQuantity);
}
