using System.Reflection;

namespace Enterprise.DeploymentTests;

/// <summary>The checked-out tree this test assembly was built from (its root is recorded at build time).</summary>
internal static class RepositoryTree
{
    public static string Root { get; } = typeof(RepositoryTree).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "RepositoryRoot").Value!;

    public static string Path(params string[] segments) => System.IO.Path.Combine([Root, .. segments]);

    public static string Read(params string[] segments) => File.ReadAllText(Path(segments));
}
