using System.Globalization;
using Enterprise.WebApi.Health;
using YamlDotNet.RepresentationModel;

namespace Enterprise.DeploymentTests;

/// <summary>
/// What the rendered manifests (<c>kubectl kustomize deploy/kubernetes/...</c>) must hold for the API to run as
/// stateless replicas: probes on the health routes, bounded resources, a shutdown that outlasts the drain, a locked-down
/// pod, autoscaling that a disruption budget does not block, a migration Job, and only documented settings.
/// </summary>
internal static class KubernetesRules
{
    public const string DrainTimeoutVariable = "Shutdown__DrainTimeout";
    public const string MigrateCommand = "migrate";

    public static IReadOnlyList<string> Violations(IReadOnlyList<YamlMappingNode> documents, DocumentedSettings settings)
    {
        var violations = new List<string>();
        var deployment = Single(documents, "Deployment", violations);
        var job = Single(documents, "Job", violations);
        var configMap = Single(documents, "ConfigMap", violations);
        var service = Single(documents, "Service", violations);
        var autoscaler = Single(documents, "HorizontalPodAutoscaler", violations);
        var budget = Single(documents, "PodDisruptionBudget", violations);
        if (deployment is null || job is null || configMap is null || service is null || autoscaler is null || budget is null)
        {
            return violations;
        }

        var pod = deployment.At("spec", "template", "spec")!;
        var api = pod.Items("containers").SingleOrDefault();
        if (api is null)
        {
            return ["the Deployment must run one container, the API"];
        }

        violations.AddRange(ProbeViolations(api));
        violations.AddRange(ShutdownViolations(pod, api, configMap));
        violations.AddRange(LockedDownViolations("Deployment", pod));
        violations.AddRange(LockedDownViolations("Job", job.At("spec", "template", "spec")!));
        violations.AddRange(ScalingViolations(deployment, autoscaler, budget, service, job));
        violations.AddRange(MigrationViolations(job, api));
        violations.AddRange(SettingViolations(configMap, api, job, settings));
        return violations;
    }

    private static YamlMappingNode? Single(IReadOnlyList<YamlMappingNode> documents, string kind, List<string> violations)
    {
        var found = documents.Where(document => document.Scalar("kind") == kind).ToList();
        if (found.Count != 1)
        {
            violations.Add($"the manifests must hold one {kind}; found {found.Count}");
        }

        return found.Count == 1 ? found[0] : null;
    }

    private static IEnumerable<string> ProbeViolations(YamlNode api)
    {
        var port = api.Items("ports").FirstOrDefault(port => port.Scalar("name") == "http");
        if (port?.Scalar("containerPort") != ContainerHealthCheck.DefaultPort.ToString(CultureInfo.InvariantCulture))
        {
            yield return $"the API container must name its port {ContainerHealthCheck.DefaultPort} 'http' (the probes and the Service use it)";
        }

        foreach (var (probe, path) in new[] { ("startupProbe", HealthEndpoints.LivePath), ("livenessProbe", HealthEndpoints.LivePath), ("readinessProbe", HealthEndpoints.ReadyPath) })
        {
            if (api.Scalar(probe, "httpGet", "path") != path || api.Scalar(probe, "httpGet", "port") != "http")
            {
                yield return $"{probe} must GET {path} on the http port";
            }
        }

        foreach (var bound in new[] { "requests", "limits" })
        {
            foreach (var resource in new[] { "cpu", "memory" })
            {
                if (api.Scalar("resources", bound, resource) is null)
                {
                    yield return $"the API container must set resources.{bound}.{resource}";
                }
            }
        }
    }

    private static IEnumerable<string> ShutdownViolations(YamlNode pod, YamlNode api, YamlNode configMap)
    {
        var drain = configMap.Scalar("data", DrainTimeoutVariable);
        if (!TimeSpan.TryParse(drain, CultureInfo.InvariantCulture, out var drainTime))
        {
            yield return $"the settings must give {DrainTimeoutVariable} as a duration (00:00:25), not '{drain}'";
            yield break;
        }

        var sleep = api.Scalar("lifecycle", "preStop", "sleep", "seconds");
        if (!int.TryParse(sleep, CultureInfo.InvariantCulture, out var sleepSeconds) || sleepSeconds <= 0)
        {
            yield return "the API container must sleep in preStop (lifecycle.preStop.sleep.seconds), so the endpoint removal reaches every proxy before the drain";
            yield break;
        }

        var grace = pod.Scalar("terminationGracePeriodSeconds");
        if (!int.TryParse(grace, CultureInfo.InvariantCulture, out var graceSeconds) || graceSeconds <= drainTime.TotalSeconds + sleepSeconds)
        {
            yield return $"terminationGracePeriodSeconds ({grace ?? "unset: 30"}) must be longer than the preStop sleep ({sleepSeconds} s) plus {DrainTimeoutVariable} ({drainTime.TotalSeconds} s)";
        }
    }

    private static IEnumerable<string> LockedDownViolations(string owner, YamlNode pod)
    {
        if (pod.Scalar("securityContext", "runAsNonRoot") != "true" || pod.Scalar("securityContext", "runAsUser") is null or "0")
        {
            yield return $"the {owner}'s pod must run as a non-root user (securityContext.runAsNonRoot: true, runAsUser not 0)";
        }

        var temporary = pod.Items("volumes").Where(volume => volume.At("emptyDir") is not null).Select(volume => volume.Scalar("name")).ToHashSet();
        foreach (var container in pod.Items("containers"))
        {
            var name = $"the {owner}'s container {container.Scalar("name")}";
            if (container.Scalar("securityContext", "readOnlyRootFilesystem") != "true")
            {
                yield return $"{name} must have a read-only root file system";
            }

            if (container.Scalar("securityContext", "allowPrivilegeEscalation") != "false")
            {
                yield return $"{name} must not allow privilege escalation";
            }

            if (!container.Items("securityContext", "capabilities", "drop").Any(capability => (capability as YamlScalarNode)?.Value == "ALL"))
            {
                yield return $"{name} must drop every capability";
            }

            if (!container.Items("volumeMounts").Any(mount => mount.Scalar("mountPath") == "/tmp" && temporary.Contains(mount.Scalar("name"))))
            {
                yield return $"{name} must mount an emptyDir at /tmp (the root file system is read-only)";
            }

            if (container.Scalar("resources", "limits", "memory") is null || container.Scalar("resources", "requests", "cpu") is null)
            {
                yield return $"{name} must set its resource requests and limits";
            }
        }
    }

    private static IEnumerable<string> ScalingViolations(YamlNode deployment, YamlNode autoscaler, YamlNode budget, YamlNode service, YamlNode job)
    {
        var podLabels = Labels(deployment.At("spec", "template", "metadata", "labels"));
        if (deployment.At("spec", "replicas") is not null)
        {
            yield return "the Deployment must leave replicas to the HorizontalPodAutoscaler (an apply would reset the count)";
        }

        if (autoscaler.Scalar("apiVersion") != "autoscaling/v2" || autoscaler.Scalar("spec", "scaleTargetRef", "kind") != "Deployment"
            || autoscaler.Scalar("spec", "scaleTargetRef", "name") != deployment.Scalar("metadata", "name"))
        {
            yield return "the HorizontalPodAutoscaler (autoscaling/v2) must scale the Deployment";
        }

        if (!autoscaler.Items("spec", "metrics").Any(metric => metric.Scalar("resource", "name") == "cpu" && metric.Scalar("resource", "target", "type") == "Utilization"))
        {
            yield return "the HorizontalPodAutoscaler must scale on CPU utilization";
        }

        var minReplicas = int.TryParse(autoscaler.Scalar("spec", "minReplicas"), CultureInfo.InvariantCulture, out var min) ? min : 1;
        var minAvailable = int.TryParse(budget.Scalar("spec", "minAvailable"), CultureInfo.InvariantCulture, out var available) ? available : -1;
        if (minReplicas < 2 || minAvailable < 1 || minAvailable >= minReplicas)
        {
            yield return $"the PodDisruptionBudget's minAvailable ({minAvailable}) must be at least 1 and below the autoscaler's minReplicas ({minReplicas}, at least 2), or a node drain blocks or takes the service down";
        }

        if (budget.Scalar("apiVersion") != "policy/v1" || !Selects(budget.At("spec", "selector", "matchLabels"), podLabels))
        {
            yield return "the PodDisruptionBudget (policy/v1) must select the Deployment's pods";
        }

        if (!Selects(service.At("spec", "selector"), podLabels) || service.Items("spec", "ports").Any(port => port.Scalar("targetPort") != "http"))
        {
            yield return "the Service must send to the Deployment's pods on their http port";
        }

        if (Selects(service.At("spec", "selector"), Labels(job.At("spec", "template", "metadata", "labels"))))
        {
            yield return "the Service must not select the migration Job's pod";
        }
    }

    private static IEnumerable<string> MigrationViolations(YamlNode job, YamlNode api)
    {
        var migrate = job.At("spec", "template", "spec")!.Items("containers").SingleOrDefault();
        var arguments = migrate?.Items("args").Select(argument => (argument as YamlScalarNode)?.Value).ToList() ?? [];
        if (migrate is null || migrate.At("command") is not null || arguments is not [MigrateCommand])
        {
            yield return $"the Job must run the image's entry point with the one argument '{MigrateCommand}'";
            yield break;
        }

        if (migrate.Scalar("image") != api.Scalar("image"))
        {
            yield return $"the Job must migrate with the Deployment's image ({api.Scalar("image")}), not {migrate.Scalar("image")}";
        }

        if (job.Scalar("spec", "template", "spec", "restartPolicy") != "Never" || job.Scalar("spec", "backoffLimit") is null)
        {
            yield return "the Job must not restart its pod in place (restartPolicy: Never) and must bound its retries (backoffLimit)";
        }

        var apiSettings = ConfigMapReferences(api);
        if (apiSettings.Count == 0 || !ConfigMapReferences(migrate).SetEquals(apiSettings) || !SecretVariables(migrate).Contains("ConnectionStrings__Enterprise"))
        {
            yield return "the Job must read the API's settings and the connection string from the same ConfigMap and Secret";
        }
    }

    private static IEnumerable<string> SettingViolations(YamlNode configMap, YamlNode api, YamlNode job, DocumentedSettings settings)
    {
        var references = ConfigMapReferences(api);
        if (!references.Contains(configMap.Scalar("metadata", "name")!))
        {
            yield return $"the Deployment must read its settings from the ConfigMap {configMap.Scalar("metadata", "name")}";
        }

        var variables = configMap.Entries("data").Keys
            .Concat(api.Items("env").Select(env => env.Scalar("name")!))
            .Concat(job.At("spec", "template", "spec")!.Items("containers").SelectMany(container => container.Items("env")).Select(env => env.Scalar("name")!));
        foreach (var variable in variables.Distinct().Where(variable => !settings.Documents(variable)))
        {
            yield return $"{variable} is no documented setting (README.md's settings tables, docs/operations.md)";
        }
    }

    /// <summary>The names of the environment variables a container reads from the Secret.</summary>
    public static IReadOnlyList<string> SecretVariables(YamlNode container) =>
        [.. container.Items("env").Where(env => env.At("valueFrom", "secretKeyRef") is not null).Select(env => env.Scalar("name")!)];

    private static HashSet<string> ConfigMapReferences(YamlNode container) =>
        container.Items("envFrom").Select(source => source.Scalar("configMapRef", "name")).OfType<string>().ToHashSet(StringComparer.Ordinal);

    private static Dictionary<string, string> Labels(YamlNode? labels) =>
        labels?.Entries().ToDictionary(entry => entry.Key, entry => ((YamlScalarNode)entry.Value).Value!, StringComparer.Ordinal) ?? [];

    private static bool Selects(YamlNode? selector, Dictionary<string, string> labels)
    {
        var required = Labels(selector);
        return required.Count > 0 && required.All(label => labels.TryGetValue(label.Key, out var value) && value == label.Value);
    }
}
