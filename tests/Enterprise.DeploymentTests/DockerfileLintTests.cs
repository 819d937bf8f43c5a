namespace Enterprise.DeploymentTests;

/// <summary>
/// The Dockerfile passes the linter that scripts/lint-deploy.sh installs (hadolint's rules and ShellCheck), and the
/// script fails on a finding.
/// </summary>
public sealed class DockerfileLintTests
{
    private const string Script = "scripts/lint-deploy.sh";
    private (int ExitCode, string Output, string Error) _lint;

    // One run installs the linter (npm ci); the tests below then share it instead of racing to install it.
    [OneTimeSetUp]
    public async Task LintTheDockerfile()
    {
        ExternalCommand.Require("npm", "the Dockerfile linter (installed with npm)");
        _lint = await ExternalCommand.RunAsync("bash", Script);
    }

    [Test]
    public void The_Dockerfile_has_no_lint_finding() =>
        Assert.That(_lint.ExitCode, Is.Zero, _lint.Output + _lint.Error);

    [Test]
    public async Task A_finding_fails_the_lint()
    {
        var broken = Path.Combine(Path.GetTempPath(), $"enterprise-{Guid.NewGuid():N}.Dockerfile");
        await File.WriteAllTextAsync(broken, RepositoryTree.Read("Dockerfile")
            .Replace("aspnet:10.0.12", "aspnet:latest", StringComparison.Ordinal)
            .Replace("USER $APP_UID", "USER root", StringComparison.Ordinal));
        try
        {
            var (exitCode, output, error) = await ExternalCommand.RunAsync("bash", Script, broken);

            Assert.That(exitCode, Is.EqualTo(1), output + error);
            Assert.That(output, Does.Contain("EF0003").And.Contain("EU0001"), "the tag 'latest' and the root user are reported");
        }
        finally
        {
            File.Delete(broken);
        }
    }
}
