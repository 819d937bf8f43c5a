namespace Enterprise.Application.Common.Concurrency;

/// <summary>
/// A result that names the version of the aggregate it shows, so the API can answer it with an entity tag and a later
/// conditional write (<see cref="IConditionalWrite"/>) can name it.
/// </summary>
public interface IHasVersion
{
    long Version { get; }
}
