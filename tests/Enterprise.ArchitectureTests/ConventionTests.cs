using Enterprise.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using NetArchTest.Rules;

namespace Enterprise.ArchitectureTests;

/// <summary>Rules that keep each layer's code in the shape the design asks for.</summary>
public sealed class ConventionTests
{
    [Test]
    public void Controllers_never_use_EF_Core_or_Infrastructure()
    {
        var controllers = Types.InAssembly(Layers.WebApi).That().Inherit(typeof(ControllerBase));
        Assert.That(controllers.GetTypes(), Is.Not.Empty);

        var result = controllers.ShouldNot().HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Enterprise.Infrastructure").GetResult();

        Assert.That(result.FailingTypeNames ?? [], Is.Empty);
    }

    [Test]
    public void Controllers_never_see_domain_entities_or_repositories()
    {
        var result = Types.InAssembly(Layers.WebApi).That().Inherit(typeof(ControllerBase))
            .ShouldNot().HaveDependencyOnAny("Enterprise.Domain.Catalog.Product", "Enterprise.Domain.Catalog.Category")
            .GetResult();

        Assert.That(result.FailingTypeNames ?? [], Is.Empty);
    }

    [TestCase(typeof(ICommandHandler<,>))]
    [TestCase(typeof(IQueryHandler<,>))]
    public void Handlers_never_use_HttpContext_and_are_internal_sealed_and_named_Handler(Type handlerInterface)
    {
        var handlers = Types.InAssembly(Layers.Application).That().ImplementInterface(handlerInterface);
        Assert.That(handlers.GetTypes(), Is.Not.Empty);

        Assert.Multiple(() =>
        {
            Assert.That(handlers.ShouldNot().HaveDependencyOnAny("Microsoft.AspNetCore", "Microsoft.AspNetCore.Http").GetResult().FailingTypeNames ?? [], Is.Empty);
            Assert.That(handlers.Should().BeSealed().And().NotBePublic().GetResult().FailingTypeNames ?? [], Is.Empty);
            Assert.That(handlers.Should().HaveNameEndingWith("Handler").GetResult().FailingTypeNames ?? [], Is.Empty);
        });
    }

    [Test]
    public void Validators_are_internal_sealed_and_named_Validator()
    {
        var validators = Types.InAssembly(Layers.Application).That().Inherit(typeof(AbstractValidator<>));
        Assert.That(validators.GetTypes(), Is.Not.Empty);

        var result = validators.Should().BeSealed().And().NotBePublic().And().HaveNameEndingWith("Validator").GetResult();

        Assert.That(result.FailingTypeNames ?? [], Is.Empty);
    }

    [Test]
    public void Aggregates_expose_no_public_setters()
    {
        var aggregates = Layers.Domain.GetTypes().Where(type => type.IsSubclassOf(typeof(AggregateRoot))).ToArray();
        Assert.That(aggregates, Is.Not.Empty);

        var publicSetters = aggregates
            .SelectMany(type => type.GetProperties())
            .Where(property => property.SetMethod is { IsPublic: true })
            .Select(property => $"{property.DeclaringType!.Name}.{property.Name}");

        Assert.That(publicSetters, Is.Empty);
    }

    [Test]
    public void Infrastructure_adapters_are_internal()
    {
        var adapters = Types.InAssembly(Layers.Infrastructure).That().HaveNameEndingWith("Repository").Or().HaveNameEndingWith("Queries");
        Assert.That(adapters.GetTypes(), Is.Not.Empty);

        Assert.That(adapters.Should().NotBePublic().GetResult().FailingTypeNames ?? [], Is.Empty);
    }
}
