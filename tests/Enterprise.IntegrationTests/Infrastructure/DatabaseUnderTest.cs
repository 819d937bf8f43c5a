namespace Enterprise.IntegrationTests.Infrastructure;

/// <summary>The database engines the integration suite runs against; each fixture runs once per engine.</summary>
public enum DatabaseUnderTest
{
    Sqlite,
    PostgreSql,

    /// <summary>Only when <see cref="TestServers.SqlServerVariable"/> names a server: SQL Server cannot run on the build machines.</summary>
    SqlServer,
}

/// <summary>Fixture source: <c>[TestFixtureSource(typeof(DatabasesUnderTest), nameof(DatabasesUnderTest.All))]</c>.</summary>
public static class DatabasesUnderTest
{
    public static IEnumerable<TestFixtureData> All
    {
        get
        {
            yield return new TestFixtureData(DatabaseUnderTest.Sqlite);
            yield return new TestFixtureData(DatabaseUnderTest.PostgreSql);
            if (TestServers.SqlServerConnectionString is not null)
            {
                yield return new TestFixtureData(DatabaseUnderTest.SqlServer);
            }
        }
    }
}
