using Enterprise.Domain.Catalog;
using Enterprise.Domain.Common;

namespace Enterprise.UnitTests.Domain;

public sealed class ProductTests
{
    private static readonly DateTimeOffset Later = TestData.Now.AddMinutes(5);

    [Test]
    public void Create_stores_the_normalised_details()
    {
        var details = TestData.Details() with
        {
            Sku = "  bk-1042 ",
            Name = "  Clean Architecture  ",
            Description = "  A guide.  ",
            Price = 29.90m,
            Currency = "eur",
        };

        var product = Product.Create(details, TestData.Now).Value;

        Assert.Multiple(() =>
        {
            Assert.That(product.Sku, Is.EqualTo("BK-1042"));
            Assert.That(product.Name, Is.EqualTo("Clean Architecture"));
            Assert.That(product.Description, Is.EqualTo("A guide."));
            Assert.That(product.Price, Is.EqualTo(Money.Create(29.9m, "EUR").Value));
            Assert.That(product.StockQuantity, Is.EqualTo(10));
            Assert.That(product.CategoryId, Is.EqualTo(TestData.CategoryId));
            Assert.That(product.Status, Is.EqualTo(ProductStatus.Active));
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void Create_stores_a_blank_description_as_none(string? description)
    {
        var product = TestData.NewProduct(TestData.Details() with { Description = description });

        Assert.That(product.Description, Is.Null);
    }

    [Test]
    public void Create_starts_at_version_1()
    {
        var product = TestData.NewProduct();

        Assert.That(product.Version, Is.EqualTo(1));
    }

    [Test]
    public void Create_assigns_a_version_7_id_stamped_with_the_current_time()
    {
        var product = TestData.NewProduct();

        Assert.Multiple(() =>
        {
            Assert.That(product.Id.Version, Is.EqualTo(7));
            Assert.That(TestData.UnixMillisecondsOf(product.Id), Is.EqualTo(TestData.Now.ToUnixTimeMilliseconds()));
        });
    }

    [Test]
    public void Create_assigns_a_new_id_each_time()
    {
        var first = TestData.NewProduct();
        var second = TestData.NewProduct();

        Assert.That(first.Id, Is.Not.EqualTo(second.Id));
    }

    [Test]
    public void Create_stamps_both_timestamps_in_utc_to_the_microsecond()
    {
        var product = TestData.NewProduct();

        Assert.Multiple(() =>
        {
            Assert.That(product.CreatedAt, Is.EqualTo(TestData.NowUtc));
            Assert.That(product.CreatedAt.Kind, Is.EqualTo(DateTimeKind.Utc));
            Assert.That(product.UpdatedAt, Is.EqualTo(TestData.NowUtc));
            Assert.That(product.UpdatedAt.Kind, Is.EqualTo(DateTimeKind.Utc));
        });
    }

    [TestCaseSource(typeof(TestData), nameof(TestData.DetailsBreakingOneRule))]
    public void Create_rejects_details_that_break_a_rule(ProductDetails details, Error expected)
    {
        var result = Product.Create(details, TestData.Now);

        Assert.That(result.Error, Is.EqualTo(expected));
    }

    [Test]
    public void Create_accepts_the_longest_allowed_name_and_description_once_trimmed()
    {
        var details = TestData.Details() with
        {
            Name = $" {new string('n', Product.NameMaxLength)} ",
            Description = $" {new string('d', Product.DescriptionMaxLength)} ",
        };

        var result = Product.Create(details, TestData.Now);

        Assert.That(result.IsSuccess, Is.True);
    }

    [Test]
    public void Create_accepts_zero_stock_and_a_zero_price()
    {
        var result = Product.Create(TestData.Details() with { StockQuantity = 0, Price = 0m }, TestData.Now);

        Assert.That(result.IsSuccess, Is.True);
    }

    [Test]
    public void Create_requires_details()
    {
        Assert.That(() => Product.Create(null!, TestData.Now), Throws.ArgumentNullException);
    }

    [Test]
    public void Replace_overwrites_every_caller_controlled_field_and_keeps_identity_status_and_creation_time()
    {
        var product = TestData.NewProduct();
        var id = product.Id;
        var otherCategory = Guid.CreateVersion7();
        var details = new ProductDetails
        {
            Sku = "pb-7",
            Name = " Refactoring ",
            Description = null,
            Price = 45.5m,
            Currency = "usd",
            StockQuantity = 3,
            CategoryId = otherCategory,
        };

        var result = product.Replace(details, Later);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(product.Id, Is.EqualTo(id));
            Assert.That(product.Sku, Is.EqualTo("PB-7"));
            Assert.That(product.Name, Is.EqualTo("Refactoring"));
            Assert.That(product.Description, Is.Null);
            Assert.That(product.Price, Is.EqualTo(Money.Create(45.5m, "USD").Value));
            Assert.That(product.StockQuantity, Is.EqualTo(3));
            Assert.That(product.CategoryId, Is.EqualTo(otherCategory));
            Assert.That(product.Status, Is.EqualTo(ProductStatus.Active));
            Assert.That(product.CreatedAt, Is.EqualTo(TestData.NowUtc));
            Assert.That(product.UpdatedAt, Is.EqualTo(UtcTimestamp.From(Later)));
        });
    }

    [Test]
    public void Replace_increments_the_version_each_time()
    {
        var product = TestData.NewProduct();

        product.Replace(TestData.Details(), Later);
        product.Replace(TestData.Details(), Later);

        Assert.That(product.Version, Is.EqualTo(3));
    }

    [TestCaseSource(typeof(TestData), nameof(TestData.DetailsBreakingOneRule))]
    public void Replace_with_details_that_break_a_rule_changes_nothing(ProductDetails details, Error expected)
    {
        var product = TestData.NewProduct();
        var before = Snapshot(product);

        var result = product.Replace(details, Later);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(expected));
            Assert.That(Snapshot(product), Is.EqualTo(before));
        });
    }

    [TestCase(0, 5, 5)]
    [TestCase(10, 5, 15)]
    [TestCase(10, -4, 6)]
    [TestCase(10, -10, 0)]
    [TestCase(0, int.MaxValue, int.MaxValue)]
    [TestCase(int.MaxValue, int.MinValue + 1, 0)]
    public void AdjustStock_adds_the_quantity_to_the_stock(int stock, int quantity, int expected)
    {
        var product = TestData.NewProduct(TestData.Details() with { StockQuantity = stock });

        var result = product.AdjustStock(quantity, "Stocktake", Later);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(product.StockQuantity, Is.EqualTo(expected));
        });
    }

    [Test]
    public void AdjustStock_increments_the_version_and_stamps_the_update_time()
    {
        var product = TestData.NewProduct();

        product.AdjustStock(1, "Delivery", Later);

        Assert.Multiple(() =>
        {
            Assert.That(product.Version, Is.EqualTo(2));
            Assert.That(product.UpdatedAt, Is.EqualTo(UtcTimestamp.From(Later)));
            Assert.That(product.CreatedAt, Is.EqualTo(TestData.NowUtc));
        });
    }

    [TestCase(10, -11)]
    [TestCase(0, -1)]
    [TestCase(10, int.MinValue)]
    [TestCase(int.MaxValue, int.MinValue)]
    public void AdjustStock_never_takes_the_stock_below_zero(int stock, int quantity)
    {
        var product = TestData.NewProduct(TestData.Details() with { StockQuantity = stock });

        var result = product.AdjustStock(quantity, "Sale", Later);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(ProductErrors.InsufficientStock(stock, quantity)));
            Assert.That(result.Error!.Code, Is.EqualTo("Product.Stock.Insufficient"));
            Assert.That(result.Error.Kind, Is.EqualTo(ErrorKind.Conflict));
            Assert.That(product.StockQuantity, Is.EqualTo(stock));
            Assert.That(product.Version, Is.EqualTo(1));
            Assert.That(product.UpdatedAt, Is.EqualTo(TestData.NowUtc));
        });
    }

    [TestCase(int.MaxValue, 1)]
    [TestCase(10, int.MaxValue)]
    [TestCase(int.MaxValue, int.MaxValue)]
    public void AdjustStock_rejects_a_stock_beyond_int_max_value(int stock, int quantity)
    {
        var product = TestData.NewProduct(TestData.Details() with { StockQuantity = stock });

        var result = product.AdjustStock(quantity, "Delivery", Later);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(ProductErrors.StockOverflow));
            Assert.That(product.StockQuantity, Is.EqualTo(stock));
            Assert.That(product.Version, Is.EqualTo(1));
        });
    }

    [Test]
    public void AdjustStock_rejects_a_zero_quantity()
    {
        var product = TestData.NewProduct();

        var result = product.AdjustStock(0, "Nothing", Later);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(ProductErrors.AdjustmentQuantityZero));
            Assert.That(product.Version, Is.EqualTo(1));
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase(" \t ")]
    public void AdjustStock_requires_a_reason(string? reason)
    {
        var product = TestData.NewProduct();

        var result = product.AdjustStock(5, reason, Later);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(ProductErrors.AdjustmentReasonRequired));
            Assert.That(product.StockQuantity, Is.EqualTo(10));
        });
    }

    [Test]
    public void AdjustStock_rejects_a_reason_longer_than_the_maximum()
    {
        var product = TestData.NewProduct();

        var result = product.AdjustStock(5, new string('r', Product.AdjustmentReasonMaxLength + 1), Later);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(ProductErrors.AdjustmentReasonTooLong));
            Assert.That(product.StockQuantity, Is.EqualTo(10));
        });
    }

    [Test]
    public void AdjustStock_measures_the_reason_after_trimming()
    {
        var product = TestData.NewProduct();

        var result = product.AdjustStock(5, $"  {new string('r', Product.AdjustmentReasonMaxLength)}  ", Later);

        Assert.That(result.IsSuccess, Is.True);
    }

    [Test]
    public void Stock_removed_in_steps_stops_at_zero()
    {
        var product = TestData.NewProduct(TestData.Details() with { StockQuantity = 3 });

        var first = product.AdjustStock(-2, "Sale", Later);
        var second = product.AdjustStock(-2, "Sale", Later);
        var third = product.AdjustStock(-1, "Sale", Later);

        Assert.Multiple(() =>
        {
            Assert.That(first.IsSuccess, Is.True);
            Assert.That(second.Error, Is.EqualTo(ProductErrors.InsufficientStock(1, -2)));
            Assert.That(third.IsSuccess, Is.True);
            Assert.That(product.StockQuantity, Is.Zero);
            Assert.That(product.Version, Is.EqualTo(3));
        });
    }

    [Test]
    public void Archive_withdraws_the_product_and_increments_the_version()
    {
        var product = TestData.NewProduct();

        product.Archive(Later);

        Assert.Multiple(() =>
        {
            Assert.That(product.Status, Is.EqualTo(ProductStatus.Archived));
            Assert.That(product.Version, Is.EqualTo(2));
            Assert.That(product.UpdatedAt, Is.EqualTo(UtcTimestamp.From(Later)));
        });
    }

    [Test]
    public void Archive_twice_is_a_no_op()
    {
        var product = TestData.NewProduct();
        product.Archive(Later);

        product.Archive(Later.AddHours(1));

        Assert.Multiple(() =>
        {
            Assert.That(product.Status, Is.EqualTo(ProductStatus.Archived));
            Assert.That(product.Version, Is.EqualTo(2));
            Assert.That(product.UpdatedAt, Is.EqualTo(UtcTimestamp.From(Later)));
        });
    }

    [TestCase(10, 1, 9)]
    [TestCase(10, 10, 0)]
    public void ReserveStock_takes_the_quantity_from_the_stock_and_increments_the_version(int stock, int quantity, int left)
    {
        var product = TestData.NewProduct(TestData.Details() with { StockQuantity = stock });

        var result = product.ReserveStock(quantity, Later);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(product.StockQuantity, Is.EqualTo(left));
            Assert.That(product.Version, Is.EqualTo(2));
            Assert.That(product.UpdatedAt, Is.EqualTo(UtcTimestamp.From(Later)));
        });
    }

    [TestCase(0, 1)]
    [TestCase(10, 11)]
    [TestCase(10, int.MaxValue)]
    public void ReserveStock_never_takes_the_stock_below_zero(int stock, int quantity)
    {
        var product = TestData.NewProduct(TestData.Details() with { StockQuantity = stock });

        var checkedFirst = product.CanReserveStock(quantity);
        var result = product.ReserveStock(quantity, Later);

        Assert.Multiple(() =>
        {
            Assert.That(checkedFirst.Error, Is.EqualTo(ProductErrors.ReservationShortfall(product.Id, "BK-1042", stock, quantity)));
            Assert.That(result.Error, Is.EqualTo(checkedFirst.Error));
            Assert.That(result.Error!.Code, Is.EqualTo("Product.StockReservation.Insufficient"));
            Assert.That(result.Error.Description, Does.Contain("BK-1042").And.Contain($"{stock} in stock"));
            AssertUnchanged(product, stock);
        });
    }

    [Test]
    public void ReserveStock_refuses_an_archived_product()
    {
        var product = TestData.NewProduct();
        product.Archive(Later);

        var result = product.ReserveStock(1, Later.AddMinutes(1));

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(ProductErrors.ArchivedNotReservable(product.Id, "BK-1042")));
            Assert.That(result.Error!.Kind, Is.EqualTo(ErrorKind.Conflict));
            Assert.That(product.StockQuantity, Is.EqualTo(10));
            Assert.That(product.Version, Is.EqualTo(2));
        });
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(int.MinValue)]
    public void Reserving_or_releasing_requires_a_positive_quantity(int quantity)
    {
        var product = TestData.NewProduct();

        var reserved = product.ReserveStock(quantity, Later);
        var released = product.ReleaseStock(quantity, Later);

        Assert.Multiple(() =>
        {
            Assert.That(reserved.Error, Is.EqualTo(ProductErrors.ReservationQuantityNotPositive));
            Assert.That(released.Error, Is.EqualTo(ProductErrors.ReservationQuantityNotPositive));
            AssertUnchanged(product, 10);
        });
    }

    [Test]
    public void ReleaseStock_gives_the_quantity_back_even_to_an_archived_product()
    {
        var product = TestData.NewProduct();
        product.ReserveStock(4, Later);
        product.Archive(Later);

        var result = product.ReleaseStock(4, Later.AddMinutes(1));

        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(product.StockQuantity, Is.EqualTo(10));
            Assert.That(product.Version, Is.EqualTo(4));
            Assert.That(product.UpdatedAt, Is.EqualTo(UtcTimestamp.From(Later.AddMinutes(1))));
        });
    }

    [Test]
    public void ReleaseStock_rejects_a_stock_beyond_int_max_value()
    {
        var product = TestData.NewProduct(TestData.Details() with { StockQuantity = int.MaxValue });

        var result = product.ReleaseStock(1, Later);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(ProductErrors.StockOverflow));
            AssertUnchanged(product, int.MaxValue);
        });
    }

    private static void AssertUnchanged(Product product, int stock)
    {
        Assert.That(product.StockQuantity, Is.EqualTo(stock));
        Assert.That(product.Version, Is.EqualTo(1));
        Assert.That(product.UpdatedAt, Is.EqualTo(TestData.NowUtc));
    }

    private static object Snapshot(Product product) => new
    {
        product.Sku,
        product.Name,
        product.Description,
        product.Price,
        product.StockQuantity,
        product.CategoryId,
        product.Status,
        product.UpdatedAt,
        product.Version,
    };
}
