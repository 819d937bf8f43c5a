namespace Enterprise.WebApi.Catalog;

/// <summary>A category in API version 1.</summary>
public sealed record CategoryResponse(Guid Id, string Name, string Slug);

public sealed record CategoryCreateRequest
{
    public required string Name { get; init; }
}
