using System.Reflection;
using ArchUnitNET.Loader;
using ArchitectureModel = ArchUnitNET.Domain.Architecture;

namespace Enterprise.ArchitectureTests;

/// <summary>The solution's assemblies, loaded through a type each one owns, and the architecture model the rules check.</summary>
internal static class Layers
{
    public static readonly Assembly Domain = typeof(Domain.Common.AggregateRoot).Assembly;
    public static readonly Assembly Application = typeof(Application.DependencyInjection).Assembly;
    public static readonly Assembly Infrastructure = typeof(Infrastructure.DependencyInjection).Assembly;
    public static readonly Assembly WebApi = typeof(WebApi.DependencyInjection).Assembly;

    public static readonly Assembly[] All = [Domain, Application, Infrastructure, WebApi];

    /// <summary>Loaded once: reading the assemblies is the slow part of every rule.</summary>
    public static readonly ArchitectureModel Architecture = new ArchLoader().LoadAssemblies(All).Build();
}
