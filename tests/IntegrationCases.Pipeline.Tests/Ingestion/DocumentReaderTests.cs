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
    public async Task Assumptions_without_participants_pass_the_engines_validation_with_a_placeholder_and_stay_without_participants()
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
