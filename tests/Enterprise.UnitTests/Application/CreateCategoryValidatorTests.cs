using Enterprise.Application.Catalog.Categories;
using Enterprise.Domain.Catalog;
using Enterprise.Domain.Common;
using Microsoft.Extensions.Time.Testing;

namespace Enterprise.UnitTests.Application;

public sealed class CreateCategoryValidatorTests
{
    private readonly CreateCategoryValidator _validator = new(new FakeTimeProvider(TestData.Now));

    [TestCase("Books")]
    [TestCase("  Café & Bar  ")]
    public void A_valid_name_passes(string name)
    {
        Assert.That(_validator.Validate(new CreateCategoryCommand(name)).Errors, Is.Empty);
    }

    [Test]
    public void A_name_of_the_maximum_length_passes()
    {
        var name = new string('c', Category.NameMaxLength);

        Assert.That(_validator.Validate(new CreateCategoryCommand(name)).Errors, Is.Empty);
    }

    [TestCaseSource(nameof(InvalidNames))]
    public void An_invalid_name_fails_on_name_with_the_domain_error(string? name, Error expected)
    {
        var failures = _validator.Validate(new CreateCategoryCommand(name!)).Errors;

        Assert.That(failures, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(failures[0].PropertyName, Is.EqualTo("Name"));
            Assert.That(failures[0].ErrorMessage, Is.EqualTo(expected.Description));
            Assert.That(failures[0].ErrorCode, Is.EqualTo(expected.Code));
        });
    }

    private static IEnumerable<TestCaseData> InvalidNames()
    {
        yield return new TestCaseData(null, CategoryErrors.NameRequired).SetArgDisplayNames("null");
        yield return new TestCaseData("", CategoryErrors.NameRequired).SetArgDisplayNames("empty");
        yield return new TestCaseData("  ", CategoryErrors.NameRequired).SetArgDisplayNames("blank");
        yield return new TestCaseData(new string('c', Category.NameMaxLength + 1), CategoryErrors.NameTooLong).SetArgDisplayNames("too long");
        yield return new TestCaseData("?!", CategoryErrors.NameWithoutLettersOrDigits).SetArgDisplayNames("punctuation only");
    }
}
