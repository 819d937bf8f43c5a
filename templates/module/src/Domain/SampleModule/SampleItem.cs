using Enterprise.Domain.Common;

namespace Enterprise.Domain.SampleModule;

/// <summary>
/// A SampleItem of the SampleModule module: a name, when it was created and last replaced, and the concurrency version
/// every change increments.
/// </summary>
public sealed class SampleItem : AggregateRoot
{
    public const int NameMaxLength = 100;

    private SampleItem(Guid id, string name, DateTime createdAt)
        : base(id)
    {
        Name = name;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
    }

    public string Name { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public static Result<SampleItem> Create(string? name, DateTimeOffset now)
    {
        var checkedName = CheckName(name);
        return checkedName.IsSuccess ? new SampleItem(Guid.CreateVersion7(now), checkedName.Value, UtcTimestamp.From(now)) : checkedName.Error;
    }

    /// <summary>Replaces everything a caller controls (PUT); a new version.</summary>
    public Result Replace(string? name, DateTimeOffset now)
    {
        var checkedName = CheckName(name);
        if (!checkedName.IsSuccess)
        {
            return checkedName.Error;
        }

        Name = checkedName.Value;
        UpdatedAt = UtcTimestamp.From(now);
        IncrementVersion();
        return Result.Success();
    }

    /// <summary>The name as stored: trimmed, 1 to <see cref="NameMaxLength"/> characters, no control characters.</summary>
    private static Result<string> CheckName(string? name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return SampleItemErrors.NameRequired;
        }

        if (trimmed.Length > NameMaxLength)
        {
            return SampleItemErrors.NameTooLong;
        }

        return ControlCharacters.In(trimmed) ? SampleItemErrors.NameControlCharacters : trimmed;
    }
}
