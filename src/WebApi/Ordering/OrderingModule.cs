using Enterprise.Application.Common.Modules;
using Enterprise.WebApi.OpenApi;
using Microsoft.AspNetCore.Authorization;

namespace Enterprise.WebApi.Ordering;

/// <summary>
/// The Ordering module's HTTP surface (API version 2 only): MVC finds its controller; this adds its authorization
/// policies and describes them in the API documents.
/// </summary>
internal sealed class OrderingModule : IModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddOptions<AuthorizationOptions>().Configure(OrderingPolicies.Add);
        services.AddApiTag(
            "Orders",
            "A customer's orders. An order is placed pending and confirmed or rejected once Catalog has tried to reserve its stock.");
    }
}
