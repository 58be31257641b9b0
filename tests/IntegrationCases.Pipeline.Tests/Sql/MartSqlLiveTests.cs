using IntegrationCases.Pipeline.Mart;
using IntegrationCases.Pipeline.Resilience;
using IntegrationCases.Pipeline.Sql;
using IntegrationCases.Pipeline.Tests.Support;
using Microsoft.Data.SqlClient;

namespace IntegrationCases.Pipeline.Tests.Sql;

/// <summary>Against a real SQL Server, when one is configured (see <see cref="SqlServerFactAttribute"/>).</summary>
public sealed class MartSqlLiveTests
{
    [SqlServerFact]
    public async Task Two_loads_leave_exactly_the_second_run_in_the_mart_with_exact_money_and_both_manifests()
    {
        var connection = SqlServerFactAttribute.ConnectionString!;
        var loader = new MartSqlLoader(connection, PipelineResilience.Sql(TestContext.FastResilience));
        await loader.LoadAsync(SampleMart.Build("run-one"), TestContext.Ct);
        var second = SampleMart.Build("run-two");
        await loader.LoadAsync(second, TestContext.Ct);

        await using var db = new SqlConnection(connection);
        await db.OpenAsync(TestContext.Ct);
        await using var cmd = new SqlCommand("SELECT COUNT(*), COUNT(DISTINCT run_id), SUM(difference_amount) FROM mart.fact_cashflow", db);
        await using var reader = await cmd.ExecuteReaderAsync(TestContext.Ct);
        Assert.True(await reader.ReadAsync(TestContext.Ct));
        Assert.Equal(second[MartSchema.FactCashflow.Name].Rows.Count, reader.GetInt32(0));
        Assert.Equal(1, reader.GetInt32(1));
        Assert.Equal(second[MartSchema.FactCashflow.Name].Column("difference_amount").Cast<decimal>().Sum(), reader.GetDecimal(2));
        await reader.CloseAsync();
        await using var manifests = new SqlCommand("SELECT COUNT(*) FROM mart.run_manifest WHERE run_id IN ('run-one', 'run-two')", db);
        Assert.Equal(2, (int)(await manifests.ExecuteScalarAsync(TestContext.Ct))!);
    }
}
