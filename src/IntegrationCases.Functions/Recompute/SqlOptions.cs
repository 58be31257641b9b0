namespace IntegrationCases.Functions.Recompute;

/// <summary>
/// The Azure SQL mart, bound from section <c>Sql</c> (app setting <c>Sql__ConnectionString</c>). Empty: the run
/// writes Parquet only. In Azure the connection string names the server and database and uses
/// <c>Authentication=Active Directory Managed Identity</c>, so it holds no secret.
/// </summary>
public sealed class SqlOptions
{
    public const string SectionName = "Sql";

    public string? ConnectionString { get; set; }
}
