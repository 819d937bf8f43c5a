using Enterprise.Application.Common.Modules;
using Enterprise.WebApi.OpenApi;
using Microsoft.AspNetCore.Authorization;

namespace Enterprise.WebApi.SampleModule;

/// <summary>
/// The SampleModule module's HTTP surface: MVC finds its controllers; this adds its authorization policies and
/// describes them in the API documents.
/// </summary>
internal sealed class SampleModuleModule : IModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddOptions<AuthorizationOptions>().Configure(SampleModulePolicies.Add);
        services.AddApiTag("SampleItems", "SampleItems of the SampleModule module, each with a name.");
    }
}
