using System.Globalization;

namespace Enterprise.IntegrationTests.Infrastructure;

/// <summary>
/// A server of a test's own, started and stopped with <c>scripts/NAME.sh</c> on a free port and a data directory of its
/// own, for tests that take the server away (the shared one from <c>scripts/test.sh</c> must stay up for the others).
/// </summary>
public abstract class ThrowawayServer : IDisposable
{
    private readonly string _script;
    private readonly string _directory;

    protected ThrowawayServer(string name)
    {
        _script = RepositoryFiles.Path("scripts", $"{name}.sh");
        _directory = Path.Combine(Path.GetTempPath(), "enterprise-tests", $"{name}-{Guid.NewGuid():N}");
    }

    protected string Port { get; } = LocalPorts.Free().ToString(CultureInfo.InvariantCulture);

    /// <summary>Starts the server (again) on the same port and data directory, so what it persisted is back.</summary>
    public Task StartServerAsync() => ServerScript.RunAsync(_script, "start", _directory, Port);

    public Task StopServerAsync() => ServerScript.RunAsync(_script, "stop", _directory);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            StopServerAsync().GetAwaiter().GetResult();
            Directory.Delete(_directory, recursive: true);
        }
    }
}
