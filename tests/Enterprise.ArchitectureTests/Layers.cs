using System.Reflection;

namespace Enterprise.ArchitectureTests;

/// <summary>The solution's assemblies, loaded through a type each one owns.</summary>
internal static class Layers
{
    public static readonly Assembly Domain = typeof(Domain.Common.AggregateRoot).Assembly;
    public static readonly Assembly Application = typeof(Application.DependencyInjection).Assembly;
    public static readonly Assembly Infrastructure = typeof(Infrastructure.DependencyInjection).Assembly;
    public static readonly Assembly WebApi = typeof(WebApi.DependencyInjection).Assembly;

    public static readonly Assembly[] All = [Domain, Application, Infrastructure, WebApi];
}
