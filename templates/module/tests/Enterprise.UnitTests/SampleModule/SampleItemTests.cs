using Enterprise.Domain.SampleModule;

namespace Enterprise.UnitTests.SampleModule;

public sealed class SampleItemTests
{
    [Test]
    public void A_new_one_has_the_trimmed_name_version_1_and_its_creation_time()
    {
        var sampleItem = SampleItem.Create("  First  ", TestData.Now).Value;

        Assert.Multiple(() =>
        {
            Assert.That(sampleItem.Name, Is.EqualTo("First"));
            Assert.That(sampleItem.Version, Is.EqualTo(1));
            Assert.That(sampleItem.CreatedAt, Is.EqualTo(TestData.NowUtc));
            Assert.That(sampleItem.UpdatedAt, Is.EqualTo(TestData.NowUtc));
        });
    }

    [TestCase(null)]
    [TestCase("   ")]
    public void A_missing_name_is_required(string? name) =>
        Assert.That(SampleItem.Create(name, TestData.Now).Error, Is.EqualTo(SampleItemErrors.NameRequired));

    [Test]
    public void A_name_longer_than_the_limit_is_too_long() =>
        Assert.That(SampleItem.Create(new string('a', SampleItem.NameMaxLength + 1), TestData.Now).Error, Is.EqualTo(SampleItemErrors.NameTooLong));

    [Test]
    public void A_name_with_control_characters_is_refused() =>
        Assert.That(SampleItem.Create("Bad\u0007name", TestData.Now).Error, Is.EqualTo(SampleItemErrors.NameControlCharacters));

    [Test]
    public void Replacing_sets_the_name_and_the_update_time_and_raises_the_version()
    {
        var sampleItem = SampleItem.Create("First", TestData.Now).Value;

        var replaced = sampleItem.Replace("Second", TestData.Now.AddMinutes(1));

        Assert.Multiple(() =>
        {
            Assert.That(replaced.IsSuccess, Is.True);
            Assert.That(sampleItem.Name, Is.EqualTo("Second"));
            Assert.That(sampleItem.Version, Is.EqualTo(2));
            Assert.That(sampleItem.UpdatedAt, Is.EqualTo(TestData.NowUtc.AddMinutes(1)));
        });
    }

    [Test]
    public void A_refused_replacement_changes_nothing()
    {
        var sampleItem = SampleItem.Create("First", TestData.Now).Value;

        var replaced = sampleItem.Replace(" ", TestData.Now.AddMinutes(1));

        Assert.Multiple(() =>
        {
            Assert.That(replaced.Error, Is.EqualTo(SampleItemErrors.NameRequired));
            Assert.That(sampleItem.Name, Is.EqualTo("First"));
            Assert.That(sampleItem.Version, Is.EqualTo(1));
        });
    }
}
