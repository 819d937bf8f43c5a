using Enterprise.Domain.Catalog;
using Enterprise.Domain.Common;

namespace Enterprise.UnitTests;

/// <summary>Shared sample values: a valid product, a clock reading with sub-microsecond ticks and a non-UTC offset.</summary>
internal static class TestData
{
    /// <summary>2025-03-14 15:09:26.5358979 +02:00; the last tick is finer than a microsecond and must be dropped.</summary>
    public static readonly DateTimeOffset Now = new DateTimeOffset(2025, 3, 14, 15, 9, 26, TimeSpan.FromHours(2)).AddTicks(5_358_979);

    /// <summary><see cref="Now"/> in UTC, truncated to the microsecond.</summary>
    public static readonly DateTime NowUtc = new(2025, 3, 14, 13, 9, 26, 535, 897, DateTimeKind.Utc);

    public static readonly Guid CategoryId = Guid.Parse("0195a1b2-0000-7000-8000-000000000001");

    public static ProductDetails Details() => new()
    {
        Sku = "BK-1042",
        Name = "Clean Architecture",
        Description = "A craftsman's guide to software structure.",
        Price = 29.99m,
        Currency = "EUR",
        StockQuantity = 10,
        CategoryId = CategoryId,
    };

    public static Product NewProduct(ProductDetails? details = null) => Product.Create(details ?? Details(), Now).Value;

    /// <summary>Details that break exactly one product rule, with the domain error that names it.</summary>
    public static IEnumerable<TestCaseData> DetailsBreakingOneRule()
    {
        yield return Case("null SKU", Details() with { Sku = null! }, ProductErrors.SkuRequired);
        yield return Case("empty SKU", Details() with { Sku = "" }, ProductErrors.SkuRequired);
        yield return Case("blank SKU", Details() with { Sku = "   " }, ProductErrors.SkuRequired);
        yield return Case("short SKU", Details() with { Sku = "AB" }, ProductErrors.SkuLength);
        yield return Case("long SKU", Details() with { Sku = new string('A', Sku.MaxLength + 1) }, ProductErrors.SkuLength);
        yield return Case("SKU with a double hyphen", Details() with { Sku = "BK--1042" }, ProductErrors.SkuFormat);
        yield return Case("SKU with a space", Details() with { Sku = "BK 1042" }, ProductErrors.SkuFormat);
        yield return Case("null name", Details() with { Name = null! }, ProductErrors.NameRequired);
        yield return Case("blank name", Details() with { Name = "  " }, ProductErrors.NameRequired);
        yield return Case("long name", Details() with { Name = new string('n', Product.NameMaxLength + 1) }, ProductErrors.NameTooLong);
        yield return Case("long description", Details() with { Description = new string('d', Product.DescriptionMaxLength + 1) }, ProductErrors.DescriptionTooLong);
        yield return Case("negative price", Details() with { Price = -0.01m }, MoneyErrors.NegativeAmount);
        yield return Case("price above the maximum", Details() with { Price = Money.MaxAmount + 0.0001m }, MoneyErrors.AmountTooLarge);
        yield return Case("price with five decimal places", Details() with { Price = 1.23456m }, MoneyErrors.TooManyDecimalPlaces);
        yield return Case("unknown currency", Details() with { Currency = "XYZ" }, MoneyErrors.UnknownCurrency);
        yield return Case("null currency", Details() with { Currency = null! }, MoneyErrors.UnknownCurrency);
        yield return Case("negative stock", Details() with { StockQuantity = -1 }, ProductErrors.NegativeStock);
        yield return Case("empty category", Details() with { CategoryId = Guid.Empty }, ProductErrors.CategoryRequired);
    }

    /// <summary>The Unix milliseconds a version 7 GUID carries in its first 48 bits.</summary>
    public static long UnixMillisecondsOf(Guid id) => Convert.ToInt64(id.ToString("N")[..12], 16);

    private static TestCaseData Case(string name, ProductDetails details, Error expected) =>
        new TestCaseData(details, expected).SetArgDisplayNames(name);
}
