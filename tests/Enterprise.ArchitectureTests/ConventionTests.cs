using ArchUnitNET.Fluent;
using ArchUnitNET.Fluent.Syntax.Elements.Members.PropertyMembers;
using ArchUnitNET.Fluent.Syntax.Elements.Types.Classes;
using ArchUnitNET.NUnit;
using Enterprise.Application.Common.IntegrationEvents;
using Enterprise.Application.Common.Persistence;
using Enterprise.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace Enterprise.ArchitectureTests;

/// <summary>
/// Rules that keep each layer's code in the shape the design asks for. ArchUnitNET fails a rule whose <c>That()</c>
/// matches no type, so a rule cannot pass by checking nothing (a renamed base type or suffix fails it instead).
/// </summary>
public sealed class ConventionTests
{
    public static IEnumerable<TestCaseData> Conventions()
    {
        yield return Convention(
            "Controllers never use EF Core or Infrastructure",
            Controllers().Should().NotDependOnAnyTypesThat().ResideInNamespaceMatching(@"^(Microsoft\.EntityFrameworkCore|Enterprise\.Infrastructure)(\..*)?$"));
        yield return Convention(
            "Controllers never see domain aggregates or repositories",
            Controllers().Should().NotDependOnAnyTypesThat().AreAssignableTo(typeof(AggregateRoot))
                .AndShould().NotDependOnAnyTypesThat().HaveNameEndingWith("Repository"));
        foreach (var (handlers, handler) in new[] { ("Command handlers", typeof(ICommandHandler<,>)), ("Query handlers", typeof(IQueryHandler<,>)) })
        {
            yield return Convention(
                $"{handlers} are internal sealed, named Handler and never use ASP.NET Core",
                Classes().That().ResideInAssembly(Layers.Application).And().ImplementInterface(handler)
                    .Should().BeSealed().AndShould().NotBePublic().AndShould().HaveNameEndingWith("Handler")
                    .AndShould().NotDependOnAnyTypesThat().ResideInNamespaceMatching(@"^Microsoft\.AspNetCore(\..*)?$"));
        }

        // The read retry runs a query's handler again after a transient fault (ADR 0007): it must have nothing to write.
        yield return Convention(
            "Query handlers only read: no repository, unit of work or outbox",
            OnlyReads(Classes().That().ResideInAssembly(Layers.Application).And().ImplementInterface(typeof(IQueryHandler<,>))));
        yield return Convention(
            "Validators are internal sealed and named Validator",
            Classes().That().ResideInAssembly(Layers.Application).And().AreAssignableTo(typeof(AbstractValidator<>))
                .Should().BeSealed().AndShould().NotBePublic().AndShould().HaveNameEndingWith("Validator"));
        yield return Convention(
            "Aggregates expose no public setters",
            NoPublicSetterIn(Classes().That().AreAssignableTo(typeof(AggregateRoot))));

        // One row per suffix: with one rule for both, a suffix that no type has any more would go unnoticed.
        foreach (var suffix in new[] { "Repository", "Queries" })
        {
            yield return Convention(
                $"Infrastructure {suffix} adapters are internal",
                Classes().That().ResideInAssembly(Layers.Infrastructure).And().HaveNameEndingWith(suffix).Should().NotBePublic());
        }
    }

    [TestCaseSource(nameof(Conventions))]
    public void Convention_holds(IArchRule rule)
    {
        rule.Check(Layers.Architecture);
    }

    [Test]
    public void A_rule_that_matches_no_type_fails()
    {
        var rule = Classes().That().ResideInAssembly(Layers.Infrastructure).And().HaveNameEndingWith("NoTypeIsNamedLikeThis").Should().NotBePublic();

        Assert.That(rule.HasNoViolations(Layers.Architecture), Is.False);
    }

    [Test]
    public void The_setter_rule_notices_a_public_init_setter()
    {
        var rule = NoPublicSetterIn(Classes().That().HaveFullName(typeof(Domain.Catalog.ProductDetails).FullName!));

        Assert.That(rule.HasNoViolations(Layers.Architecture), Is.False, "ProductDetails has public init setters");
    }

    [Test]
    public void The_read_only_rule_notices_a_handler_that_writes()
    {
        var rule = OnlyReads(Classes().That().ResideInAssembly(Layers.Application).And().ImplementInterface(typeof(ICommandHandler<,>)));

        Assert.That(rule.HasNoViolations(Layers.Architecture), Is.False, "command handlers load aggregates through repositories");
    }

    private static ClassesShouldConjunction OnlyReads(GivenClassesConjunction handlers) =>
        handlers.Should().NotDependOnAnyTypesThat().HaveNameEndingWith("Repository")
            .AndShould().NotDependOnAnyTypesThat().AreAssignableTo(typeof(IUnitOfWork))
            .AndShould().NotDependOnAnyTypesThat().AreAssignableTo(typeof(IIntegrationEventOutbox));

    /// <summary>Properties declared in the classes have no public setter; a public <c>init</c> counts as one.</summary>
    private static PropertyMembersShouldConjunction NoPublicSetterIn(GivenClassesConjunction classes) =>
        PropertyMembers().That().AreDeclaredIn(classes).Should().NotHavePublicSetter();

    private static GivenClassesConjunction Controllers() =>
        Classes().That().ResideInAssembly(Layers.WebApi).And().AreAssignableTo(typeof(ControllerBase));

    private static TestCaseData Convention(string name, IArchRule rule) =>
        new TestCaseData(rule).SetArgDisplayNames(name);
}
