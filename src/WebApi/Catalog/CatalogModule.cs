using Enterprise.Application.Common.Modules;
using Enterprise.WebApi.OpenApi;

namespace Enterprise.WebApi.Catalog;

/// <summary>The Catalog module's HTTP surface: MVC finds its controllers; this describes them in the API documents.</summary>
internal sealed class CatalogModule : IModule
{
    public void AddServices(IServiceCollection services) => services
        .AddApiTag("Products", "Sellable items: prices, stock and lifecycle. Deleting a product archives it.")
        .AddApiTag("Categories", "Groups of products. A category's name, and so its slug, is unique.");
}
