namespace Enterprise.Infrastructure.Idempotency;

/// <summary>
/// One row of <c>IdempotencyRecords</c>: a caller's key, the request that claimed it and, once that request finished,
/// its response. A persistence record rather than a domain entity: it exists for the HTTP contract, not the business.
/// </summary>
public sealed class IdempotencyRecord
{
    /// <summary>SHA-256 of the caller's subject, hex: fixed length whatever the identity provider's subjects look like.</summary>
    public required string ScopeHash { get; set; }

    /// <summary>The <c>Idempotency-Key</c> as the caller sent it (printable ASCII), compared exactly.</summary>
    public required string Key { get; set; }

    /// <summary>SHA-256 of the request's method, target and body, hex; a different request with the same key is refused.</summary>
    public required string RequestFingerprint { get; set; }

    /// <summary>Identifies the claim, so a request whose lease ran out cannot complete or release its successor's claim.</summary>
    public Guid LeaseId { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>While in progress, when the lease ends; once completed, when the stored response stops being replayed.</summary>
    public DateTime ExpiresAt { get; set; }

    /// <summary><see langword="null"/> while the request is in progress.</summary>
    public int? ResponseStatusCode { get; set; }

    /// <summary>The headers the endpoint set, as a JSON object of name to values.</summary>
    public string? ResponseHeaders { get; set; }

    public byte[]? ResponseBody { get; set; }
}
