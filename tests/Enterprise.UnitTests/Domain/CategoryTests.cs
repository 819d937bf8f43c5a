using Enterprise.Domain.Catalog;
using Enterprise.Domain.Common;

namespace Enterprise.UnitTests.Domain;

public sealed class CategoryTests
{
    [Test]
    public void Create_trims_the_name_and_derives_the_slug()
    {
        var category = Category.Create("  Café & Bar  ", TestData.Now).Value;

        Assert.Multiple(() =>
        {
            Assert.That(category.Name, Is.EqualTo("Café & Bar"));
            Assert.That(category.Slug, Is.EqualTo("cafe-bar"));
            Assert.That(category.DeletedAt, Is.Null);
        });
    }

    [Test]
    public void Create_starts_at_version_1_with_a_version_7_id_stamped_with_the_current_time()
    {
        var category = Category.Create("Books", TestData.Now).Value;

        Assert.Multiple(() =>
        {
            Assert.That(category.Version, Is.EqualTo(1));
            Assert.That(category.Id.Version, Is.EqualTo(7));
            Assert.That(TestData.UnixMillisecondsOf(category.Id), Is.EqualTo(TestData.Now.ToUnixTimeMilliseconds()));
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void Create_requires_a_name(string? name)
    {
        var result = Category.Create(name, TestData.Now);

        Assert.That(result.Error, Is.EqualTo(CategoryErrors.NameRequired));
    }

    [Test]
    public void Create_rejects_a_name_longer_than_the_maximum()
    {
        var result = Category.Create(new string('c', Category.NameMaxLength + 1), TestData.Now);

        Assert.That(result.Error, Is.EqualTo(CategoryErrors.NameTooLong));
    }

    [Test]
    public void Create_accepts_a_name_of_the_maximum_length_once_trimmed()
    {
        var result = Category.Create($"  {new string('c', Category.NameMaxLength)}  ", TestData.Now);

        Assert.That(result.IsSuccess, Is.True);
    }

    [TestCase("!!!")]
    [TestCase("- & -")]
    [TestCase("\u0301\u0301")]
    public void Create_rejects_a_name_without_letters_or_digits(string name)
    {
        var result = Category.Create(name, TestData.Now);

        Assert.That(result.Error, Is.EqualTo(CategoryErrors.NameWithoutLettersOrDigits));
    }

    [TestCase("Books", "books")]
    [TestCase("Café Bar", "cafe-bar")]
    [TestCase("Crème Brûlée", "creme-brulee")]
    [TestCase("Ñandú", "nandu")]
    [TestCase("Ångström Dvořák", "angstrom-dvorak")]
    [TestCase("Șosea Ţară", "sosea-tara")]
    [TestCase("Cafe\u0301 Bar", "cafe-bar")]
    [TestCase("Books & Media", "books-media")]
    [TestCase("a...b,,,c", "a-b-c")]
    [TestCase("--Hello--World--", "hello-world")]
    [TestCase("  !Leading and trailing!  ", "leading-and-trailing")]
    [TestCase("Top 10 Games", "top-10-games")]
    [TestCase("ABC123", "abc123")]
    [TestCase("!!!", "")]
    public void ToSlug_keeps_lower_case_ascii_letters_and_digits_joined_by_single_hyphens(string name, string expected)
    {
        Assert.That(Category.ToSlug(name), Is.EqualTo(expected));
    }

    [Test]
    public void ToSlug_makes_names_differing_only_in_case_and_accents_collide()
    {
        Assert.That(Category.ToSlug("CAFÉ bar"), Is.EqualTo(Category.ToSlug("cafe-Bar")));
    }

    [Test]
    public void ToSlug_is_never_longer_than_the_name()
    {
        var name = string.Concat(Enumerable.Repeat("Æé ß-", Category.NameMaxLength / 5));

        Assert.That(Category.ToSlug(name), Has.Length.LessThanOrEqualTo(name.Length));
    }

    [Test]
    public void ToSlug_requires_a_name()
    {
        Assert.That(() => Category.ToSlug(null!), Throws.ArgumentNullException);
    }

    [Test]
    public void Delete_stamps_the_deletion_time_and_increments_the_version()
    {
        var category = Category.Create("Books", TestData.Now).Value;

        category.Delete(TestData.Now);

        Assert.Multiple(() =>
        {
            Assert.That(category.DeletedAt, Is.EqualTo(TestData.NowUtc));
            Assert.That(category.DeletedAt!.Value.Kind, Is.EqualTo(DateTimeKind.Utc));
            Assert.That(category.Version, Is.EqualTo(2));
        });
    }

    [Test]
    public void Delete_twice_is_a_no_op()
    {
        var category = Category.Create("Books", TestData.Now).Value;
        category.Delete(TestData.Now);

        category.Delete(TestData.Now.AddDays(1));

        Assert.Multiple(() =>
        {
            Assert.That(category.DeletedAt, Is.EqualTo(TestData.NowUtc));
            Assert.That(category.Version, Is.EqualTo(2));
        });
    }

    [Test]
    public void Every_name_error_names_the_name_field()
    {
        Assert.Multiple(() =>
        {
            Assert.That(CategoryErrors.NameRequired.Field, Is.EqualTo("name"));
            Assert.That(CategoryErrors.NameTooLong.Field, Is.EqualTo("name"));
            Assert.That(CategoryErrors.NameWithoutLettersOrDigits.Field, Is.EqualTo("name"));
            Assert.That(CategoryErrors.NameRequired.Kind, Is.EqualTo(ErrorKind.Validation));
        });
    }
}
