using System.Text;
using IntegrationCases.Pipeline.Ingestion;

namespace IntegrationCases.Pipeline.Tests.Ingestion;

public sealed class DstReaderTests
{
    [Fact]
    public async Task An_INDOPH1_CSV_with_a_BOM_and_codes_gives_refugees_and_family_reunified_per_municipality()
    {
        var outcome = await Ingest.Text("dst/INDOPH1/2025.csv", """
            OMRÅDE;OPHGR1;TID;INDHOLD
            000;13;2025;62755
            084;13;2025;20000
            101;0;2025;90000
            101;13;2025;7120
            101;14;2025;2301
            101;15;2025;5000
            851;13;2025;1510
            851;14;2025;..
            411;13;2025;0

            """, bom: true);

        Assert.True(outcome.Accepted, Ingest.Describe(outcome));
        Assert.Equal("dst/INDOPH1", outcome.Kind);
        var counts = outcome.Curated!.TargetGroupCounts;
        Assert.Equal(
            [("101", "familiesammenfoerte_til_flygtninge", 2301.0), ("101", "flygtninge", 7120.0), ("851", "familiesammenfoerte_til_flygtninge", (double?)null), ("851", "flygtninge", 1510.0)],
            counts.Select(c => (c.MunicipalityCode, c.TargetGroup, c.Persons)).ToList());
        Assert.All(counts, c => Assert.Equal("2025", c.Period));
        Assert.All(counts, c => Assert.Equal("DST INDOPH1", c.Source));
        Assert.Equal(new Lineage("dst/INDOPH1/2025.csv", outcome.ContentHash, 5), counts[1].Lineage);
        Assert.Contains(outcome.Warnings, w => w.Row == 9 && w.Value == ".." && w.Column == "INDHOLD");
        Assert.Contains(outcome.Warnings, w => w.Message.Contains("96 kommuner mangler", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_content_hash_is_the_SHA256_of_the_bytes()
    {
        var bytes = Encoding.UTF8.GetBytes("OMRÅDE;TID;INDHOLD\n101;2025;1\n");
        var outcome = await Ingest.Bytes("dst/FOLK1A/x.csv", bytes);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), outcome.ContentHash);
    }

    [Fact]
    public async Task A_FOLK1A_CSV_with_Danish_labels_reads_municipality_names_and_uses_the_total_rows()
    {
        // As the API answers without valuePresentation=Code (data-sources.md 1.3, example 2).
        var outcome = await Ingest.Text("dst/FOLK1A/2020K1.csv", """
            OMRÅDE;KØN;ALDER;CIVILSTAND;TID;INDHOLD
            København;I alt;I alt;Gift/separeret;2020K1;128556
            København;I alt;I alt;Ugift;2020K1;412512
            København;I alt;I alt;I alt;2020K1;632340
            Århus;I alt;I alt;I alt;2020K1;349983
            Hele landet;I alt;I alt;I alt;2020K1;5822763

            """, bom: true);

        Assert.True(outcome.Accepted, Ingest.Describe(outcome));
        Assert.Equal([("101", "2020K1", 632340.0), ("751", "2020K1", 349983.0)],
            outcome.Curated!.Population.Select(p => (p.MunicipalityCode, p.Period, p.Persons)).ToList());
    }

    [Fact]
    public async Task A_BULK_extract_without_BOM_and_without_totals_is_summed_over_every_combination()
    {
        var outcome = await Ingest.Text("dst/FOLK1AM/2024M05.csv", """
            OMRÅDE;KØN;ALDER;TID;INDHOLD
            101;1;0;2024M05;3000
            101;2;0;2024M05;2900
            101;1;1;2024M05;2800
            101;2;1;2024M05;2700
            147;1;0;2024M05;500

            """);

        Assert.True(outcome.Accepted, Ingest.Describe(outcome));
        Assert.Equal([("101", 11400.0), ("147", 500.0)], outcome.Curated!.Population.Select(p => (p.MunicipalityCode, p.Persons)).ToList());
    }

    [Fact]
    public async Task PSKAT_rates_with_a_decimal_comma_become_fractions_per_year_and_church_tax_is_skipped()
    {
        var outcome = await Ingest.Text("dst/PSKAT/2026.csv", """
            OMRÅDE;SKATTYPE;TID;INDHOLD
            000;KOMSKAT;2026;25,05
            101;KOMSKAT;2026;23,40
            101;KIRKESKAT;2026;0,80
            851;KOMSKAT;2025;26,3

            """, bom: true);

        Assert.True(outcome.Accepted, Ingest.Describe(outcome));
        Assert.Equal([("101", 2026, 0.234), ("851", 2025, 0.263)],
            outcome.Curated!.TaxRates.Select(r => (r.MunicipalityCode, r.Year, Math.Round(r.Rate, 6))).ToList());
    }

    [Theory]
    [InlineData("2024K1", "2024K1")]
    [InlineData("2007Q1", "2007K1")]
    [InlineData("2024M05", "2024M05")]
    [InlineData("2025", "2025")]
    public async Task Time_codes_are_read_and_English_quarters_normalised(string code, string expected)
    {
        var outcome = await Ingest.Text("dst/FOLK1A/x.csv", $"OMRÅDE;TID;INDHOLD\n101;{code};10\n");
        Assert.True(outcome.Accepted, Ingest.Describe(outcome));
        Assert.Equal(expected, outcome.Curated!.Population.Single().Period);
    }

    [Fact]
    public async Task Columns_are_found_by_name_whatever_their_order()
    {
        var outcome = await Ingest.Text("dst/INDOPH3/x.csv", "TID;INDHOLD;OPHGR2;OMRÅDE\n2025;40;13;147\n");
        Assert.True(outcome.Accepted, Ingest.Describe(outcome));
        Assert.Equal(("147", 40.0), (outcome.Curated!.TargetGroupCounts.Single().MunicipalityCode, outcome.Curated.TargetGroupCounts.Single().Persons!.Value));
    }

    [Fact]
    public async Task A_Windows_1252_file_is_read_with_a_warning_and_its_names_come_out_right()
    {
        var bytes = Ingestor.Windows1252.GetBytes("OMRÅDE;TID;INDHOLD\nKøbenhavn;2025;600000\nAabenraa;2025;59000\n");
        var outcome = await Ingest.Bytes("dst/FOLK1A/x.csv", bytes);
        Assert.True(outcome.Accepted, Ingest.Describe(outcome));
        Assert.Equal(["101", "580"], outcome.Curated!.Population.Select(p => p.MunicipalityCode));
        Assert.Contains(outcome.Warnings, w => w.Message.Contains("Windows-1252", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_million_errors_are_counted_but_only_the_cap_is_kept()
    {
        var sb = new StringBuilder("OMRÅDE;TID;INDHOLD\n");
        for (var i = 0; i < 5000; i++)
        {
            sb.Append("101;2025;-1\n");
        }

        var outcome = await Ingest.Text("dst/FOLK1A/x.csv", sb.ToString(), context: new IngestionContext { MaxReportedIssues = 100 });
        Assert.False(outcome.Accepted);
        Assert.Equal(100, outcome.Errors.Count);
        Assert.True(outcome.ErrorCount >= 5000);
    }
}
