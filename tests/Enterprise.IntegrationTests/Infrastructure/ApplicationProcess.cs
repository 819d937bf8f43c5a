using System.Diagnostics;
using System.Text;

namespace Enterprise.IntegrationTests.Infrastructure;

/// <summary>
/// The built application started as its own process, as a user or a deployment would start it,
/// for what only a real process shows: exit codes, start-up failures and console output.
/// </summary>
public sealed class ApplicationProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private ApplicationProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, line) => Append(_output, line.Data);
        _process.ErrorDataReceived += (_, line) => Append(_error, line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The operating system's process id, to inspect the running process (its open descriptors).</summary>
    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public string Error
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    /// <summary>Starts <c>Enterprise.WebApi</c> with the given environment variables and command-line arguments.</summary>
    public static ApplicationProcess Start(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        Start(new ProcessStartInfo("dotnet") { ArgumentList = { EntryAssembly } }, environment, arguments);

    /// <summary>Starts <c>Enterprise.WebApi</c> under a shell that first lowers the limit on open file descriptors (soft and hard: the runtime raises the soft limit to the hard one at start).</summary>
    public static ApplicationProcess StartWithFileDescriptorLimit(int limit, IReadOnlyDictionary<string, string> environment) =>
        Start(new ProcessStartInfo("bash") { ArgumentList = { "-c", $"ulimit -n {limit} && exec dotnet \"$0\"", EntryAssembly } }, environment, []);

    private static string EntryAssembly => typeof(Program).Assembly.Location;

    private static ApplicationProcess Start(ProcessStartInfo startInfo, IReadOnlyDictionary<string, string> environment, string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(environment);
        startInfo.WorkingDirectory = Path.GetDirectoryName(EntryAssembly)!;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.UseShellExecute = false;
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        return new ApplicationProcess(Process.Start(startInfo)!);
    }

    /// <summary>Waits for the process to exit by itself; null when it is still running after the timeout.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
            _process.WaitForExit(); // Flushes the redirected streams.
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Polls the output until it contains the text; false when the timeout passes first.</summary>
    public async Task<bool> WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            if (Output.Contains(text, StringComparison.Ordinal))
            {
                return true;
            }

            await Task.Delay(50);
        }

        return Output.Contains(text, StringComparison.Ordinal);
    }

    /// <summary>
    /// Sends SIGTERM, as an orchestrator stopping the process does (<see cref="Process.Kill()"/> sends SIGKILL, which
    /// leaves the process no chance to drain).
    /// </summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } })!;
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -TERM {Id} exited with {kill.ExitCode}.");
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.AppendLine(line);
        }
    }
}
