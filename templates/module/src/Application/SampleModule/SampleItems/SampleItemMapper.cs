using Enterprise.Domain.SampleModule;
using Riok.Mapperly.Abstractions;

namespace Enterprise.Application.SampleModule.SampleItems;

/// <summary>Compile-time mapping from the aggregate to its DTO, in memory and as a database projection.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class SampleItemMapper
{
    public static partial SampleItemDto ToDto(this SampleItem sampleItem);

    /// <summary>Translated by the database provider into a SELECT of just the DTO's columns.</summary>
    public static partial IQueryable<SampleItemDto> ProjectToDto(this IQueryable<SampleItem> sampleItems);
}
