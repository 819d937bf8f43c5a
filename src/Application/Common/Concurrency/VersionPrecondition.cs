using Enterprise.Domain.Common;

namespace Enterprise.Application.Common.Concurrency;

/// <summary>
/// The check of a conditional write (HTTP <c>If-Match</c>): a command that names the versions it was based on changes
/// the aggregate only when its current <see cref="AggregateRoot.Version"/> is one of them. The database's concurrency
/// token still guards the write itself, so a change that lands between this check and the commit is a conflict.
/// </summary>
public static class VersionPrecondition
{
    public static readonly Error Failed = Error.PreconditionFailed(
        "Precondition.Failed",
        "The resource has changed since the entity tag was issued (or the tag is not one this resource has); read it again and retry.");

    /// <param name="aggregate">The aggregate as loaded for the write.</param>
    /// <param name="expectedVersions">
    /// <see langword="null"/> for an unconditional write; otherwise the versions the caller accepts, empty when none
    /// of its entity tags names a version (so nothing meets it).
    /// </param>
    /// <returns><see cref="Failed"/> when the condition is not met; <see langword="null"/> otherwise.</returns>
    public static Error? Check(AggregateRoot aggregate, IReadOnlyCollection<long>? expectedVersions)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        return expectedVersions is null || expectedVersions.Contains(aggregate.Version) ? null : Failed;
    }
}
