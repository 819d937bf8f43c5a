using Enterprise.Application.Common.Modules;
using Enterprise.Application.Common.Security;
using Enterprise.WebApi.OpenApi;
using Microsoft.AspNetCore.Authorization;

namespace Enterprise.WebApi.Catalog;

/// <summary>
/// The Catalog module's HTTP surface: MVC finds its controllers; this adds its authorization policies and describes
/// them in the API documents.
/// </summary>
/// <remarks>
/// A type that every API version serves alike lives here at the module's root; a type whose shape belongs to one
/// version lives in that version's folder (<c>V1/</c>, <c>V2/</c>), under the same name in each.
/// </remarks>
internal sealed class CatalogModule : IModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddOptions<AuthorizationOptions>().Configure<AuthorizationSettings>(CatalogPolicies.Add);
        services
            .AddApiTag("Products", "Sellable items: prices, stock and lifecycle. Deleting a product archives it.")
            .AddApiTag("Categories", "Groups of products. A category's name, and so its slug, is unique.");
    }
}
