using System.Text.Json;
using System.Xml.Linq;

namespace Enterprise.DeploymentTests;

/// <summary>
/// The Dockerfile, which no Docker engine here can build: its stages, user, port, health check and entry point, and
/// the PublishContainer settings of the project file (the other way to make the image) and the scripts that run the
/// published application agree with it.
/// </summary>
public sealed class DockerfileTests
{
    private static string Text => RepositoryTree.Read("Dockerfile");

    [Test]
    public void The_image_is_built_with_the_SDK_and_runs_on_the_ASP_NET_runtime_as_a_non_root_user_with_a_health_check() =>
        Assert.That(DockerfileRules.Violations(Text), Is.Empty);

    [TestCase("AS final", "aspnet:10.0.12 AS final", "sdk:10.0.401 AS final", "must run on the ASP.NET runtime image")]
    [TestCase("a floating tag", "aspnet:10.0.12", "aspnet:10.0", "pin the tag")]
    [TestCase("root", "USER $APP_UID", "USER root", "must run as a non-root user")]
    [TestCase("no USER", "USER $APP_UID", "", "must switch to a non-root USER")]
    [TestCase("the SDK copied", "COPY --from=build --chown=root:root /app ./", "COPY --from=build /usr/share/dotnet /usr/share/dotnet", "may copy only the build stage's publish output")]
    [TestCase("a package installed", "WORKDIR /app\n", "WORKDIR /app\nRUN apt-get update\n", "must only copy the published application")]
    [TestCase("another check", "\"healthcheck\"]", "\"migrate\"]", "HEALTHCHECK")]
    [TestCase("no lock files", " --locked-mode", "", "--locked-mode")]
    [TestCase("another port", "ASPNETCORE_HTTP_PORTS=8080", "ASPNETCORE_HTTP_PORTS=5000", "ASPNETCORE_HTTP_PORTS=8080")]
    [TestCase("the default scheduling", "ENTRYPOINT [\"chrt\", \"--batch\", \"0\", ", "ENTRYPOINT [", "under SCHED_BATCH")]
    public void A_broken_rule_is_reported(string breakage, string original, string replacement, string violation)
    {
        var broken = Text.Replace(original, replacement, StringComparison.Ordinal);

        Assert.That(broken, Is.Not.EqualTo(Text), $"the Dockerfile no longer contains '{original}' to break ({breakage})");
        Assert.That(DockerfileRules.Violations(broken), Has.Some.Contains(violation));
    }

    [Test]
    public void The_PublishContainer_settings_make_the_same_image_as_the_Dockerfile()
    {
        var project = XDocument.Load(RepositoryTree.Path("src", "WebApi", "Enterprise.WebApi.csproj"));
        string? Property(string name) => project.Descendants(name).SingleOrDefault()?.Value;
        string? Item(string name, string include, string attribute) =>
            project.Descendants(name).SingleOrDefault(item => (string?)item.Attribute("Include") == include)?.Attribute(attribute)?.Value;
        var finalStage = Dockerfile.Parse(Text)[^1];

        Assert.Multiple(() =>
        {
            Assert.That(Property("ContainerBaseImage"), Is.EqualTo(finalStage.Image));
            Assert.That(Property("ContainerRepository"), Is.EqualTo("enterprise-api"));
            Assert.That(Property("ContainerUser"), Is.EqualTo(KubernetesTests.AppUserId));
            Assert.That(Item("ContainerPort", "8080", "Type"), Is.EqualTo("tcp"));
            Assert.That(Item("ContainerEnvironmentVariable", "ASPNETCORE_HTTP_PORTS", "Value"), Is.EqualTo("8080"));
            Assert.That(Item("ContainerEnvironmentVariable", "DOTNET_TC_CallCountingDelayMs", "Value"), Is.EqualTo("0"));
            Assert.That(finalStage.All("ENV").Select(env => env.Words), Has.Some.Contains("DOTNET_TC_CallCountingDelayMs=0"), "the Dockerfile's image tiers hot code as the SDK's does");
            Assert.That(Property("ContainerAppCommandInstruction"), Is.EqualTo("Entrypoint"));
            Assert.That(
                project.Descendants("ContainerAppCommand").SelectMany(item => ((string?)item.Attribute("Include") ?? "").Split(';')),
                Is.EqualTo(EntryPoint()),
                "the SDK's image starts the application as the Dockerfile's does, under SCHED_BATCH");
        });
    }

    [Test]
    public void The_scripts_start_the_published_application_as_the_image_does()
    {
        const string Assignment = "deployed_api_command=(";
        var line = RepositoryTree.Read("scripts", "lib", "enterprise.sh").Split('\n').Single(text => text.StartsWith(Assignment, StringComparison.Ordinal));

        var command = line[Assignment.Length..line.LastIndexOf(')')].Split(' ', StringSplitOptions.RemoveEmptyEntries);

        Assert.That(command, Is.EqualTo(EntryPoint()), "scripts/cluster.sh and bench/run.sh must test and measure what the image runs");
    }

    /// <summary>The final stage's ENTRYPOINT, in its exec (JSON array) form.</summary>
    private static string[]? EntryPoint() =>
        JsonSerializer.Deserialize<string[]>(Dockerfile.Parse(Text)[^1].All("ENTRYPOINT").Last().Arguments);
}
