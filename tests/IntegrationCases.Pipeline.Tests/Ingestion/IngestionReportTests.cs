using System.Text.Json;
using IntegrationCases.Pipeline.Ingestion;

namespace IntegrationCases.Pipeline.Tests.Ingestion;

public sealed class IngestionReportTests
{
    [Fact]
    public async Task The_JSON_report_lists_file_row_column_value_and_message_and_counts_all_errors()
    {
        var rows = string.Concat(Enumerable.Range(0, 30).Select(i => $"{101 + i};2025;-{i + 1}\n"));
        var outcome = await Ingest.Text("dst/FOLK1A/bad.csv", "OMRÅDE;TID;INDHOLD\n" + rows);

        using var json = JsonDocument.Parse(IngestionReport.ToJson(outcome, maxIssues: 10));
        var root = json.RootElement;
        Assert.Equal("dst/FOLK1A/bad.csv", root.GetProperty("file").GetString());
        Assert.False(root.GetProperty("accepted").GetBoolean());
        Assert.True(root.GetProperty("errorCount").GetInt64() >= 1);
        var first = root.GetProperty("errors")[0];
        Assert.Equal(2, first.GetProperty("row").GetInt64());
        Assert.Equal("INDHOLD", first.GetProperty("column").GetString());
        Assert.Equal("-1", first.GetProperty("value").GetString());
        Assert.Contains("negativt", first.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("dst/FOLK1A/bad.csv", first.GetProperty("file").GetString());
    }

    [Fact]
    public async Task The_text_summary_is_Danish_and_says_how_many_errors_it_leaves_out()
    {
        var rows = string.Concat(Enumerable.Range(0, 30).Select(i => $"101;{2010 + i};-1\n"));
        var outcome = await Ingest.Text("dst/FOLK1A/bad.csv", "OMRÅDE;TID;INDHOLD\n" + rows);

        var text = IngestionReport.ToText(outcome, maxIssues: 5);

        Assert.Contains("Resultat: AFVIST. 30 fejl", text, StringComparison.Ordinal);
        Assert.Contains("Fejl (de første 5 af 30):", text, StringComparison.Ordinal);
        Assert.Contains("række 2, kolonne INDHOLD, værdi \"-1\": Et antal personer kan ikke være negativt.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_paths_sit_beside_the_kept_raw_file_under_rejected()
    {
        Assert.Equal("rejected/dst/INDOPH1/2025.csv", IngestionReport.RejectedPath("dst/INDOPH1/2025.csv"));
        Assert.Equal("rejected/dst/INDOPH1/2025.csv.errors.json", IngestionReport.ErrorsJsonPath("dst/INDOPH1/2025.csv"));
        Assert.Equal("rejected/dst/INDOPH1/2025.csv.errors.txt", IngestionReport.SummaryTextPath("./dst/INDOPH1/2025.csv"));
    }
}
