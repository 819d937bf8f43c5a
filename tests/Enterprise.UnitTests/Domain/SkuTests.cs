using Enterprise.Domain.Catalog;

namespace Enterprise.UnitTests.Domain;

public sealed class SkuTests
{
    [TestCase("BK-1042", "BK-1042")]
    [TestCase("bk-1042", "BK-1042")]
    [TestCase("  Bk-1042\t", "BK-1042")]
    [TestCase("abc", "ABC")]
    [TestCase("123", "123")]
    [TestCase("a-b-c", "A-B-C")]
    [TestCase("X1-Y22-Z333", "X1-Y22-Z333")]
    public void Normalize_trims_and_upper_cases_a_valid_sku(string raw, string expected)
    {
        var result = Sku.Normalize(raw);

        Assert.That(result.Value, Is.EqualTo(expected));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void Normalize_rejects_a_missing_sku(string? raw)
    {
        var result = Sku.Normalize(raw);

        Assert.That(result.Error, Is.EqualTo(ProductErrors.SkuRequired));
    }

    [TestCase("AB")]
    [TestCase(" AB ")]
    [TestCase("A")]
    public void Normalize_rejects_a_sku_shorter_than_the_minimum(string raw)
    {
        var result = Sku.Normalize(raw);

        Assert.That(result.Error, Is.EqualTo(ProductErrors.SkuLength));
    }

    [Test]
    public void Normalize_rejects_a_sku_longer_than_the_maximum()
    {
        var result = Sku.Normalize(new string('A', Sku.MaxLength + 1));

        Assert.That(result.Error, Is.EqualTo(ProductErrors.SkuLength));
    }

    [Test]
    public void Normalize_accepts_a_sku_of_exactly_the_minimum_and_maximum_length()
    {
        var shortest = new string('A', Sku.MinLength);
        var longest = new string('A', Sku.MaxLength);

        Assert.Multiple(() =>
        {
            Assert.That(Sku.Normalize(shortest).Value, Is.EqualTo(shortest));
            Assert.That(Sku.Normalize(longest).Value, Is.EqualTo(longest));
        });
    }

    [Test]
    public void Normalize_measures_the_length_after_trimming()
    {
        var result = Sku.Normalize($"  {new string('A', Sku.MaxLength)}  ");

        Assert.That(result.IsSuccess, Is.True);
    }

    [TestCase("-BK1042")]
    [TestCase("BK1042-")]
    [TestCase("BK--1042")]
    [TestCase("---")]
    [TestCase("BK 1042")]
    [TestCase("BK_1042")]
    [TestCase("BK.1042")]
    [TestCase("BK/1042")]
    [TestCase("ÄBC")]
    [TestCase("ＡＢＣ")]
    [TestCase("١٢٣")]
    [TestCase("AB\nC")]
    public void Normalize_rejects_anything_but_letter_and_digit_groups_joined_by_single_hyphens(string raw)
    {
        var result = Sku.Normalize(raw);

        Assert.That(result.Error, Is.EqualTo(ProductErrors.SkuFormat));
    }

    [Test]
    public void Every_sku_error_names_the_sku_field()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ProductErrors.SkuRequired.Field, Is.EqualTo("sku"));
            Assert.That(ProductErrors.SkuLength.Field, Is.EqualTo("sku"));
            Assert.That(ProductErrors.SkuFormat.Field, Is.EqualTo("sku"));
        });
    }
}
