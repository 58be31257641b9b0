using DuckDB.NET.Data;
using IntegrationCases.Pipeline.Mart;
using IntegrationCases.Pipeline.Tests.Support;

namespace IntegrationCases.Pipeline.Tests.Mart;

/// <summary>The Parquet writer, read back by a second engine (DuckDB).</summary>
public sealed class MartParquetTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task DuckDB_reads_every_money_value_back_exactly_to_the_øre()
    {
        var mart = SampleMart.Build();
        await WriteAllAsync(mart);
        var source = mart[MartSchema.FactCashflow.Name];
        var expected = source.Rows.ToDictionary(
            r => $"{r[1]}|{r[2]}|{r[3]}|{r[4]}|{r[6]}",
            r => ((decimal)r[7]!, (decimal)r[8]!, (decimal)r[9]!));

        using var db = Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = $"SELECT scenario_id, municipality_code, case_id, year, line_code, baseline_amount, investment_amount, difference_amount FROM read_parquet('{File("fact_cashflow")}')";
        using var reader = cmd.ExecuteReader();
        var seen = 0;
        while (reader.Read())
        {
            var key = $"{reader.GetString(0)}|{reader.GetString(1)}|{reader.GetString(2)}|{reader.GetInt32(3)}|{reader.GetString(4)}";
            Assert.Equal(expected[key], (reader.GetDecimal(5), reader.GetDecimal(6), reader.GetDecimal(7)));
            seen++;
        }

        Assert.Equal(expected.Count, seen);
    }

    [Fact]
    public async Task Column_types_are_decimal_18_2_for_money_integers_for_years_and_dates_for_months()
    {
        await WriteAllAsync(SampleMart.Build());
        using var db = Open();
        var types = Query(db, $"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('{File("fact_cashflow")}'))")
            .ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
        Assert.Equal("DECIMAL(18,2)", types["baseline_amount"]);
        Assert.Equal("DECIMAL(18,2)", types["difference_amount"]);
        Assert.Equal("INTEGER", types["year"]);
        Assert.Equal("DATE", types["first_month"]);
        Assert.Equal("VARCHAR", types["municipality_code"]);
        var result = Query(db, $"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('{File("fact_case_result")}'))")
            .ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
        Assert.Equal("DECIMAL(18,2)", result["npv"]);
        Assert.Equal("DOUBLE", result["participants"]);
        Assert.Equal("INTEGER", result["payback_month"]);
        var manifest = Query(db, $"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('{File("run_manifest")}'))")
            .ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
        Assert.StartsWith("TIMESTAMP", manifest["started_utc"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_fact_key_joins_its_dimension()
    {
        await WriteAllAsync(SampleMart.Build());
        using var db = Open();
        foreach (var (fact, column, dim) in new[]
                 {
                     ("fact_cashflow", "municipality_code", "dim_municipality"), ("fact_cashflow", "case_id", "dim_case"),
                     ("fact_cashflow", "line_code", "dim_line_item"), ("fact_cashflow", "scenario_id", "dim_scenario"),
                     ("fact_case_result", "municipality_code", "dim_municipality"), ("fact_case_result", "case_id", "dim_case"),
                     ("fact_case_result", "scenario_id", "dim_scenario"), ("fact_self_supporting", "case_id", "dim_case"),
                     ("fact_target_group", "municipality_code", "dim_municipality"), ("fact_cashflow", "run_id", "run_manifest"),
                     ("fact_uncertainty", "municipality_code", "dim_municipality"), ("fact_uncertainty", "case_id", "dim_case"),
                     ("fact_uncertainty", "scenario_id", "dim_scenario"), ("fact_uncertainty", "run_id", "run_manifest"),
                     ("dim_scenario_intake", "scenario_id", "dim_scenario"), ("dim_scenario_intake", "municipality_code", "dim_municipality"),
                     ("dim_scenario_intake", "case_id", "dim_case"),
                 })
        {
            var orphans = Query(db, $"SELECT count(*) FROM read_parquet('{File(fact)}') f ANTI JOIN read_parquet('{File(dim)}') d USING ({column})");
            Assert.True(0L == Convert.ToInt64(orphans[0][0], System.Globalization.CultureInfo.InvariantCulture), $"{fact}.{column} has rows without {dim}");
        }

        var rows = Query(db, $"SELECT count(*) FROM read_parquet('{File("dim_municipality")}')");
        Assert.Equal(98L, Convert.ToInt64(rows[0][0], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Nulls_stay_null_and_kpis_read_back_exactly()
    {
        var mart = SampleMart.Build();
        await WriteAllAsync(mart);
        using var db = Open();
        var rows = Query(db, $"SELECT scenario_id, municipality_code, case_id, npv, return_per_krone, payback_month, break_even_effect_multiplier FROM read_parquet('{File("fact_case_result")}') ORDER BY 1, 2, 3");
        var source = mart[MartSchema.FactCaseResult.Name].Rows;
        Assert.Equal(source.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal((string)source[i][1]!, rows[i][0]);
            Assert.Equal((decimal)source[i][7]!, rows[i][3]);
            Assert.Equal((double?)source[i][8], rows[i][4] as double?);
            Assert.Equal((int?)source[i][9], rows[i][5] as int?);
            Assert.Null(rows[i][6]);
        }

        var groups = Query(db, $"SELECT full_time_persons, persons FROM read_parquet('{File("fact_target_group")}') WHERE municipality_code = '101'");
        Assert.Null(groups.Single()[0]);
        Assert.Equal(2000.0, groups.Single()[1]);
    }

    [Fact]
    public async Task Every_dated_unit_price_of_the_store_reads_back_with_its_source_and_estimate_flag()
    {
        var store = IntegrationCases.Engine.Parameters.ParameterStore.Default;
        await WriteAllAsync(SampleMart.Build());
        using var db = Open();
        var rows = Query(db, $"SELECT parameter_id, CAST(valid_from AS VARCHAR), value, unit, source, is_estimate, run_id FROM read_parquet('{File("dim_parameter")}') ORDER BY 1, 2");
        var expected = store.Series.SelectMany(s => s.Values).ToList();
        Assert.Equal(expected.Count, rows.Count);
        Assert.All(rows, r => Assert.Equal("0123456789abcdef", r[6]));
        foreach (var value in expected)
        {
            var row = rows.Single(r => (string)r[0]! == value.Id && (string)r[1]! == value.ValidFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(value.Value, (double)row[2]!);
            Assert.Equal(value.Source, row[4]);
            Assert.Equal(value.IsEstimate ? 1 : 0, Convert.ToInt32(row[5], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task The_uncertainty_of_each_case_reads_back_exactly_with_its_percentiles_shares_draws_and_seed()
    {
        var source = SampleMart.Uncertainty();
        await WriteAllAsync(SampleMart.Build());
        using var db = Open();
        var types = Query(db, $"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('{File("fact_uncertainty")}'))")
            .ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
        Assert.Equal("DECIMAL(18,2)", types["net_effect_p50"]);
        Assert.Equal("DOUBLE", types["probability_net_positive"]);
        Assert.Equal("INTEGER", types["draws"]);
        Assert.Equal("VARCHAR", types["seed"]);
        var rows = Query(db, "SELECT municipality_code, case_id, net_effect_p5, net_effect_p10, net_effect_p50, net_effect_p90, net_effect_p95, net_effect_mean, " +
            $"npv_p10, npv_p90, probability_net_positive, payback_within_horizon_share, draws, seed, scenario_id FROM read_parquet('{File("fact_uncertainty")}')");
        Assert.Equal(source.Count, rows.Count);
        foreach (var u in source)
        {
            var row = rows.Single(r => (string)r[0]! == u.MunicipalityCode && (string)r[1]! == u.CaseId);
            var net = u.MonteCarlo.NetEffectTotal;
            Assert.Equal([net.P5, net.P10, net.P50, net.P90, net.P95, net.Mean], row[2..8].Cast<decimal>());
            Assert.Equal(u.MonteCarlo.Npv.P10, row[8]);
            Assert.Equal(u.MonteCarlo.Npv.P90, row[9]);
            Assert.Equal(u.MonteCarlo.ProbabilityNetPositive, row[10]);
            Assert.Equal(u.MonteCarlo.PaybackWithinHorizonShare, row[11]);
            Assert.Equal(u.MonteCarlo.Draws, row[12]);
            Assert.Equal("1", row[13]);
            Assert.Equal(u.ScenarioId, row[14]);
        }
    }

    [Fact]
    public async Task SQL_over_the_parquet_finds_the_plans_and_the_persons_starting_in_each_year()
    {
        await WriteAllAsync(SampleMart.Build());
        using var db = Open();

        var plans = Query(db, $"""
            SELECT s.scenario_id, i.year, CAST(i.first_month AS VARCHAR), i.cohorts, i.persons
            FROM read_parquet('{File("dim_scenario")}') s JOIN read_parquet('{File("dim_scenario_intake")}') i USING (scenario_id)
            WHERE s.is_plan = 1 ORDER BY i.year
            """);
        Assert.Equal(
            [("municipal-851-mentor", 1, "2026-01-01", 2, 30.0), ("municipal-851-mentor", 2, "2027-01-01", 1, 10.0)],
            plans.Select(r => ((string)r[0]!, (int)r[1]!, (string)r[2]!, (int)r[3]!, (double)r[4]!)));

        // Not a plan: the standard scenario's one cohort per municipality and case, in year 1 with the participants.
        var standard = Query(db, $"""
            SELECT s.is_plan, count(*), sum(i.persons), max(i.year)
            FROM read_parquet('{File("dim_scenario")}') s JOIN read_parquet('{File("dim_scenario_intake")}') i USING (scenario_id)
            WHERE s.scenario_id = 'standard' GROUP BY s.is_plan
            """);
        Assert.Equal((0, 6L, 3 * (12.5 + 13.5), 1), ((int)standard[0][0]!, Convert.ToInt64(standard[0][1], System.Globalization.CultureInfo.InvariantCulture), (double)standard[0][2]!, (int)standard[0][3]!));
    }

    [Fact]
    public async Task The_same_rows_give_the_same_bytes()
    {
        var first = await MartParquetWriter.WriteAsync(SampleMart.Build()[MartSchema.FactCashflow.Name], TestContext.Ct);
        var second = await MartParquetWriter.WriteAsync(SampleMart.Build()[MartSchema.FactCashflow.Name], TestContext.Ct);
        Assert.Equal(first, second);
    }

    [Fact]
    public void A_money_value_with_more_than_two_decimals_is_refused_naming_table_row_and_column()
    {
        var table = MartSchema.FactCaseResult;
        object?[] row = ["r", "standard", "851", "NY-JOB-30", 1.0, 1.005m, 0m, 0m, null, null, null, 0.0];
        var e = Assert.Throws<ArgumentException>(() => new MartTableData(table, [row]));
        Assert.Contains("fact_case_result row 0: investment_total", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_are_sorted_by_key_whatever_order_the_results_came_in()
    {
        var rows = SampleMart.Build()[MartSchema.FactCashflow.Name].Rows;
        var keys = rows.Select(r => $"{r[1]}\u0001{r[2]}\u0001{r[3]}\u0001{(int)r[4]!:D2}\u0001{r[6]}").ToList();
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
    }

    private string File(string table) => Path.Combine(_folder.Path, table + ".parquet");

    private async Task WriteAllAsync(MartDataSet mart)
    {
        foreach (var table in mart.Tables)
        {
            await System.IO.File.WriteAllBytesAsync(File(table.Table.Name), await MartParquetWriter.WriteAsync(table, TestContext.Ct), TestContext.Ct);
        }
    }

    private static DuckDBConnection Open()
    {
        var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        return db;
    }

    private static List<object?[]> Query(DuckDBConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }
}
