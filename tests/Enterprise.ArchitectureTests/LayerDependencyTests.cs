using System.Reflection;
using System.Text.RegularExpressions;
using ArchUnitNET.Fluent.Syntax.Elements.Types;
using ArchUnitNET.NUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace Enterprise.ArchitectureTests;

/// <summary>The arrows of the layer diagram: each row names an assembly and the namespaces it must never depend on.</summary>
public sealed class LayerDependencyTests
{
    public static IEnumerable<TestCaseData> ForbiddenDependencies()
    {
        yield return Rule(Layers.Domain, "Enterprise.Application", "Enterprise.Infrastructure", "Enterprise.WebApi", "Mediator", "FluentValidation", "Microsoft");
        yield return Rule(Layers.Application, "Enterprise.Infrastructure", "Enterprise.WebApi", "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Serilog");
        yield return Rule(Layers.Infrastructure, "Enterprise.WebApi", "Microsoft.AspNetCore");
    }

    /// <summary>
    /// Dependencies each assembly really has, so the rule above is shown to see them, framework namespaces outside the
    /// loaded assemblies included: a rule that could not would pass whatever a layer uses.
    /// </summary>
    public static IEnumerable<TestCaseData> ExistingDependencies()
    {
        yield return Rule(Layers.Application, "Enterprise.Domain");
        yield return Rule(Layers.Application, "Mediator");
        yield return Rule(Layers.Infrastructure, "Microsoft.EntityFrameworkCore");
        yield return Rule(Layers.WebApi, "Microsoft.AspNetCore");
    }

    /// <summary>Which solution projects and packages each assembly may reference at all (framework assemblies are always allowed).</summary>
    public static IEnumerable<TestCaseData> AllowedReferences()
    {
        yield return Rule(Layers.Domain);
        yield return Rule(Layers.Application, "Enterprise.Domain", "Mediator", "FluentValidation", "Microsoft.Extensions.", "Scrutor");
        yield return Rule(Layers.Infrastructure, "Enterprise.Domain", "Enterprise.Application", "Mediator", "FluentValidation", "Microsoft.Extensions.", "Microsoft.EntityFrameworkCore", "Microsoft.Data.Sqlite", "Microsoft.Data.SqlClient", "Npgsql", "Scrutor", "StackExchange.Redis", "ZiggyCreatures.FusionCache", "RabbitMQ.Client");
    }

    [TestCaseSource(nameof(ForbiddenDependencies))]
    public void Layer_does_not_depend_on_forbidden_namespaces(Assembly assembly, string[] forbidden)
    {
        NotDependingOn(assembly, forbidden).Check(Layers.Architecture);
    }

    [TestCaseSource(nameof(ExistingDependencies))]
    public void The_forbidden_dependency_rule_notices_a_dependency_the_layer_has(Assembly assembly, string[] used)
    {
        Assert.That(NotDependingOn(assembly, used).HasNoViolations(Layers.Architecture), Is.False);
    }

    [TestCaseSource(nameof(AllowedReferences))]
    public void Layer_references_only_allowed_assemblies(Assembly assembly, string[] allowedPrefixes)
    {
        var disallowed = assembly.GetReferencedAssemblies()
            .Select(reference => reference.Name!)
            .Where(name => !IsFramework(name) && !allowedPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))
            .ToArray();

        Assert.That(disallowed, Is.Empty, $"{assembly.GetName().Name} references assemblies outside its layer's allow-list");
    }

    /// <summary>Every type of the assembly (at least one, or the rule fails) avoids every namespace named and those below it.</summary>
    private static TypesShouldConjunctionWithDescription NotDependingOn(Assembly assembly, string[] namespaces) =>
        Types().That().ResideInAssembly(assembly)
            .Should().NotDependOnAnyTypesThat().ResideInNamespaceMatching(NamespaceOrBelow(namespaces))
            .Because($"{assembly.GetName().Name} must not use {string.Join(", ", namespaces)}");

    private static string NamespaceOrBelow(string[] namespaces) =>
        $@"^({string.Join('|', namespaces.Select(Regex.Escape))})(\..*)?$";

    private static TestCaseData Rule(Assembly assembly, params string[] namespacesOrPrefixes) =>
        new TestCaseData(assembly, namespacesOrPrefixes).SetArgDisplayNames(assembly.GetName().Name!, string.Join(" ", namespacesOrPrefixes));

    private static bool IsFramework(string name) =>
        name is "netstandard" or "mscorlib" || name.StartsWith("System", StringComparison.Ordinal);
}
