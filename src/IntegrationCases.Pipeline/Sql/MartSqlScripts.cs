using System.Text;
using IntegrationCases.Pipeline.Mart;

namespace IntegrationCases.Pipeline.Sql;

/// <summary>
/// Every T-SQL statement the loader sends, generated from <see cref="MartSchema"/>: the migrations (schemas
/// and tables in <c>mart</c> and the staging copy in <c>mart_staging</c>), the staging reset and the swap. Names
/// come only from the schema and are bracket-quoted; data never enters the text (bulk copy and parameters).
/// </summary>
public static class MartSqlScripts
{
    public const string MartSchemaName = "mart";
    public const string StagingSchemaName = "mart_staging";
    public const string JournalTable = "schema_versions";

    /// <summary>The application lock that keeps two loaders from sharing the staging tables.</summary>
    public const string LoadLock = "integration-cases-mart-load";

    /// <summary>
    /// The DbUp migrations, in order. A script, once run, is never edited: a change to the schema adds a new
    /// script (for example an ALTER TABLE ... ADD), and the schema test fails until it exists (docs/mart.md).
    /// </summary>
    public static IReadOnlyList<(string Name, string Sql)> Migrations() =>
    [
        ("0001_create_schemas", CreateSchemas()),
        ("0002_create_mart_tables", string.Join("\n", InitialTables.Select(t => CreateTable(MartSchemaName, t, withKey: true)))),
        ("0003_create_staging_tables", string.Join("\n", InitialTables.Select(t => CreateTable(StagingSchemaName, t, withKey: false)))),
        ("0004_create_dim_parameter",
            CreateTable(MartSchemaName, MartSchema.DimParameter, withKey: true) + "\n" + CreateTable(StagingSchemaName, MartSchema.DimParameter, withKey: false)),
        ("0005_scenario_intake", ScenarioIntake()),
        ("0006_create_fact_uncertainty", CreateTable(MartSchemaName, MartSchema.FactUncertainty, withKey: true) + "\n" + CreateTable(StagingSchemaName, MartSchema.FactUncertainty, withKey: false)),
    ];

    /// <summary>
    /// The tables of the first schema version (scripts 0002 and 0003, never edited); later tables have their own
    /// script, and so do columns added to a table later (<see cref="AddedColumns"/>).
    /// </summary>
    private static IEnumerable<MartTable> InitialTables => MartSchema.Tables.Where(t => !LaterTables.Contains(t));

    /// <summary>Tables added after the first schema version, each created by a script of its own (0004, 0005, 0006).</summary>
    private static readonly MartTable[] LaterTables = [MartSchema.DimParameter, MartSchema.DimScenarioIntake, MartSchema.FactUncertainty];

    /// <summary>Columns added to an existing table by a later script, so the script that created the table leaves them out.</summary>
    private static readonly IReadOnlyList<(MartTable Table, string Column)> AddedColumns = [(MartSchema.DimScenario, "is_plan")];

    /// <summary>
    /// 0005 (method 1.2, intake plans): <c>dim_scenario.is_plan</c>, 0 for the rows already there (no plan existed
    /// before), and the child table <c>dim_scenario_intake</c>, in both schemas.
    /// </summary>
    private static string ScenarioIntake()
    {
        var isPlan = MartSchema.DimScenario.Column("is_plan");
        var sql = new StringBuilder();
        foreach (var schema in new[] { MartSchemaName, StagingSchemaName })
        {
            sql.Append("ALTER TABLE ").Append(Name(schema, MartSchema.DimScenario)).Append(" ADD ").Append(Quote(isPlan.Name)).Append(' ').Append(SqlType(isPlan))
               .Append(" NOT NULL CONSTRAINT ").Append(Quote($"DF_{schema}_{MartSchema.DimScenario.Name}_{isPlan.Name}")).Append(" DEFAULT (0);\n");
        }

        return sql.Append(CreateTable(MartSchemaName, MartSchema.DimScenarioIntake, withKey: true))
            .Append('\n').Append(CreateTable(StagingSchemaName, MartSchema.DimScenarioIntake, withKey: false)).ToString();
    }

    public static string CreateSchemas() =>
        $"IF SCHEMA_ID(N'{MartSchemaName}') IS NULL EXEC(N'CREATE SCHEMA {Quote(MartSchemaName)}');\n" +
        $"IF SCHEMA_ID(N'{StagingSchemaName}') IS NULL EXEC(N'CREATE SCHEMA {Quote(StagingSchemaName)}');\n";

    public static string CreateTable(string schema, MartTable table, bool withKey)
    {
        var sql = new StringBuilder();
        sql.Append("CREATE TABLE ").Append(Name(schema, table)).Append(" (\n");
        var columns = table.Columns.Where(c => !AddedColumns.Contains((table, c.Name)));
        sql.AppendJoin(",\n", columns.Select(c => $"    {Quote(c.Name)} {SqlType(c)} {(c.Nullable ? "NULL" : "NOT NULL")}"));
        var keys = table.Keys.ToList();
        if (withKey && keys.Count > 0)
        {
            sql.Append(",\n    CONSTRAINT ").Append(Quote($"PK_{schema}_{table.Name}"))
               .Append(" PRIMARY KEY CLUSTERED (").AppendJoin(", ", keys.Select(k => Quote(k.Name))).Append(')');
        }

        return sql.Append("\n);\n").ToString();
    }

    /// <summary>Empties the staging tables before a load.</summary>
    public static string ResetStaging() =>
        string.Concat(MartSchema.Tables.Select(t => $"TRUNCATE TABLE {Name(StagingSchemaName, t)};\n"));

    /// <summary>
    /// Replaces the mart's content with the staging tables', inside the caller's transaction: readers see the
    /// old run until the commit and the new run after it. run_manifest keeps every run (the new one replacing
    /// a row of the same run id).
    /// </summary>
    public static string Swap()
    {
        var sql = new StringBuilder();
        foreach (var table in MartSchema.Tables)
        {
            var columns = string.Join(", ", table.Columns.Select(c => Quote(c.Name)));
            if (table == MartSchema.RunManifest)
            {
                sql.Append($"DELETE FROM {Name(MartSchemaName, table)} WHERE {Quote("run_id")} IN (SELECT {Quote("run_id")} FROM {Name(StagingSchemaName, table)});\n");
            }
            else
            {
                sql.Append($"DELETE FROM {Name(MartSchemaName, table)} WITH (TABLOCKX);\n");
            }

            sql.Append($"INSERT INTO {Name(MartSchemaName, table)} WITH (TABLOCKX) ({columns}) SELECT {columns} FROM {Name(StagingSchemaName, table)};\n");
        }

        return sql.ToString();
    }

    public static string AcquireLoadLock() =>
        $"DECLARE @result int; EXEC @result = sp_getapplock @Resource = N'{LoadLock}', @LockMode = N'Exclusive', @LockOwner = N'Session', @LockTimeout = 600000; " +
        "IF @result < 0 THROW 50001, N'Another load of the mart holds the lock.', 1;";

    public static string ReleaseLoadLock() =>
        $"EXEC sp_releaseapplock @Resource = N'{LoadLock}', @LockOwner = N'Session';";

    /// <summary>Every statement text the loader can send (for the parser test).</summary>
    public static IEnumerable<(string Name, string Sql)> All() =>
        [.. Migrations(), ("reset_staging", ResetStaging()), ("swap", Swap()), ("acquire_lock", AcquireLoadLock()), ("release_lock", ReleaseLoadLock())];

    public static string SqlType(MartColumn column) => column.Type switch
    {
        MartType.Text => column.MaxLength > 0 ? $"nvarchar({column.MaxLength})" : "nvarchar(max)",
        MartType.Int32 => "int",
        MartType.Money => "decimal(18,2)",
        MartType.Double => "float",
        MartType.Date => "date",
        MartType.TimestampUtc => "datetime2(3)",
        _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, "Unknown mart type."),
    };

    public static string Name(string schema, MartTable table) => $"{Quote(schema)}.{Quote(table.Name)}";

    public static string Quote(string identifier) => "[" + identifier.Replace("]", "]]", StringComparison.Ordinal) + "]";
}
