using System.Diagnostics;

namespace Enterprise.DeploymentTests;

/// <summary>A command-line tool the tests run (kubectl, the lint script), found on PATH.</summary>
internal static class ExternalCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The tool's full path; otherwise ignores the calling test, or fails it under <c>CI=true</c>.</summary>
    public static string Require(string tool, string purpose)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => System.IO.Path.Combine(directory, tool))
            .FirstOrDefault(File.Exists);
        if (found is not null)
        {
            return found;
        }

        var reason = $"{tool} is not on PATH, and {purpose} needs it";
        if (IsCi)
        {
            Assert.Fail($"{reason}; CI=true requires it.");
        }

        Assert.Ignore($"Skipped: {reason}.");
        return string.Empty;
    }

    /// <summary>Runs the tool from the repository root and waits for it (at most five minutes).</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string fileName, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = RepositoryTree.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{fileName} {string.Join(' ', arguments)} ran longer than {Timeout}.");
        }

        return (process.ExitCode, await output, await error);
    }
}
