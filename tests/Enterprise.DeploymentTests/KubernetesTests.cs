namespace Enterprise.DeploymentTests;

/// <summary>
/// The kustomize manifests as a cluster would receive them: rendered offline with <c>kubectl kustomize</c>, parsed, and
/// held to <see cref="KubernetesRules"/>; every documented setting is named in the settings or the Secret.
/// </summary>
public sealed class KubernetesTests
{
    /// <summary>The ASP.NET image's non-root <c>app</c> user.</summary>
    public const string AppUserId = "1654";

    private const string Base = "deploy/kubernetes/base";

    public static readonly string[] Kustomizations = [Base, "deploy/kubernetes/overlays/production"];

    private static readonly DocumentedSettings Settings = DocumentedSettings.Read();

    [TestCaseSource(nameof(Kustomizations))]
    public async Task The_rendered_manifests_keep_every_rule(string kustomization)
    {
        var documents = Yaml.Documents(await RenderAsync(kustomization));

        Assert.That(KubernetesRules.Violations(documents, Settings), Is.Empty);
        Assert.That(
            documents.Where(document => document.Scalar("kind") is "Deployment" or "Job").Select(workload => workload.Scalar("spec", "template", "spec", "securityContext", "runAsUser")),
            Is.All.EqualTo(AppUserId));
    }

    [TestCase("a writable root", "readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false", "read-only root file system")]
    [TestCase("root", "runAsNonRoot: true", "runAsNonRoot: false", "non-root user")]
    [TestCase("escalation", "allowPrivilegeEscalation: false", "allowPrivilegeEscalation: true", "privilege escalation")]
    [TestCase("readiness on liveness", "path: /health/ready", "path: /health/live", "readinessProbe must GET /health/ready")]
    [TestCase("a short grace period", "terminationGracePeriodSeconds: 45", "terminationGracePeriodSeconds: 30", "terminationGracePeriodSeconds (30)")]
    [TestCase("a longer drain", "Shutdown__DrainTimeout: \"00:00:25\"", "Shutdown__DrainTimeout: \"00:00:40\"", "terminationGracePeriodSeconds (45)")]
    [TestCase("no preStop sleep", "seconds: 5", "seconds: 0", "preStop")]
    [TestCase("no memory limit", "memory: 512Mi", "memory_: 512Mi", "resources.limits.memory")]
    [TestCase("another command", "- migrate", "- serve", "'migrate'")]
    [TestCase("a blocking budget", "minAvailable: 1", "minAvailable: 2", "minAvailable (2)")]
    [TestCase("a misspelt setting", "Messaging__Transport: RabbitMq", "Messaging__Transprot: RabbitMq", "Messaging__Transprot is no documented setting")]
    [TestCase("an HPA on memory", "name: cpu", "name: memory", "CPU utilization")]
    public async Task A_broken_rule_is_reported(string breakage, string original, string replacement, string violation)
    {
        var rendered = await RenderAsync(Base);
        var broken = rendered.Replace(original, replacement, StringComparison.Ordinal);

        Assert.That(broken, Is.Not.EqualTo(rendered), $"the rendered manifests no longer contain '{original}' to break ({breakage})");
        Assert.That(KubernetesRules.Violations(Yaml.Documents(broken), Settings), Has.Some.Contains(violation));
    }

    [Test]
    public async Task Every_documented_setting_is_named_in_the_settings_or_read_from_the_Secret()
    {
        var settingsFile = RepositoryTree.Read("deploy", "kubernetes", "base", "settings.env");

        Assert.That(SettingsCoverage.Missing(settingsFile, await SecretVariablesAsync(), Settings), Is.Empty);
    }

    [Test]
    public async Task A_setting_left_out_is_reported()
    {
        var settingsFile = RepositoryTree.Read("deploy", "kubernetes", "base", "settings.env");
        var withoutOne = settingsFile.Replace("# Caching__Duration=00:05:00\n", string.Empty, StringComparison.Ordinal);

        Assert.That(withoutOne, Is.Not.EqualTo(settingsFile));
        Assert.That(SettingsCoverage.Missing(withoutOne, await SecretVariablesAsync(), Settings), Is.EqualTo(new[] { "Caching__Duration" }));
    }

    private static async Task<IReadOnlyList<string>> SecretVariablesAsync()
    {
        var deployment = Yaml.Documents(await RenderAsync(Base)).Single(document => document.Scalar("kind") == "Deployment");
        return KubernetesRules.SecretVariables(deployment.Items("spec", "template", "spec", "containers").Single());
    }

    private static async Task<string> RenderAsync(string kustomization)
    {
        var kubectl = ExternalCommand.Require("kubectl", "rendering the kustomize manifests (kubectl kustomize)");
        var (exitCode, output, error) = await ExternalCommand.RunAsync(kubectl, "kustomize", kustomization);
        Assert.That(exitCode, Is.Zero, $"kubectl kustomize {kustomization} failed: {error}");
        return output;
    }
}
