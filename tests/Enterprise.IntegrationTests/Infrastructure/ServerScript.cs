using System.Diagnostics;

namespace Enterprise.IntegrationTests.Infrastructure;

/// <summary>Runs one of the repository's server scripts (<c>scripts/postgres.sh</c>, <c>scripts/redis.sh</c>) and asserts that it succeeded.</summary>
internal static class ServerScript
{
    public static async Task RunAsync(string script, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(script) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.Zero, $"{Path.GetFileName(script)} {string.Join(' ', arguments)}: {error}");
    }
}
