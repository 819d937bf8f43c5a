using System.Globalization;

namespace Enterprise.WebApi.Hardening;

/// <summary>
/// The process's file descriptors when the server starts: every accepted connection spends one, and so does
/// every loaded assembly. Read once, so the connection cap and the start-up log agree.
/// </summary>
/// <param name="SoftLimit">The soft limit; null where it cannot be read (other systems than Linux) or is unlimited.</param>
/// <param name="Open">Descriptors open when read.</param>
internal sealed record FileDescriptorLimit(long? SoftLimit, long Open)
{
    private const string LimitsFile = "/proc/self/limits";
    private const string OpenDescriptorsDirectory = "/proc/self/fd";
    private const string OpenFilesRow = "Max open files";

    public static FileDescriptorLimit Read() => new(ReadSoftLimit(), CountOpen());

    private static long? ReadSoftLimit()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists(LimitsFile))
        {
            return null;
        }

        // The row reads "Max open files  <soft>  <hard>  files"; the soft limit is what accept() runs into.
        var row = File.ReadLines(LimitsFile).FirstOrDefault(line => line.StartsWith(OpenFilesRow, StringComparison.Ordinal));
        var softLimit = row?[OpenFilesRow.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return long.TryParse(softLimit, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>
    /// Descriptors open now: a .NET web host holds some 300 before its first connection (two per loaded
    /// assembly), so a fixed reserve is not enough on a low limit.
    /// </summary>
    private static long CountOpen() =>
        Directory.Exists(OpenDescriptorsDirectory) ? Directory.EnumerateFileSystemEntries(OpenDescriptorsDirectory).LongCount() : 0;
}
