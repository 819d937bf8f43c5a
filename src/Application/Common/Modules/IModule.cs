using Microsoft.Extensions.DependencyInjection;

namespace Enterprise.Application.Common.Modules;

/// <summary>
/// A business area's registrations for one layer (the NestJS <c>@Module</c> analogue). Each layer's
/// <c>Add…()</c> method discovers its module classes by scanning, so a new module edits no central list.
/// </summary>
public interface IModule
{
    /// <remarks>Settings are bound with <c>AddOptions&lt;T&gt;().BindConfiguration(...)</c>, so a module needs no configuration object here.</remarks>
    void AddServices(IServiceCollection services);
}
