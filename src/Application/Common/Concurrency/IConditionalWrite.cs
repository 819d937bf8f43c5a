namespace Enterprise.Application.Common.Concurrency;

/// <summary>A command that may be conditional on the version of the aggregate it changes (HTTP <c>If-Match</c>).</summary>
public interface IConditionalWrite
{
    /// <summary>The versions this write is conditional on; <see langword="null"/>: unconditional.</summary>
    IReadOnlyCollection<long>? ExpectedVersions { get; }
}
