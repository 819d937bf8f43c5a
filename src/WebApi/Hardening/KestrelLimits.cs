using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Enterprise.WebApi.Hardening;

/// <summary>
/// Kestrel's limits: the defaults below, then whatever <c>Kestrel:Limits</c> sets (any property of
/// <see cref="KestrelServerLimits"/>), and no <c>Server</c> header that would name the stack to an attacker.
/// </summary>
internal sealed class KestrelLimits(IConfiguration configuration, FileDescriptorLimit fileDescriptors) : IConfigureOptions<KestrelServerOptions>
{
    public const string Section = "Kestrel:Limits";

    /// <summary>1 MB: far above any catalog request, far below what it takes to tie up memory.</summary>
    public const long DefaultMaxRequestBodySize = 1024 * 1024;

    /// <summary>Descriptors kept back, beyond those open at start, for database connections, files, logs and assemblies loaded later.</summary>
    public const long ReservedFileDescriptors = 256;

    public const long MinimumConcurrentConnections = 64;

    public void Configure(KestrelServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddServerHeader = false;
        options.Limits.MaxRequestBodySize = DefaultMaxRequestBodySize;
        options.Limits.MaxConcurrentConnections = DefaultMaxConcurrentConnections(fileDescriptors);
        configuration.GetSection(Section).Bind(options.Limits);
    }

    /// <summary>
    /// Below the descriptor limit, so a connection flood is turned away at accept instead of exhausting
    /// descriptors (Kestrel was seen to abort the whole process then); no cap where the limit is unknown.
    /// </summary>
    private static long? DefaultMaxConcurrentConnections(FileDescriptorLimit fileDescriptors) =>
        fileDescriptors.SoftLimit is { } limit
            ? Math.Max(MinimumConcurrentConnections, limit - fileDescriptors.Open - ReservedFileDescriptors)
            : null;
}
