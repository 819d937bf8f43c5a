using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Enterprise.DeploymentTests;

/// <summary>
/// What deploy/compose.yaml must hold for a developer laptop: the API with SQL Server, Redis and RabbitMQ, each
/// dependency healthy before it is used, the migrations applied by a one-shot service before the API starts, only
/// documented settings, and no secret written into the file.
/// </summary>
internal static partial class ComposeRules
{
    private const string ImageName = "enterprise-api:local";

    public static readonly string[] Services = ["sqlserver", "redis", "rabbitmq", "migrate", "api"];

    private static readonly string[] SecretVariables =
        ["ConnectionStrings__Enterprise", "Redis__ConnectionString", "Messaging__RabbitMq__ConnectionString", "Authentication__Jwt__SigningKeys__0"];

    public static IReadOnlyList<string> Violations(string compose, string environmentExample, DocumentedSettings settings)
    {
        var services = Yaml.Documents(compose).Single().Entries("services");
        var violations = Services.Where(name => !services.ContainsKey(name)).Select(name => $"compose.yaml must have the service '{name}'").ToList();
        if (violations.Count > 0)
        {
            return violations;
        }

        if (services["sqlserver"].Scalar("image")?.StartsWith("mcr.microsoft.com/mssql/server:2022", StringComparison.Ordinal) != true)
        {
            violations.Add("the database must be SQL Server 2022 (mcr.microsoft.com/mssql/server:2022...)");
        }

        foreach (var name in new[] { "sqlserver", "redis", "rabbitmq", "api" }.Where(name => services[name].Items("healthcheck", "test").Count == 0))
        {
            violations.Add($"the service '{name}' must have a health check");
        }

        var migrate = services["migrate"];
        if (migrate.Items("command").Select(word => (word as YamlScalarNode)?.Value).ToList() is not [KubernetesRules.MigrateCommand])
        {
            violations.Add($"the service 'migrate' must run the command '{KubernetesRules.MigrateCommand}'");
        }

        violations.AddRange(DependencyViolations("migrate", migrate, new() { ["sqlserver"] = "service_healthy" }));
        violations.AddRange(DependencyViolations("api", services["api"], new()
        {
            ["migrate"] = "service_completed_successfully",
            ["redis"] = "service_healthy",
            ["rabbitmq"] = "service_healthy",
        }));

        foreach (var name in new[] { "migrate", "api" })
        {
            var service = services[name].Entries();
            if (service.GetValueOrDefault("build") is not { } build || build.Scalar("context") != ".." || build.Scalar("dockerfile") != "Dockerfile"
                || (service.GetValueOrDefault("image") as YamlScalarNode)?.Value != ImageName)
            {
                violations.Add($"'{name}' must build the root Dockerfile as {ImageName}");
            }
        }

        violations.AddRange(EnvironmentViolations("migrate", migrate.Entries("environment"), settings));
        violations.AddRange(EnvironmentViolations("api", services["api"].Entries("environment"), settings));

        var defined = Definition().Matches(environmentExample).Select(match => match.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        foreach (var variable in Interpolation().Matches(compose).Select(match => match.Groups[1].Value).Distinct().Where(variable => !defined.Contains(variable)))
        {
            violations.Add($"deploy/.env.example must define {variable}, which compose.yaml reads");
        }

        return violations;
    }

    private static IEnumerable<string> DependencyViolations(string service, YamlNode node, Dictionary<string, string> conditions)
    {
        foreach (var (dependency, condition) in conditions)
        {
            if (node.Scalar("depends_on", dependency, "condition") != condition)
            {
                yield return $"'{service}' must depend on '{dependency}' with condition {condition}";
            }
        }
    }

    private static IEnumerable<string> EnvironmentViolations(string service, IReadOnlyDictionary<string, YamlNode> environment, DocumentedSettings settings)
    {
        foreach (var variable in environment.Keys.Where(variable => !settings.Documents(variable)))
        {
            yield return $"'{service}' sets {variable}, which is no documented setting";
        }

        if ((environment.GetValueOrDefault("Database__Provider") as YamlScalarNode)?.Value != "SqlServer"
            || (environment.GetValueOrDefault("Messaging__Transport") as YamlScalarNode)?.Value != "RabbitMq")
        {
            yield return $"'{service}' must use SQL Server (Database__Provider) and RabbitMQ (Messaging__Transport)";
        }

        foreach (var secret in SecretVariables)
        {
            if ((environment.GetValueOrDefault(secret) as YamlScalarNode)?.Value?.Contains("${", StringComparison.Ordinal) != true)
            {
                yield return $"'{service}' must take {secret} from deploy/.env (${{...}}), never write it into compose.yaml";
            }
        }
    }

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Interpolation();

    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_]*)=", RegexOptions.Multiline)]
    private static partial Regex Definition();
}
