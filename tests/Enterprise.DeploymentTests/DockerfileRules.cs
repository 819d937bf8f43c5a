using System.Globalization;
using System.Text.RegularExpressions;
using Enterprise.WebApi.Health;

namespace Enterprise.DeploymentTests;

/// <summary>
/// What the image must be, checked on the Dockerfile's text since no Docker engine runs here to build it: a multi-stage
/// build whose final stage is the ASP.NET runtime (no SDK), started as a non-root user, with a health check through
/// the application's liveness endpoint.
/// </summary>
internal static partial class DockerfileRules
{
    public const string SdkImage = "mcr.microsoft.com/dotnet/sdk:";
    public const string RuntimeImage = "mcr.microsoft.com/dotnet/aspnet:";
    public const string EntryAssembly = "Enterprise.WebApi.dll";

    public static IReadOnlyList<string> Violations(string text)
    {
        var stages = Dockerfile.Parse(text);
        if (stages.Count < 2)
        {
            return [$"a multi-stage build needs a build stage and a final stage; found {stages.Count} stage(s)"];
        }

        var violations = new List<string>();
        var stageNames = stages.Select(stage => stage.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var stage in stages.Where(stage => !stageNames.Contains(stage.Image) && !PinnedTag().IsMatch(stage.Image)))
        {
            violations.Add($"FROM {stage.Image}: pin the tag to a full version (10.0.12), not a floating one");
        }

        var build = stages[0];
        var final = stages[^1];
        violations.AddRange(BuildStageViolations(build));
        violations.AddRange(FinalStageViolations(final, build, PublishDirectory(build)));
        return violations;
    }

    private static IEnumerable<string> BuildStageViolations(DockerStage build)
    {
        if (!build.Image.StartsWith(SdkImage, StringComparison.Ordinal))
        {
            yield return $"the build stage must start from the SDK image ({SdkImage}...), not {build.Image}";
        }

        if (!build.All("RUN").Any(run => run.Arguments.Contains("dotnet restore", StringComparison.Ordinal) && run.Words.Contains("--locked-mode")))
        {
            yield return "the build stage must restore with the lock files: dotnet restore ... --locked-mode";
        }

        if (!build.All("RUN").Any(run => run.Arguments.Contains("dotnet publish src/WebApi", StringComparison.Ordinal) && run.Arguments.Contains("--configuration Release", StringComparison.Ordinal)))
        {
            yield return "the build stage must publish src/WebApi with --configuration Release";
        }
    }

    private static IEnumerable<string> FinalStageViolations(DockerStage final, DockerStage build, string? publishDirectory)
    {
        if (!final.Image.StartsWith(RuntimeImage, StringComparison.Ordinal))
        {
            yield return $"the final stage must run on the ASP.NET runtime image ({RuntimeImage}...), not {final.Image}";
        }

        foreach (var instruction in final.Instructions.Where(instruction => instruction.Keyword is "ADD" or "RUN"))
        {
            yield return $"the final stage must only copy the published application, not {instruction.Keyword} {instruction.Arguments}";
        }

        foreach (var copy in final.All("COPY"))
        {
            var sources = copy.Words.Where(word => !word.StartsWith("--", StringComparison.Ordinal)).SkipLast(1).ToList();
            var fromBuild = copy.Words.Contains($"--from={build.Name}");
            if (!fromBuild || publishDirectory is null || sources.Any(source => source.TrimEnd('/') != publishDirectory.TrimEnd('/')))
            {
                yield return $"the final stage may copy only the build stage's publish output ({publishDirectory ?? "no --output"}), not COPY {copy.Arguments}";
            }
        }

        if (final.All("USER").LastOrDefault() is not { } user)
        {
            yield return "the final stage must switch to a non-root USER";
        }
        else if (user.Arguments is "root" or "0" || user.Arguments.StartsWith("root:", StringComparison.Ordinal) || user.Arguments.StartsWith("0:", StringComparison.Ordinal))
        {
            yield return $"the final stage must run as a non-root user, not USER {user.Arguments}";
        }

        var port = ContainerHealthCheck.DefaultPort.ToString(CultureInfo.InvariantCulture);
        if (!final.All("ENV").Any(env => env.Words.Contains($"ASPNETCORE_HTTP_PORTS={port}")))
        {
            yield return $"the final stage must set ASPNETCORE_HTTP_PORTS={port}, the port the health check asks";
        }

        if (!final.All("EXPOSE").Any(expose => expose.Words.Contains(port)))
        {
            yield return $"the final stage must EXPOSE {port}";
        }

        var healthCheck = final.All("HEALTHCHECK").SingleOrDefault();
        var expectedCheck = $"CMD [\"dotnet\", \"{EntryAssembly}\", \"{ContainerHealthCheck.Command}\"]";
        if (healthCheck is null || !healthCheck.Arguments.EndsWith(expectedCheck, StringComparison.Ordinal))
        {
            yield return $"the final stage must have one HEALTHCHECK ... {expectedCheck} (it asks {HealthEndpoints.LivePath})";
        }

        var entryPoint = $"[\"chrt\", \"--batch\", \"0\", \"dotnet\", \"{EntryAssembly}\"]";
        if (final.All("ENTRYPOINT").LastOrDefault()?.Arguments != entryPoint)
        {
            yield return $"the final stage must start the application under SCHED_BATCH: ENTRYPOINT {entryPoint} (so `migrate` and `healthcheck` are its arguments)";
        }
    }

    private static string? PublishDirectory(DockerStage build)
    {
        var publish = build.All("RUN").FirstOrDefault(run => run.Arguments.Contains("dotnet publish", StringComparison.Ordinal));
        var words = publish?.Words ?? [];
        var output = words.ToList().FindIndex(word => word is "--output" or "-o");
        return output >= 0 && output + 1 < words.Count ? words[output + 1] : null;
    }

    // A tag of three numbers (10.0.401, 10.0.12), optionally with a variant (-noble); or a digest.
    [GeneratedRegex(@"(:\d+\.\d+\.\d+(-[a-z0-9.-]+)?|@sha256:[0-9a-f]{64})$")]
    private static partial Regex PinnedTag();
}
