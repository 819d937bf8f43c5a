using Enterprise.Domain.Common;

namespace Enterprise.UnitTests.Domain;

public sealed class ResultTests
{
    private static readonly Error SampleError = Error.Conflict("Sample.Conflict", "Something clashed.");

    [Test]
    public void A_successful_result_has_no_error()
    {
        var result = Result.Success();

        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(result.Error, Is.Null);
        });
    }

    [Test]
    public void A_failed_result_carries_its_error()
    {
        Result result = SampleError;

        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.False);
            Assert.That(result.Error, Is.SameAs(SampleError));
        });
    }

    [Test]
    public void A_failure_requires_an_error()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => Result.Failure(null!), Throws.ArgumentNullException);
            Assert.That(() => Result<int>.Failure(null!), Throws.ArgumentNullException);
        });
    }

    [Test]
    public void A_successful_value_result_exposes_its_value()
    {
        Result<string> result = "value";

        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(result.Error, Is.Null);
            Assert.That(result.Value, Is.EqualTo("value"));
        });
    }

    [Test]
    public void A_failed_value_result_carries_its_error()
    {
        Result<string> result = SampleError;

        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.False);
            Assert.That(result.Error, Is.SameAs(SampleError));
        });
    }

    [Test]
    public void Reading_the_value_of_a_failure_throws()
    {
        var result = Result<int>.Failure(SampleError);

        Assert.That(
            () => result.Value,
            Throws.InvalidOperationException.With.Message.Contains("Sample.Conflict"));
    }

    [Test]
    public void Error_factories_set_the_kind_and_only_validation_names_a_field()
    {
        var validation = Error.Validation("V", "v", "field");
        var notFound = Error.NotFound("N", "n");
        var conflict = Error.Conflict("C", "c");

        Assert.Multiple(() =>
        {
            Assert.That(validation.Kind, Is.EqualTo(ErrorKind.Validation));
            Assert.That(validation.Field, Is.EqualTo("field"));
            Assert.That(notFound.Kind, Is.EqualTo(ErrorKind.NotFound));
            Assert.That(notFound.Field, Is.Null);
            Assert.That(conflict.Kind, Is.EqualTo(ErrorKind.Conflict));
            Assert.That(conflict.Field, Is.Null);
        });
    }
}
