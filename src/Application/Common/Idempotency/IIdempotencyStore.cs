namespace Enterprise.Application.Common.Idempotency;

/// <summary>
/// Durable memory of the requests a caller sent with an <c>Idempotency-Key</c>: the first request with a key claims
/// it, and its response is kept so that a retry gets that response instead of running the command again.
/// Claiming is atomic across processes (a unique key in the database), so of concurrent requests exactly one runs.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Claims the key for <paramref name="request"/>, or says why it cannot be: the key already has a stored response,
    /// another request holds it, or it was used for a different request. An expired key is claimed afresh.
    /// </summary>
    Task<IdempotencyClaim> ClaimAsync(IdempotencyRequest request, CancellationToken cancellationToken);

    /// <summary>Keeps the response of the claimed request; it is replayed for the key until the key expires.</summary>
    /// <returns>False when the lease had run out and the key was claimed again or purged meanwhile: nothing was stored.</returns>
    Task<bool> CompleteAsync(IdempotencyLease lease, StoredResponse response, CancellationToken cancellationToken);

    /// <summary>Frees the claimed key without keeping a response (the request failed), so that a retry runs.</summary>
    Task ReleaseAsync(IdempotencyLease lease, CancellationToken cancellationToken);
}

/// <summary>
/// A request that carries an idempotency key. <see cref="Scope"/> is the caller (the token's subject), so two callers'
/// keys never meet; <see cref="Fingerprint"/> identifies the request itself (method, target and body).
/// </summary>
public sealed record IdempotencyRequest(string Scope, string Key, string Fingerprint);

/// <summary>Proof that a request holds a key; only its holder may complete or release the claim.</summary>
public sealed record IdempotencyLease(string Scope, string Key, Guid LeaseId);

/// <summary>A response as it is replayed: status, the headers the endpoint set, and the body bytes.</summary>
public sealed record StoredResponse(int StatusCode, IReadOnlyDictionary<string, string[]> Headers, byte[] Body);

/// <summary>The outcome of <see cref="IIdempotencyStore.ClaimAsync"/>.</summary>
public abstract record IdempotencyClaim;

/// <summary>The key is this request's now: run it, then complete or release the lease.</summary>
public sealed record KeyClaimed(IdempotencyLease Lease) : IdempotencyClaim;

/// <summary>The same request already ran with this key: replay its response.</summary>
public sealed record ResponseAlreadyStored(StoredResponse Response) : IdempotencyClaim;

/// <summary>The same request is running with this key right now (or its process died and its lease has not run out yet).</summary>
public sealed record RequestStillInProgress : IdempotencyClaim;

/// <summary>The key was used for a different request (another body, method or target).</summary>
public sealed record KeyUsedForAnotherRequest : IdempotencyClaim;
