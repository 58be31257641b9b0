using System.Data;
using DbUp;
using IntegrationCases.Pipeline.Mart;
using Microsoft.Data.SqlClient;
using Polly;

namespace IntegrationCases.Pipeline.Sql;

/// <summary>
/// Loads a run into Azure SQL schema <c>mart</c>: migrations with DbUp, bulk copy into <c>mart_staging</c>,
/// then one transaction that swaps the staging rows in. Each step is idempotent, so the SQL resilience
/// pipeline may repeat it after a transient fault; a failure before the commit leaves the mart as it was.
/// </summary>
public sealed class MartSqlLoader(string connectionString, ResiliencePipeline pipeline)
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5);

    public async Task LoadAsync(MartDataSet data, CancellationToken cancellationToken)
    {
        await pipeline.ExecuteAsync(ct => new ValueTask(Task.Run(() => Migrate(ct), ct)), cancellationToken).ConfigureAwait(false);
        await pipeline.ExecuteAsync(async ct =>
        {
            await using var connection = new SqlConnection(connectionString);
            await connection.OpenAsync(ct).ConfigureAwait(false);
            await ExecuteAsync(connection, null, MartSqlScripts.AcquireLoadLock(), ct).ConfigureAwait(false);
            try
            {
                await ExecuteAsync(connection, null, MartSqlScripts.ResetStaging(), ct).ConfigureAwait(false);
                foreach (var table in data.Tables)
                {
                    await BulkCopyAsync(connection, table, ct).ConfigureAwait(false);
                }

                await using var transaction = (SqlTransaction)await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction, MartSqlScripts.Swap(), ct).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
            }
            finally
            {
                if (connection.State == ConnectionState.Open)
                {
                    await ExecuteAsync(connection, null, MartSqlScripts.ReleaseLoadLock(), CancellationToken.None).ConfigureAwait(false);
                }
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs the DbUp migrations that have not run yet (journal: mart.schema_versions).</summary>
    public void Migrate(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var upgrader = DeployChanges.To
            .SqlDatabase(connectionString)
            .WithScripts(MartSqlScripts.Migrations().Select(m => new DbUp.Engine.SqlScript(m.Name, m.Sql)))
            .JournalToSqlTable(MartSqlScripts.MartSchemaName, MartSqlScripts.JournalTable)
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build();
        var result = upgrader.PerformUpgrade();
        if (!result.Successful)
        {
            throw result.Error;
        }
    }

    /// <summary>A DataTable in the schema's column order and types, for SqlBulkCopy.</summary>
    public static DataTable ToDataTable(MartTableData data)
    {
        var table = new DataTable(data.Table.Name) { Locale = System.Globalization.CultureInfo.InvariantCulture };
        foreach (var c in data.Table.Columns)
        {
            table.Columns.Add(new DataColumn(c.Name, ClrType(c.Type)) { AllowDBNull = c.Nullable });
        }

        foreach (var row in data.Rows)
        {
            table.Rows.Add(row.Select(v => v switch
            {
                null => DBNull.Value,
                DateOnly d => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified),
                DateTimeOffset o => (object)o.UtcDateTime,
                _ => v,
            }).ToArray());
        }

        return table;
    }

    private static Type ClrType(MartType type) => type switch
    {
        MartType.Text => typeof(string),
        MartType.Int32 => typeof(int),
        MartType.Money => typeof(decimal),
        MartType.Double => typeof(double),
        MartType.Date or MartType.TimestampUtc => typeof(DateTime),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown mart type."),
    };

    private static async Task BulkCopyAsync(SqlConnection connection, MartTableData data, CancellationToken cancellationToken)
    {
        using var bulk = new SqlBulkCopy(connection, SqlBulkCopyOptions.TableLock | SqlBulkCopyOptions.CheckConstraints, null)
        {
            DestinationTableName = MartSqlScripts.Name(MartSqlScripts.StagingSchemaName, data.Table),
            BulkCopyTimeout = (int)CommandTimeout.TotalSeconds,
            BatchSize = 10_000,
        };
        foreach (var c in data.Table.Columns)
        {
            bulk.ColumnMappings.Add(c.Name, c.Name);
        }

        using var table = ToDataTable(data);
        await bulk.WriteToServerAsync(table, cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(SqlConnection connection, SqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new SqlCommand(sql, connection, transaction) { CommandTimeout = (int)CommandTimeout.TotalSeconds };
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
