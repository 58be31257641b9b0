using IntegrationCases.Engine.Scenarios;
using IntegrationCases.Pipeline.Ingestion;

namespace IntegrationCases.Pipeline.Tests.Ingestion;

public sealed class DocumentReaderTests
{
    private const string Override = """
        {
          "id": "grundtilskud.maaned",
          "description": "Grundtilskud pr. person pr. måned",
          "unit": "kr. pr. måned",
          "values": [ { "validFrom": "2026-01-01", "value": 3300, "source": "Testkilde", "estimate": true } ]
        }
        """;

    [Fact]
    public async Task A_unit_price_override_is_read_by_the_engine_and_kept_verbatim()
    {
        var outcome = await Ingest.Text("unit-prices/2026.json", Override);

        Assert.True(outcome.Accepted, Ingest.Describe(outcome));
        var store = outcome.Curated!.UnitPriceOverrides!;
        Assert.Equal(3300, store.ValueAt("grundtilskud.maaned", new DateOnly(2026, 3, 1))!.Value);
        Assert.Equal(Override, Assert.Single(outcome.Curated.Documents).Json);
    }

    [Fact]
    public async Task A_unit_price_override_the_engine_refuses_names_the_JSON_path()
    {
        var outcome = await Ingest.Text("unit-prices/2026.json", Override.Replace("\"value\": 3300", "\"value\": \"mange\"", StringComparison.Ordinal));

        Assert.False(outcome.Accepted);
        var error = Assert.Single(outcome.Errors);
        Assert.NotNull(error.Column);
        Assert.Contains("$", error.Column, StringComparison.Ordinal);
        Assert.StartsWith("Enhedspriserne kan ikke bruges", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assumptions_get_the_municipality_from_the_folder()
    {
        var outcome = await Ingest.Text("assumptions/851/mentor.json", """{ "caseId": "NY-JOB-30", "participants": 25 }""");

        Assert.True(outcome.Accepted, Ingest.Describe(outcome));
        var assumption = Assert.Single(outcome.Curated!.Assumptions);
        Assert.Equal(("851", "mentor", "851", "NY-JOB-30", 25.0), (assumption.MunicipalityCode, assumption.Name, assumption.Scenario.MunicipalityCode, assumption.Scenario.CaseId, assumption.Scenario.Participants!.Value));
    }

    [Fact]
    public async Task Assumptions_the_scenario_reader_refuses_become_errors_with_the_field_path()
    {
        var outcome = await Ingest.Text("assumptions/851/bad.json", """{ "caseId": "NY-JOB-30", "horizonYears": "fem" }""");

        Assert.False(outcome.Accepted);
        Assert.Contains(outcome.Errors, e => e.Column == "horizonYears");
    }

    [Fact]
    public async Task Assumptions_the_engine_refuses_are_rejected_at_ingestion_with_the_engines_field_path_and_message()
    {
        // IGU has a two-year horizon: five trajectory values is the bug the sample generator once had.
        var outcome = await Ingest.Text("assumptions/101/igu.json", """
            { "caseId": "IGU", "participants": 40, "investment": { "extraSelfSupportShareByYear": [0.06, 0.09, 0.09, 0.08, 0.07] } }
            """);

        Assert.False(outcome.Accepted);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal("investment.extraSelfSupportShareByYear", error.Column);
        Assert.Contains("5 værdier", error.Message, StringComparison.Ordinal);
        Assert.Null(outcome.Curated);
    }

    [Fact]
    public async Task An_assumptions_file_with_an_intake_plan_is_validated_as_a_plan_and_kept_as_one()
    {
        var outcome = await Ingest.Text("assumptions/851/tilgang.json", """
            { "caseId": "NY-JOB-30", "startDate": "2027-01-01",
              "cohorts": [ { "startDate": "2027-01-01", "participants": 40 }, { "startDate": "2028-01-01", "participants": 35 } ] }
            """);

        Assert.True(outcome.Accepted, Ingest.Describe(outcome));
        var scenario = Assert.Single(outcome.Curated!.Assumptions).Scenario;
        Assert.Null(scenario.Participants);
        Assert.Equal([new(new DateOnly(2027, 1, 1), 40), new(new DateOnly(2028, 1, 1), 35)], scenario.Cohorts!);
    }

    [Theory]
    [InlineData("""{ "startDate": "2040-01-01", "participants": 35 }""", "cohorts[1].startDate", "2040-01-01")]
    [InlineData("""{ "startDate": "2028-01-15", "participants": 35 }""", "cohorts[1].startDate", "2028-01-15")]
    [InlineData("""{ "startDate": "2028-01-01", "participants": -35 }""", "cohorts[1].participants", "-35")]
    [InlineData("""{ "startDate": "2028-01-01", "participants": "mange" }""", "cohorts[1].participants", "mange")]
    [InlineData("""{ "startDate": "2028-01-01" }""", "cohorts[1].participants", null)]
    public async Task A_bad_cohort_is_reported_with_the_file_its_field_path_and_its_value(string secondCohort, string path, string? value)
    {
        var outcome = await Ingest.Text("assumptions/851/tilgang.json", $$"""
            { "caseId": "NY-JOB-30", "startDate": "2027-01-01",
              "cohorts": [ { "startDate": "2027-01-01", "participants": 40 }, {{secondCohort}} ] }
            """);

        Assert.False(outcome.Accepted);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal(("assumptions/851/tilgang.json", path, value), (error.File, error.Column, error.Value));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.Null(outcome.Curated);
    }

    [Fact]
    public async Task An_intake_plan_with_participants_as_well_is_refused_on_participants_with_its_value()
    {
        var outcome = await Ingest.Text("assumptions/851/tilgang.json", """
            { "caseId": "NY-JOB-30", "startDate": "2027-01-01", "participants": 25, "cohorts": [ { "startDate": "2027-01-01", "participants": 40 } ] }
            """);

        Assert.False(outcome.Accepted);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal(("participants", "25"), (error.Column, error.Value));
    }

    [Fact]
    public async Task An_intake_plan_without_its_own_start_date_is_refused_because_the_runs_start_moves_with_the_budget_year()
    {
        var outcome = await Ingest.Text("assumptions/851/tilgang.json", """
            { "caseId": "NY-JOB-30", "cohorts": [ { "startDate": "2028-01-01", "participants": 35 }, { "startDate": "2027-07-01", "participants": 40 } ] }
            """);

        Assert.False(outcome.Accepted);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal("startDate", error.Column);
        Assert.Contains("\"startDate\": \"2027-07-01\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_engine_error_on_a_trajectory_names_the_value_at_its_indexed_path()
    {
        var outcome = await Ingest.Text("assumptions/851/mentor.json", """
            { "caseId": "NY-JOB-30", "participants": 25, "baseline": { "selfSupportShareByYear": [0.1, 0.2, 1.5, 0.4, 0.5] } }
            """);

        Assert.False(outcome.Accepted);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal(("baseline.selfSupportShareByYear[2]", "1.5"), (error.Column, error.Value));
    }

    [Fact]
    public async Task Assumptions_without_participants_or_cohorts_are_validated_through_the_municipalitys_default_count_and_stay_without_participants()
    {
        var outcome = await Ingest.Text("assumptions/101/igu.json", """
            { "caseId": "IGU", "investment": { "extraSelfSupportShareByYear": [0.06, 0.09] } }
            """);

        Assert.True(outcome.Accepted, Ingest.Describe(outcome));
        Assert.Null(Assert.Single(outcome.Curated!.Assumptions).Scenario.Participants);
    }

    [Fact]
    public async Task Assumptions_that_name_a_municipality_themselves_are_refused()
    {
        var outcome = await Ingest.Text("assumptions/851/bad.json", """{ "municipalityCode": "101", "caseId": "NY-JOB-30" }""");
        Assert.False(outcome.Accepted);
        Assert.Contains(outcome.Errors, e => e.Column == "municipalityCode");
    }

    [Fact]
    public async Task A_forced_kind_overrides_the_path()
    {
        var outcome = await Ingest.Text("mine/prices.json", Override, context: new IngestionContext { ForcedKind = "unit-prices" });
        Assert.True(outcome.Accepted, Ingest.Describe(outcome));
        Assert.Equal("unit-prices", outcome.Kind);
    }
}
