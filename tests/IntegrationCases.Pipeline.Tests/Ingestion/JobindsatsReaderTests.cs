using IntegrationCases.Pipeline.Ingestion;

namespace IntegrationCases.Pipeline.Tests.Ingestion;

public sealed class JobindsatsReaderTests
{
    private const string Y35Variables = """[{"Label":"Area"},{"Label":"Periode"},{"Label":"Alder"},{"Label":"Køn"},{"Label":"Visitationskategori"},{"Label":"Antal personer"},{"Label":"Antal fuldtidspersoner"}]""";

    private static string Response(string variables, params string[] rows) =>
        $$"""[{"Variables":{{variables}},"Data":[{{string.Join(",", rows)}}]}]""";

    [Fact]
    public async Task A_v2_response_with_municipality_names_is_classified_into_the_newly_arrived_cases()
    {
        var json = Response(Y35Variables,
            """["Aarhus","2025M01","30-39 år","Kvinder","Jobparat",10,8.5]""",
            """["Århus","2025M01","40 år og derover","Mænd","Jobparat",20,18]""",
            """["Aarhus","2025M01","16-29 år","Kvinder","Aktivitetsparat",6,"5,5"]""",
            """["Aarhus","2025M01","30-39 år","Mænd","Aktivitetsparat",4,3]""",
            """["Hele landet","2025M01","30-39 år","Mænd","Aktivitetsparat",4000,3000]""");

        var outcome = await Ingest.Text("jobindsats/Y35A02/2025.json", json);

        Assert.True(outcome.Accepted, Ingest.Describe(outcome));
        var byCase = outcome.Curated!.TargetGroupCounts.ToDictionary(c => c.TargetGroup, c => (c.MunicipalityCode, c.Period, c.FullTimePersons, c.Persons));
        Assert.Equal(("751", "2025M01", 26.5, (double?)30), byCase["NY-JOB-30"]);
        Assert.Equal(("751", "2025M01", 3.0, (double?)4), byCase["NY-AKT-30"]);
        Assert.Equal(("751", "2025M01", 5.5, (double?)6), byCase["NY-UNG"]);
        Assert.Equal(("751", "2025M01", 14.0, (double?)16), byCase["NY-KVINDER-40"]);
        Assert.Equal(("751", "2025M01", 8.5, (double?)10), byCase["IGU"]);
        Assert.All(outcome.Curated.TargetGroupCounts, c => Assert.Equal("Jobindsats Y35A02", c.Source));
    }

    [Fact]
    public async Task Kontanthjaelp_counts_only_non_Western_immigrants_over_30_by_readiness()
    {
        var json = Response("""[{"Label":"Area"},{"Label":"Periode"},{"Label":"Alder"},{"Label":"Oprindelse"},{"Label":"Visitationskategori"},{"Label":"Antal fuldtidspersoner"}]""",
            """["Odense","2025M03","30 år og derover","Indvandrere fra ikke-vestlige lande","Jobparat",12.5]""",
            """["Odense","2025M03","30 år og derover","Indvandrere fra ikke-vestlige lande","Aktivitetsparat",30]""",
            """["Odense","2025M03","30 år og derover","Personer med dansk oprindelse","Jobparat",100]""",
            """["Odense","2025M03","16-29 år","Indvandrere fra ikke-vestlige lande","Jobparat",7]""");

        var outcome = await Ingest.Text("jobindsats/Y36A02/2025.json", json);

        Assert.True(outcome.Accepted, Ingest.Describe(outcome));
        Assert.Equal([("KH-AKT-30", 30.0), ("KH-JOB-30", 12.5)],
            outcome.Curated!.TargetGroupCounts.Select(c => (c.TargetGroup, c.FullTimePersons!.Value)).ToList());
    }

    [Fact]
    public async Task Total_rows_are_skipped_where_a_dimension_has_details_so_nobody_counts_twice()
    {
        var json = Response(Y35Variables,
            """["Vejle","2025M02","30-39 år","Kvinder","Jobparat",10,10]""",
            """["Vejle","2025M02","30-39 år","Mænd","Jobparat",5,5]""",
            """["Vejle","2025M02","30-39 år","I alt","Jobparat",15,15]""");

        var outcome = await Ingest.Text("jobindsats/Y35A02/2025.json", json);

        Assert.True(outcome.Accepted, Ingest.Describe(outcome));
        Assert.Equal(15, outcome.Curated!.TargetGroupCounts.Single(c => c.TargetGroup == "NY-JOB-30").FullTimePersons);
    }

    [Fact]
    public async Task Age_bands_across_a_case_boundary_are_left_out_with_a_warning()
    {
        var json = Response(Y35Variables, """["Vejle","2025M02","25-34 år","Kvinder","Jobparat",10,10]""", """["Vejle","2025M02","35-44 år","Kvinder","Jobparat",4,4]""");

        var outcome = await Ingest.Text("jobindsats/Y35A02/2025.json", json);

        Assert.True(outcome.Accepted, Ingest.Describe(outcome));
        Assert.Equal(4, outcome.Curated!.TargetGroupCounts.Single(c => c.TargetGroup == "NY-JOB-30").FullTimePersons);
        Assert.Contains(outcome.Warnings, w => w.Value == "25-34 år" && w.Message.Contains("NY-JOB-30", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_response_without_a_readiness_dimension_warns_that_those_cases_cannot_be_counted()
    {
        var json = Response("""[{"Label":"Area"},{"Label":"Periode"},{"Label":"Alder"},{"Label":"Køn"},{"Label":"Antal fuldtidspersoner"}]""",
            """["Vejle","2025M02","16-29 år","Kvinder",3]""");

        var outcome = await Ingest.Text("jobindsats/Y35A02/2025.json", json);

        Assert.True(outcome.Accepted, Ingest.Describe(outcome));
        Assert.Equal(["NY-KVINDER-40", "NY-UNG"], outcome.Curated!.TargetGroupCounts.Select(c => c.TargetGroup));
        Assert.Contains(outcome.Warnings, w => w.Value == "NY-JOB-30" && w.Message.Contains("visitationskategori", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""["Atlantis","2025M01","30-39 år","Kvinder","Jobparat",1,1]""", 1, "Area", "Ukendt kommunenavn")]
    [InlineData("""["Vejle","2025K1","30-39 år","Kvinder","Jobparat",1,1]""", 1, "Periode", "måned")]
    [InlineData("""["Vejle","2025M01","30-39 år","Kvinder","Jobparat",-1,1]""", 1, "Antal personer", "negativt")]
    [InlineData("""["Vejle","2025M01","30-39 år","Kvinder","Jobparat",1,"1.234,5"]""", 1, "Antal fuldtidspersoner", "blander")]
    [InlineData("""["Vejle","2025M01","30-39 år","Kvinder","Jobparat",1,true]""", 1, "Antal fuldtidspersoner", "skal være et tal")]
    [InlineData("""["Vejle","2025M01","30-39 år","Kvinder"]""", 1, null, "7 værdier")]
    [InlineData("""["Vejle","2025M01",30,"Kvinder","Jobparat",1,1]""", 1, null, "tekst")]
    public async Task Bad_rows_name_the_row_and_variable(string row, long index, string? column, string message)
    {
        var outcome = await Ingest.Text("jobindsats/Y35A02/2025.json", Response(Y35Variables, row));

        Assert.False(outcome.Accepted);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal(index, error.Row);
        Assert.Equal(column, error.Column);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_duplicated_row_is_an_error()
    {
        var row = """["Vejle","2025M01","30-39 år","Kvinder","Jobparat",1,1]""";
        var outcome = await Ingest.Text("jobindsats/Y35A02/2025.json", Response(Y35Variables, row, row));
        Assert.False(outcome.Accepted);
        Assert.Contains(outcome.Errors, e => e.Row == 2 && e.Message.Contains("gentagelse af række 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Suppressed_values_are_null_and_reported_as_a_warning()
    {
        var outcome = await Ingest.Text("jobindsats/Y35A02/2025.json", Response(Y35Variables,
            """["Vejle","2025M01","30-39 år","Kvinder","Jobparat",null,null]""",
            """["Vejle","2025M01","30-39 år","Mænd","Jobparat","..",".."]"""));

        Assert.True(outcome.Accepted, Ingest.Describe(outcome));
        var job = outcome.Curated!.TargetGroupCounts.Single(c => c.TargetGroup == "NY-JOB-30");
        Assert.Null(job.FullTimePersons);
        Assert.Contains(outcome.Warnings, w => w.Message.Contains("2 rækker har ingen værdi", StringComparison.Ordinal));
    }
}
