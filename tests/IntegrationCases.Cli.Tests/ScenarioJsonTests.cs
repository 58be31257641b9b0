using System.Text;
using System.Text.Json;
using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Results;
using IntegrationCases.Engine.Scenarios;
using IntegrationCases.Pipeline.Scenarios;

namespace IntegrationCases.Cli.Tests;

/// <summary>The scenario codec of API.md (it lives in the Pipeline; the engine helper owns and tests it here).</summary>
public sealed class ScenarioJsonTests
{
    public const string FullScenario = """
        {
          "municipalityCode": "851",
          "caseId": "NY-JOB-30",
          "startDate": "2026-01-01",
          "horizonYears": 5,
          "discountRate": 0.0,
          "participants": 40.0,
          "targetGroup": {
            "benefitType": "integrationsydelse",
            "householdMix": { "forsoerger": 0.6, "ikke_forsoerger": 0.4 },
            "initialRefusionClockMonths": 0,
            "programmeEligible": true,
            "programmeMonthAtStart": 0
          },
          "jobLossMonthlyProbability": 0.015,
          "monthlyEarnings": 18000.0,
          "baseline":   { "selfSupportShareByYear": [0.10, 0.25, 0.35, 0.42, 0.47], "effortCostPerMonth": 2500.0, "effortReimbursementShare": 0.0 },
          "investment": { "extraSelfSupportShareByYear": [0.05, 0.08, 0.08, 0.07, 0.06], "oneOffCostPerParticipant": 0.0, "monthlyCostPerParticipant": 3000.0, "durationMonths": 12, "reimbursementShare": 0.0 },
          "inJobSupport": { "monthlyCost": 0.0, "durationMonths": 0 },
          "danishTest":   { "month": 18, "baselinePassShare": 0.0, "investmentPassShare": 0.0 },
          "prices": {
            "monthlyBenefit": 12000.0,
            "refusionShareByClockMonth": [0.8, 0.4, 0.4, 0.4, 0.4, 0.4, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.2],
            "grundtilskudMonthly": 3127.0,
            "resultattilskudHigh": 88817.0,
            "resultattilskudLow": 59210.0,
            "resultattilskudDanish": 37895.0,
            "bonusPerExtraPersonByYear": { "2017": 25000.0, "2018": 25000.0 },
            "personfradragAnnual": 49700.0,
            "amBidragRate": 0.08,
            "employmentAllowanceRate": 0.1065,
            "employmentAllowanceMaxAnnual": 45100.0,
            "kommuneskatRate": 0.25
          }
        }
        """;

    private static ScenarioParseOutcome Parse(string json) => ScenarioJson.Parse(Encoding.UTF8.GetBytes(json));

    private static ValidationError SingleError(string json)
    {
        var outcome = Parse(json);
        Assert.Null(outcome.Scenario);
        return Assert.Single(outcome.Errors);
    }

    [Fact]
    public void The_full_scenario_of_the_contract_is_read_field_by_field()
    {
        var outcome = Parse(FullScenario);
        Assert.Empty(outcome.Errors);
        var s = outcome.Scenario!;
        Assert.Equal("851", s.MunicipalityCode);
        Assert.Equal(new DateOnly(2026, 1, 1), s.StartDate);
        Assert.Equal(0.6, s.TargetGroup!.HouseholdMix!["forsoerger"]);
        Assert.Equal(0.47, s.Baseline!.SelfSupportShareByYear![4]);
        Assert.Equal(12, s.Investment!.DurationMonths);
        Assert.Equal(25000.0, s.Prices!.BonusPerExtraPersonByYear![2018]);
        Assert.Equal(13, s.Prices.RefusionShareByClockMonth!.Count);
        Assert.Equal(0.25, s.Prices.KommuneskatRate);
    }

    [Fact]
    public void A_minimal_scenario_leaves_every_default_to_the_engine()
    {
        var s = Parse("""{ "municipalityCode": "851", "caseId": "IGU" }""").Scenario!;
        Assert.Null(s.StartDate);
        Assert.Null(s.Participants);
        Assert.Null(s.Prices);
    }

    [Theory]
    [InlineData("""{ "municipalityCode": "851", "caseId": "IGU", "participnts": 4 }""", "participnts", "Ukendt felt")]
    [InlineData("""{ "municipalityCode": "851", "caseId": "IGU", "baseline": { "selfSupportShare": [0.1] } }""", "baseline.selfSupportShare", "Ukendt felt")]
    [InlineData("""{ "municipalityCode": "851", "caseId": "IGU", "prices": { "monthlybenefit": 1 } }""", "prices.monthlybenefit", "monthlyBenefit")]
    [InlineData("""{ "municipalityCode": 851, "caseId": "IGU" }""", "municipalityCode", "tallet 851")]
    [InlineData("""{ "caseId": "IGU" }""", "municipalityCode", "skal angives")]
    [InlineData("""{ "municipalityCode": "851", "caseId": "IGU", "horizonYears": "5" }""", "horizonYears", "teksten \"5\"")]
    [InlineData("""{ "municipalityCode": "851", "caseId": "IGU", "horizonYears": 2.5 }""", "horizonYears", "helt tal")]
    [InlineData("""{ "municipalityCode": "851", "caseId": "IGU", "startDate": "1/1/2026" }""", "startDate", "ÅÅÅÅ-MM-DD")]
    [InlineData("""{ "municipalityCode": "851", "caseId": "IGU", "baseline": { "selfSupportShareByYear": [0.1, 0.2, "x"] } }""", "baseline.selfSupportShareByYear[2]", "teksten")]
    [InlineData("""{ "municipalityCode": "851", "caseId": "IGU", "baseline": { "selfSupportShareByYear": [0.1, null] } }""", "baseline.selfSupportShareByYear[1]", "null")]
    [InlineData("""{ "municipalityCode": "851", "caseId": "IGU", "baseline": { "selfSupportShareByYear": 0.1 } }""", "baseline.selfSupportShareByYear", "liste")]
    [InlineData("""{ "municipalityCode": "851", "caseId": "IGU", "targetGroup": { "programmeEligible": "ja" } }""", "targetGroup.programmeEligible", "true eller false")]
    [InlineData("""{ "municipalityCode": "851", "caseId": "IGU", "targetGroup": { "householdMix": { "forsoerger": "1" } } }""", "targetGroup.householdMix.forsoerger", "teksten")]
    [InlineData("""{ "municipalityCode": "851", "caseId": "IGU", "prices": { "bonusPerExtraPersonByYear": { "sytten": 1 } } }""", "prices.bonusPerExtraPersonByYear.sytten", "årstal")]
    [InlineData("""{ "municipalityCode": "851", "caseId": "IGU", "participants": 1e400 }""", "participants", "for stort")]
    [InlineData("""{ "municipalityCode": "851", "caseId": "IGU", "participants": 1, "participants": 2 }""", "participants", "mere end én gang")]
    [InlineData("""{ "municipalityCode": "851", "caseId": "IGU", "investment": [] }""", "investment", "JSON-objekt")]
    [InlineData("""{ "municipalityCode": "851", "caseId": "IGU", "cohorts": { "startDate": "2027-01-01" } }""", "cohorts", "liste af hold")]
    [InlineData("""{ "municipalityCode": "851", "caseId": "IGU", "cohorts": [ 40 ] }""", "cohorts[0]", "tallet 40")]
    [InlineData("""{ "municipalityCode": "851", "caseId": "IGU", "cohorts": [ { "startDate": "2027-01-01", "participants": 40, "size": 3 } ] }""", "cohorts[0].size", "Ukendt felt")]
    [InlineData("""{ "municipalityCode": "851", "caseId": "IGU", "cohorts": [ { "startDate": "2027-01-01", "participants": 40 }, { "startDate": "2028-01-01" } ] }""", "cohorts[1].participants", "skal angives")]
    [InlineData("""{ "municipalityCode": "851", "caseId": "IGU", "cohorts": [ { "participants": 40 } ] }""", "cohorts[0].startDate", "skal angives")]
    [InlineData("""{ "municipalityCode": "851", "caseId": "IGU", "cohorts": [ { "startDate": "1.1.2027", "participants": 40 } ] }""", "cohorts[0].startDate", "ÅÅÅÅ-MM-DD")]
    [InlineData("""{ "municipalityCode": "851", "caseId": "IGU", "cohorts": [ { "startDate": "2027-01-01", "participants": "40" } ] }""", "cohorts[0].participants", "teksten")]
    public void A_wrong_field_is_rejected_with_its_path(string json, string path, string messagePart)
    {
        var error = SingleError(json);
        Assert.Equal(path, error.Path);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{")]
    [InlineData("""{ "municipalityCode": "851", "caseId": """)]
    [InlineData("""{ "municipalityCode": "851", } """)]
    [InlineData("[1, 2, 3]")]
    [InlineData("\"text\"")]
    [InlineData("{ /* comment */ }")]
    public void Malformed_or_truncated_json_is_one_error_on_the_whole_scenario(string json)
    {
        var error = SingleError(json);
        Assert.Equal("", error.Path);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Random_bytes_and_broken_utf8_never_throw()
    {
        var random = new Random(42);
        for (var i = 0; i < 500; i++)
        {
            var bytes = new byte[random.Next(0, 200)];
            random.NextBytes(bytes);
            var outcome = ScenarioJson.Parse(bytes);
            Assert.True(outcome.Scenario is not null || outcome.Errors.Count > 0);
        }

        var broken = Encoding.UTF8.GetBytes("""{ "municipalityCode": "8X1", "caseId": "IGU" }""");
        broken[22] = 0xFF;
        Assert.Equal("", Assert.Single(ScenarioJson.Parse(broken).Errors).Path);
    }

    [Fact]
    public void Deep_nesting_is_rejected_without_a_stack_overflow()
    {
        var json = new string('[', 10000) + new string(']', 10000);
        Assert.Equal("", SingleError(json).Path);
    }

    [Fact]
    public void A_byte_order_mark_and_twelve_point_zero_are_accepted()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("""{ "municipalityCode": "851", "caseId": "IGU", "horizonYears": 2.0, "startDate": null }""")).ToArray();
        var outcome = ScenarioJson.Parse(bytes);
        Assert.Empty(outcome.Errors);
        Assert.Equal(2, outcome.Scenario!.HorizonYears);
        Assert.Null(outcome.Scenario.StartDate);
    }

    [Fact]
    public void Several_errors_are_all_reported()
    {
        var outcome = Parse("""{ "municipalityCode": "851", "caseId": "IGU", "a": 1, "b": 2, "horizonYears": "x" }""");
        Assert.Equal(3, outcome.Errors.Count);
    }

    [Fact]
    public void Assumptions_take_the_municipality_from_the_caller()
    {
        var outcome = ScenarioJson.ParseAssumptions(Encoding.UTF8.GetBytes("""{ "caseId": "NY-UNG", "participants": 12 }"""), "101");
        Assert.Equal("101", outcome.Scenario!.MunicipalityCode);
        var same = ScenarioJson.ParseAssumptions(Encoding.UTF8.GetBytes("""{ "municipalityCode": "101", "caseId": "NY-UNG" }"""), "101");
        Assert.Empty(same.Errors);
        var other = ScenarioJson.ParseAssumptions(Encoding.UTF8.GetBytes("""{ "municipalityCode": "851", "caseId": "NY-UNG" }"""), "101");
        Assert.Equal("municipalityCode", Assert.Single(other.Errors).Path);
    }

    [Fact]
    public void An_intake_plan_is_read_cohort_by_cohort()
    {
        var outcome = Parse("""
            { "municipalityCode": "851", "caseId": "NY-JOB-30", "startDate": "2027-01-01",
              "cohorts": [ { "startDate": "2027-01-01", "participants": 40 }, { "startDate": "2028-01-01", "participants": 35.5 } ] }
            """);
        Assert.Empty(outcome.Errors);
        Assert.Null(outcome.Scenario!.Participants);
        Assert.Equal([new Cohort(new DateOnly(2027, 1, 1), 40), new Cohort(new DateOnly(2028, 1, 1), 35.5)], outcome.Scenario.Cohorts!);
    }

    [Fact]
    public void A_result_echoes_the_resolved_plan_sorted_by_start()
    {
        var scenario = Parse("""
            { "municipalityCode": "851", "caseId": "NY-JOB-30", "startDate": "2026-01-01",
              "cohorts": [ { "startDate": "2027-01-01", "participants": 35 }, { "startDate": "2026-01-01", "participants": 40 } ] }
            """).Scenario!;
        var outcome = ScenarioEvaluator.Evaluate(scenario, EvaluationContextFactory.Create(Engine.Parameters.ParameterStore.Default, new DateOnly(2027, 1, 1)));
        using var document = JsonDocument.Parse(ScenarioJson.SerializeResult(outcome.Result!));
        var cohorts = document.RootElement.GetProperty("cohorts");
        Assert.Equal(["2026-01-01", "2027-01-01"], cohorts.EnumerateArray().Select(c => c.GetProperty("startDate").GetString()));
        Assert.Equal([40.0, 35.0], cohorts.EnumerateArray().Select(c => c.GetProperty("participants").GetDouble()));
        Assert.Equal(["startDate", "participants"], cohorts[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void A_result_is_written_with_every_key_of_the_contract()
    {
        var scenario = Parse(FullScenario).Scenario!;
        var outcome = ScenarioEvaluator.Evaluate(scenario, EvaluationContextFactory.Create(Engine.Parameters.ParameterStore.Default, new DateOnly(2027, 1, 1)));
        using var document = JsonDocument.Parse(ScenarioJson.SerializeResult(outcome.Result!));
        var root = document.RootElement;
        Assert.Equal(["municipalityCode", "caseId", "startDate", "horizonYears", "currency", "cohorts", "years", "kpis", "parametersUsed"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2026-01-01", root.GetProperty("startDate").GetString());
        var plan = Assert.Single(root.GetProperty("cohorts").EnumerateArray()); // one cohort without a plan
        Assert.Equal("2026-01-01", plan.GetProperty("startDate").GetString());
        Assert.Equal(40.0, plan.GetProperty("participants").GetDouble());
        var year = root.GetProperty("years")[0];
        Assert.Equal(["year", "firstMonth", "baseline", "investment", "difference", "cumulativeNetDifference", "selfSupportingAtYearEnd"], year.EnumerateObject().Select(p => p.Name));
        foreach (var block in new[] { "baseline", "investment", "difference" })
        {
            Assert.Equal(LineCodes.AllWithNet, year.GetProperty(block).EnumerateObject().Select(p => p.Name));
            foreach (var line in year.GetProperty(block).EnumerateObject())
            {
                var raw = line.Value.GetRawText();
                Assert.Matches(@"^-?\d+\.\d{2}$", raw); // money to øre
            }
        }

        Assert.Equal(["investmentTotal", "netEffectTotal", "npv", "returnPerKrone", "paybackMonth", "breakEvenEffectMultiplier", "extraSelfSupportingByYear", "benefitMonthsSaved"],
            root.GetProperty("kpis").EnumerateObject().Select(p => p.Name));
        var used = root.GetProperty("parametersUsed");
        Assert.Contains(used.EnumerateArray(), p => p.GetProperty("id").GetString() == "scenarie.prices.monthlyBenefit");
        Assert.Equal(["id", "validFrom", "value", "source"], used[0].EnumerateObject().Select(p => p.Name));
        Assert.Contains("måneder", Encoding.UTF8.GetString(ScenarioJson.SerializeResult(outcome.Result!)), StringComparison.Ordinal); // Danish text unescaped
    }
}
