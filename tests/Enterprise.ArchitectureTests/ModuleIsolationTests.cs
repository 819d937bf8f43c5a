using System.Text.RegularExpressions;
using ArchUnitNET.Fluent.Syntax.Elements.Types;
using ArchUnitNET.NUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace Enterprise.ArchitectureTests;

/// <summary>
/// Modules talk to each other only through the contracts a module's application layer publishes
/// (<c>Enterprise.Application.&lt;Module&gt;.Contracts</c>): never through another module's domain, use cases,
/// infrastructure or API. One row per module and layer that has code, found by namespace, so a new module is checked
/// as soon as it exists. ArchUnitNET fails a rule whose selection is empty, so no row passes by checking nothing.
/// </summary>
public sealed class ModuleIsolationTests
{
    private const string ContractsNamespace = "Contracts";

    private static readonly string[] LayerNames = ["Domain", "Application", "Infrastructure", "WebApi"];

    /// <summary>
    /// The business modules: the namespaces right below <c>Enterprise.Domain</c> except the shared kernel (<c>Common</c>),
    /// and those right below <c>Enterprise.Application</c> that publish contracts (a module may publish its contracts
    /// before it has a domain). Other application namespaces are shared (<c>Common</c>) or generated (the mediator's).
    /// </summary>
    private static readonly string[] Modules =
    [
        .. NamespacesBelow("Enterprise.Domain").Where(name => name != "Common")
            .Union(NamespacesBelow("Enterprise.Application").Where(name => HasCode($"Enterprise.Application.{name}.{ContractsNamespace}")))
            .Order(StringComparer.Ordinal),
    ];

    public static IEnumerable<TestCaseData> ModuleLayers() =>
        from module in Modules
        from layer in LayerNames
        where HasCode(layer, module)
        select new TestCaseData(layer, module).SetArgDisplayNames($"{layer}.{module}");

    [Test]
    public void The_modules_are_found()
    {
        Assert.That(Modules, Is.SupersetOf(new[] { "Catalog", "Ordering" }));
    }

    [TestCaseSource(nameof(ModuleLayers))]
    public void A_module_uses_other_modules_only_through_their_contracts(string layer, string module)
    {
        NotUsingOtherModules(layer, module, exceptContracts: true).Check(Layers.Architecture);
    }

    /// <summary>
    /// Catalog consumes Ordering's events, so without the contracts exception its rule must fail: the rule sees a
    /// dependency on another module when there is one, and a module that reached past the contracts would fail it too.
    /// </summary>
    [Test]
    public void The_module_rule_notices_a_dependency_on_another_module()
    {
        Assert.That(NotUsingOtherModules("Application", "Catalog", exceptContracts: false).HasNoViolations(Layers.Architecture), Is.False);
    }

    private static TypesShouldConjunctionWithDescription NotUsingOtherModules(string layer, string module, bool exceptContracts)
    {
        var others = Modules.Where(other => other != module).Select(Regex.Escape).ToArray();
        // Matches nothing when the module is the only one: the row then still checks that the module has code.
        var otherModule = others.Length == 0 ? "(?!)" : $"({string.Join('|', others)})";
        var contractsExcepted = exceptContracts ? $@"(?!\.{ContractsNamespace}(\.|$))" : string.Empty;
        var forbidden = $@"^Enterprise\.(Domain|Infrastructure|WebApi)\.{otherModule}(\..*)?$|^Enterprise\.Application\.{otherModule}{contractsExcepted}(\..*)?$";
        return Types().That().ResideInNamespaceMatching(NamespaceOrBelow(layer, module))
            .Should().NotDependOnAnyTypesThat().ResideInNamespaceMatching(forbidden)
            .Because($"Enterprise.{layer}.{module} may use another module only through Enterprise.Application.<Module>.{ContractsNamespace}");
    }

    private static bool HasCode(string layer, string module) => HasCode($"Enterprise.{layer}.{module}");

    private static bool HasCode(string namespaceName) =>
        Namespaces().Any(name => name == namespaceName || name.StartsWith($"{namespaceName}.", StringComparison.Ordinal));

    /// <summary>The first segment of each namespace below <paramref name="parent"/>.</summary>
    private static IEnumerable<string> NamespacesBelow(string parent) =>
        Namespaces()
            .Where(name => name.StartsWith($"{parent}.", StringComparison.Ordinal))
            .Select(name => name[(parent.Length + 1)..].Split('.')[0])
            .Distinct(StringComparer.Ordinal);

    private static IEnumerable<string> Namespaces() =>
        Layers.All.SelectMany(assembly => assembly.GetTypes()).Select(type => type.Namespace).OfType<string>();

    private static string NamespaceOrBelow(string layer, string module) => $@"^Enterprise\.{layer}\.{Regex.Escape(module)}(\..*)?$";
}
