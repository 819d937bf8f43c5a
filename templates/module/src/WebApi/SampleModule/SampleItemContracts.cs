namespace Enterprise.WebApi.SampleModule;

/// <summary>A SampleItem, the same in every API version that serves it.</summary>
public sealed record SampleItemResponse(Guid Id, string Name, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>The body that creates or replaces a SampleItem.</summary>
public sealed record SampleItemWriteRequest
{
    public required string Name { get; init; }
}
