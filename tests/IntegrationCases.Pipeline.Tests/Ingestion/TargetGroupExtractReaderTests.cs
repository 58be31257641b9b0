using IntegrationCases.Pipeline.Ingestion;

namespace IntegrationCases.Pipeline.Tests.Ingestion;

public sealed class TargetGroupExtractReaderTests
{
    private const string Template = """
        # Kommunens egne målgruppetal (skabelon i docs/data-formats.md)
        kommunekode;case_id;periode;fuldtidspersoner;personer;kilde
        851;NY-JOB-30;2025;41,5;52;Jobcenter Aalborg
        851;IGU;2025M06;12;;
        """;

    [Fact]
    public async Task The_documented_template_is_accepted_with_its_comment_line()
    {
        var outcome = await Ingest.Text("target-groups/aalborg.csv", Template);

        Assert.True(outcome.Accepted, Ingest.Describe(outcome));
        Assert.Equal(
            [("851", "IGU", "2025M06", 12.0, (double?)null, "Kommunens eget udtræk"), ("851", "NY-JOB-30", "2025", 41.5, 52.0, "Kommunens eget udtræk: Jobcenter Aalborg")],
            outcome.Curated!.TargetGroupCounts.Select(c => (c.MunicipalityCode, c.TargetGroup, c.Period, c.FullTimePersons!.Value, c.Persons, c.Source)).ToList());
        Assert.Equal(3, outcome.Curated.TargetGroupCounts.Single(c => c.TargetGroup == "NY-JOB-30").Lineage.Row);
    }

    [Theory]
    [InlineData("851;NY-JOB;2025;4;4;", "case_id", "NY-JOB", "Ukendt case")]
    [InlineData("Aalborg;NY-JOB-30;2025;4;4;", "kommunekode", "Aalborg", "tre-cifrede kode")]
    [InlineData("411;NY-JOB-30;2025;4;4;", "kommunekode", "411", "Ukendt kommunekode")]
    [InlineData("851;NY-JOB-30;2025;4.5;4;", "fuldtidspersoner", "4.5", "decimalkomma")]
    [InlineData("851;NY-JOB-30;2025;-4;4;", "fuldtidspersoner", "-4", "negativt")]
    [InlineData("851;NY-JOB-30;25;4;4;", "periode", "25", "Perioden")]
    public async Task Bad_rows_are_rejected_with_column_and_value(string row, string column, string value, string message)
    {
        var outcome = await Ingest.Text("target-groups/x.csv", "kommunekode;case_id;periode;fuldtidspersoner;personer;kilde\n" + row + "\n");

        Assert.False(outcome.Accepted);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal((2L, column, value), (error.Row!.Value, error.Column, error.Value));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_municipality_case_and_period_twice_is_an_error()
    {
        var outcome = await Ingest.Text("target-groups/x.csv", "kommunekode;case_id;periode;fuldtidspersoner\n851;IGU;2025;1\n851;IGU;2025;2\n");
        Assert.False(outcome.Accepted);
        Assert.Contains("række 2", Assert.Single(outcome.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_column_is_an_error_that_lists_the_columns()
    {
        var outcome = await Ingest.Text("target-groups/x.csv", "kommunekode;case_id;periode;fuldtidspersoner;antal\n851;IGU;2025;1;1\n");
        Assert.False(outcome.Accepted);
        Assert.Contains("kommunekode;case_id;periode", Assert.Single(outcome.Errors).Message, StringComparison.Ordinal);
    }
}
