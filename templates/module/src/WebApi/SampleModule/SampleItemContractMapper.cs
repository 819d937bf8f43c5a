using Enterprise.Application.SampleModule.SampleItems;
using Riok.Mapperly.Abstractions;

namespace Enterprise.WebApi.SampleModule;

/// <summary>The SampleItem's wire shapes from the application's DTO.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class SampleItemContractMapper
{
    public static partial SampleItemResponse ToResponse(this SampleItemDto sampleItem);
}
