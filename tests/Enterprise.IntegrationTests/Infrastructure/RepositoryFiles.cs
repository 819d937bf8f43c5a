namespace Enterprise.IntegrationTests.Infrastructure;

/// <summary>Files committed to the repository that tests compare the running application with (documents, notes).</summary>
public static class RepositoryFiles
{
    public static string Path(params string[] segments) => System.IO.Path.Combine([Root(), .. segments]);

    private static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Enterprise.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Enterprise.sln above {AppContext.BaseDirectory}.");
    }
}
