using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Enterprise.Application.Common.Idempotency;
using Enterprise.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Enterprise.Infrastructure.Idempotency;

/// <summary>
/// Keeps idempotency keys in <c>IdempotencyRecords</c>. A claim is an insert: the primary key (caller, key) lets exactly
/// one of several concurrent inserts succeed, on every provider and across every instance sharing the database.
/// Completing and releasing are single conditional statements that touch only the lease's own row, and never the
/// request's tracked entities, so they cannot interfere with the command's unit of work.
/// </summary>
internal sealed class EfIdempotencyStore(
    EnterpriseDbContext dbContext,
    IDatabaseProvider provider,
    IOptions<IdempotencySettings> settings,
    TimeProvider clock) : IIdempotencyStore
{
    /// <summary>Each extra attempt means another request changed the key between our read and our insert; three is plenty.</summary>
    private const int MaxClaimAttempts = 3;

    private DbSet<IdempotencyRecord> Records => dbContext.Set<IdempotencyRecord>();

    public async Task<IdempotencyClaim> ClaimAsync(IdempotencyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scopeHash = ScopeHashOf(request.Scope);
        for (var attempt = 0; attempt < MaxClaimAttempts; attempt++)
        {
            var now = UtcNow();
            // Read first, so that a retry of a finished request (the usual case) never provokes a failed insert.
            var existing = await RecordsFor(scopeHash, request.Key).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
            if (existing is not null && existing.ExpiresAt > now)
            {
                return existing switch
                {
                    _ when existing.RequestFingerprint != request.Fingerprint => new KeyUsedForAnotherRequest(),
                    { ResponseStatusCode: { } statusCode } => new ResponseAlreadyStored(ToResponse(existing, statusCode)),
                    _ => new RequestStillInProgress(),
                };
            }

            if (existing is not null)
            {
                // Expired (a stored response past its expiry, or the lease of a request whose process died): free the key.
                // Only while it is still expired, so a claim another request made in the meantime survives.
                await RecordsFor(scopeHash, request.Key).Where(record => record.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
            }

            var lease = new IdempotencyLease(request.Scope, request.Key, Guid.NewGuid());
            var claim = new IdempotencyRecord
            {
                ScopeHash = scopeHash,
                Key = request.Key,
                RequestFingerprint = request.Fingerprint,
                LeaseId = lease.LeaseId,
                CreatedAt = now,
                ExpiresAt = now + settings.Value.InProgressLease,
            };
            if (await TryInsertAsync(claim, cancellationToken))
            {
                return new KeyClaimed(lease);
            }
        }

        // Another request kept winning the key between our read and our insert: it is running.
        return new RequestStillInProgress();
    }

    public async Task<bool> CompleteAsync(IdempotencyLease lease, StoredResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = JsonSerializer.Serialize(response.Headers);
        var expiresAt = UtcNow() + settings.Value.Expiry;
        var updated = await HeldBy(lease).ExecuteUpdateAsync(
            setters => setters
                .SetProperty(record => record.ResponseStatusCode, response.StatusCode)
                .SetProperty(record => record.ResponseHeaders, headers)
                .SetProperty(record => record.ResponseBody, response.Body)
                .SetProperty(record => record.ExpiresAt, expiresAt),
            cancellationToken);
        return updated == 1;
    }

    public async Task ReleaseAsync(IdempotencyLease lease, CancellationToken cancellationToken) =>
        await HeldBy(lease).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Fixed length and no collation questions, whatever the identity provider's subjects look like.</summary>
    internal static string ScopeHashOf(string scope) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(scope)));

    private IQueryable<IdempotencyRecord> RecordsFor(string scopeHash, string key) =>
        Records.Where(record => record.ScopeHash == scopeHash && record.Key == key);

    /// <summary>The lease's row while it is still in progress; gone or replaced once the lease ran out and another request claimed the key.</summary>
    private IQueryable<IdempotencyRecord> HeldBy(IdempotencyLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return RecordsFor(ScopeHashOf(lease.Scope), lease.Key)
            .Where(record => record.LeaseId == lease.LeaseId && record.ResponseStatusCode == null);
    }

    /// <summary>False when another request inserted the same key first.</summary>
    private async Task<bool> TryInsertAsync(IdempotencyRecord record, CancellationToken cancellationToken)
    {
        var entry = Records.Add(record);
        try
        {
            await dbContext.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception) when (provider.IsUniqueViolation(exception))
        {
            return false;
        }
        finally
        {
            // The request's context is shared with the command's unit of work, which must not see this row.
            entry.State = EntityState.Detached;
        }
    }

    private static StoredResponse ToResponse(IdempotencyRecord record, int statusCode) => new(
        statusCode,
        JsonSerializer.Deserialize<Dictionary<string, string[]>>(record.ResponseHeaders ?? "{}") ?? [],
        record.ResponseBody ?? []);

    private DateTime UtcNow() => clock.GetUtcNow().UtcDateTime;
}
