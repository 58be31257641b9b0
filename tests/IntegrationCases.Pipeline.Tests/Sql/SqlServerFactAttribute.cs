namespace IntegrationCases.Pipeline.Tests.Sql;

/// <summary>
/// A fact that needs a real SQL Server: it runs when INTEGRATIONCASES_SQL_TEST_CONNECTION holds a connection
/// string, and is reported as skipped, with that reason, when it does not (no SQL Server can be installed here).
/// </summary>
public sealed class SqlServerFactAttribute : FactAttribute
{
    public const string Variable = "INTEGRATIONCASES_SQL_TEST_CONNECTION";

    public SqlServerFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            Skip = $"No SQL Server: set {Variable} to a connection string of a database the test may change to run it.";
        }
    }

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable);
}
