using System.Reflection;
using NetArchTest.Rules;

namespace Enterprise.ArchitectureTests;

/// <summary>The arrows of the layer diagram: each row names an assembly and what it must never depend on.</summary>
public sealed class LayerDependencyTests
{
    public static IEnumerable<TestCaseData> ForbiddenDependencies()
    {
        yield return Rule(Layers.Domain, "Enterprise.Application", "Enterprise.Infrastructure", "Enterprise.WebApi", "Mediator", "FluentValidation", "Microsoft");
        yield return Rule(Layers.Application, "Enterprise.Infrastructure", "Enterprise.WebApi", "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Serilog");
        yield return Rule(Layers.Infrastructure, "Enterprise.WebApi", "Microsoft.AspNetCore");
    }

    /// <summary>Which solution projects and packages each assembly may reference at all (framework assemblies are always allowed).</summary>
    public static IEnumerable<TestCaseData> AllowedReferences()
    {
        yield return Allowed(Layers.Domain);
        yield return Allowed(Layers.Application, "Enterprise.Domain", "Mediator", "FluentValidation", "Microsoft.Extensions.", "Scrutor");
        yield return Allowed(Layers.Infrastructure, "Enterprise.Domain", "Enterprise.Application", "Mediator", "FluentValidation", "Microsoft.Extensions.", "Microsoft.EntityFrameworkCore", "Microsoft.Data.Sqlite", "Microsoft.Data.SqlClient", "Npgsql", "Scrutor", "StackExchange.Redis", "ZiggyCreatures.FusionCache");
    }

    [TestCaseSource(nameof(ForbiddenDependencies))]
    public void Layer_does_not_depend_on_forbidden_namespaces(Assembly assembly, string[] forbidden)
    {
        var types = Types.InAssembly(assembly);
        Assert.That(types.GetTypes(), Is.Not.Empty, $"{assembly.GetName().Name} has no types: the rule would check nothing");

        var result = types.ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        Assert.That(result.FailingTypeNames ?? [], Is.Empty, $"{assembly.GetName().Name} depends on one of: {string.Join(", ", forbidden)}");
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

    private static TestCaseData Rule(Assembly assembly, params string[] forbidden) =>
        new TestCaseData(assembly, forbidden).SetArgDisplayNames(assembly.GetName().Name!);

    private static TestCaseData Allowed(Assembly assembly, params string[] allowedPrefixes) =>
        new TestCaseData(assembly, allowedPrefixes).SetArgDisplayNames(assembly.GetName().Name!);

    private static bool IsFramework(string name) =>
        name is "netstandard" or "mscorlib" || name.StartsWith("System", StringComparison.Ordinal);
}
