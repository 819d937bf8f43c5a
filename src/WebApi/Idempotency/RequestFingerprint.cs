using System.Security.Cryptography;
using System.Text;

namespace Enterprise.WebApi.Idempotency;

/// <summary>
/// What makes two requests "the same" for an idempotency key: method, target (path and query) and the body's exact
/// bytes, hashed with SHA-256. Bytes rather than parsed JSON: the draft compares payloads, and re-serialising would
/// make equal what the caller sent differently.
/// </summary>
internal static class RequestFingerprint
{
    private const int ChunkSize = 16 * 1024;

    /// <summary>Reads the whole body and rewinds it, so that model binding reads it again.</summary>
    public static async Task<string> ComputeAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        using var hash = Start(request.Method, Target(request));
        var chunk = new byte[ChunkSize];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            hash.AppendData(chunk, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>The fingerprint of a request given by its parts; <paramref name="target"/> is the escaped path and query.</summary>
    public static string Of(string method, string target, ReadOnlySpan<byte> body)
    {
        using var hash = Start(method, target);
        hash.AppendData(body);
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static string Target(HttpRequest request) => request.PathBase.Add(request.Path).ToUriComponent() + request.QueryString.ToUriComponent();

    private static IncrementalHash Start(string method, string target)
    {
        var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // Line breaks cannot occur in a method or an escaped target, so the parts cannot run into each other.
        hash.AppendData(Encoding.UTF8.GetBytes($"{method.ToUpperInvariant()}\n{target}\n"));
        return hash;
    }
}
