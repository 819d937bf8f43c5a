namespace Enterprise.DeploymentTests;

/// <summary>deploy/compose.yaml parses and runs the API with SQL Server, Redis and RabbitMQ as <see cref="ComposeRules"/> asks.</summary>
public sealed class ComposeTests
{
    private static string Compose => RepositoryTree.Read("deploy", "compose.yaml");

    private static string EnvironmentExample => RepositoryTree.Read("deploy", ".env.example");

    private static readonly DocumentedSettings Settings = DocumentedSettings.Read();

    [Test]
    public void The_compose_file_runs_the_API_after_its_migrations_with_healthy_dependencies()
    {
        var services = Yaml.Documents(Compose).Single().Entries("services");

        Assert.That(services.Keys, Is.EquivalentTo(ComposeRules.Services));
        Assert.That(ComposeRules.Violations(Compose, EnvironmentExample, Settings), Is.Empty);
    }

    [Test]
    public void The_secrets_file_is_not_committed() =>
        Assert.That(RepositoryTree.Read(".gitignore").Split('\n'), Does.Contain("deploy/.env"));

    [TestCase("no ordering", "condition: service_completed_successfully", "condition: service_started", "'api' must depend on 'migrate' with condition service_completed_successfully")]
    [TestCase("a written secret", "Password=${MSSQL_SA_PASSWORD:?set MSSQL_SA_PASSWORD in deploy/.env}", "Password=hunter2", "must take ConnectionStrings__Enterprise from deploy/.env")]
    [TestCase("another command", "command: [\"migrate\"]", "command: [\"seed\"]", "must run the command 'migrate'")]
    [TestCase("a misspelt setting", "Messaging__Transport: RabbitMq", "Messaging__Transprot: RabbitMq", "Messaging__Transprot, which is no documented setting")]
    [TestCase("another image", "  image: enterprise-api:local", "  image: enterprise-api:other", "must build the root Dockerfile as enterprise-api:local")]
    [TestCase("no health check", "test: [\"CMD\", \"redis-cli\", \"ping\"]", "disable: true", "'redis' must have a health check")]
    public void A_broken_rule_is_reported(string breakage, string original, string replacement, string violation)
    {
        var broken = Compose.Replace(original, replacement, StringComparison.Ordinal);

        Assert.That(broken, Is.Not.EqualTo(Compose), $"compose.yaml no longer contains '{original}' to break ({breakage})");
        Assert.That(ComposeRules.Violations(broken, EnvironmentExample, Settings), Has.Some.Contains(violation));
    }

    [Test]
    public void A_variable_without_an_example_is_reported() =>
        Assert.That(
            ComposeRules.Violations(Compose, EnvironmentExample.Replace("REDIS_PASSWORD=", "# REDIS_PASSWORD=", StringComparison.Ordinal), Settings),
            Has.Some.Contains("must define REDIS_PASSWORD"));
}
