using DuckDB.NET.Data;
using IntegrationCases.Pipeline.Ingestion;

namespace IntegrationCases.Pipeline.Tests.Ingestion;

public sealed class CuratedParquetTests
{
    private static async Task<CuratedData> Curated(string path, string text)
    {
        var outcome = await Ingest.Text(path, text);
        Assert.True(outcome.Accepted, Ingest.Describe(outcome));
        return outcome.Curated!;
    }

    private static async Task<byte[]> Write(CuratedData data)
    {
        using var stream = new MemoryStream();
        await CuratedParquet.WriteAsync(data, stream, CancellationToken.None);
        return stream.ToArray();
    }

    [Fact]
    public async Task Curated_rows_round_trip_through_Parquet_with_their_lineage()
    {
        var counts = await Curated("dst/INDOPH1/2025.csv", "OMRÅDE;OPHGR1;TID;INDHOLD\n101;13;2025;7120\n851;14;2025;..\n");
        var rates = await Curated("dst/PSKAT/2026.csv", "OMRÅDE;TID;INDHOLD\n101;2026;23,4\n");
        var people = await Curated("dst/FOLK1AM/x.csv", "OMRÅDE;TID;INDHOLD\n101;2025M01;650000\n");
        var assumption = await Curated("assumptions/851/mentor.json", """{ "caseId": "NY-JOB-30", "participants": 25 }""");
        var all = new CuratedData(counts.TargetGroupCounts, rates.TaxRates, people.Population, assumption.Assumptions, null)
        {
            Documents = assumption.Documents,
        };

        using var stream = new MemoryStream(await Write(all));
        var back = await CuratedParquet.ReadAsync(stream, CancellationToken.None);

        Assert.Equal(all.TargetGroupCounts, back.TargetGroupCounts);
        Assert.Equal(all.TaxRates, back.TaxRates);
        Assert.Equal(all.Population, back.Population);
        Assert.Equal(all.Documents, back.Documents);
        Assert.Equal(all.Assumptions.Single().Scenario, back.Assumptions.Single().Scenario);
        Assert.Equal(all.Assumptions.Single().Lineage, back.Assumptions.Single().Lineage);
    }

    [Fact]
    public async Task Unit_price_overrides_are_parsed_again_when_read_back()
    {
        var prices = await Curated("unit-prices/2026.json", """{"id":"grundtilskud.maaned","description":"d","unit":"kr. pr. måned","values":[{"validFrom":"2026-01-01","value":3300,"source":"s","estimate":true}]}""");
        using var stream = new MemoryStream(await Write(prices));
        var back = await CuratedParquet.ReadAsync(stream, CancellationToken.None);
        Assert.Equal(prices.UnitPriceOverrides!.ContentHash, back.UnitPriceOverrides!.ContentHash);
    }

    [Fact]
    public async Task The_same_input_gives_the_same_bytes()
    {
        var text = "OMRÅDE;OPHGR1;TID;INDHOLD\n101;13;2025;7120\n147;13;2025;40\n";
        var first = await Write(await Curated("dst/INDOPH1/2025.csv", text));
        var second = await Write(await Curated("dst/INDOPH1/2025.csv", text));
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task DuckDB_reads_the_curated_file_as_a_second_Parquet_reader()
    {
        var data = await Curated("dst/INDOPH1/2025.csv", "OMRÅDE;OPHGR1;TID;INDHOLD\n101;13;2025;7120\n851;14;2025;..\n");
        var file = Path.Combine(Path.GetTempPath(), $"curated-{Guid.NewGuid():N}.parquet");
        try
        {
            await File.WriteAllBytesAsync(file, await Write(data));
            using var connection = new DuckDBConnection("DataSource=:memory:");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT record_type, municipality_code, target_group, period, persons, source_path, row FROM read_parquet('{file}') ORDER BY municipality_code";
            using var reader = command.ExecuteReader();
            var rows = new List<(string, string, string, string, double?, string, long)>();
            while (reader.Read())
            {
                rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetDouble(4), reader.GetString(5), reader.GetInt64(6)));
            }

            Assert.Equal(
                [("target_group", "101", "flygtninge", "2025", 7120.0, "dst/INDOPH1/2025.csv", 2L), ("target_group", "851", "familiesammenfoerte_til_flygtninge", "2025", (double?)null, "dst/INDOPH1/2025.csv", 3L)],
                rows);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void The_curated_path_mirrors_the_input_path()
    {
        Assert.Equal("curated/dst/INDOPH1/2025.parquet", CuratedParquet.CuratedPath("dst/INDOPH1/2025.csv"));
        Assert.Equal("curated/assumptions/851/mentor.parquet", CuratedParquet.CuratedPath("assumptions/851/mentor.json"));
    }
}
