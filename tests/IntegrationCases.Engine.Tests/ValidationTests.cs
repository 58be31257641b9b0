using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Municipalities;
using IntegrationCases.Engine.Parameters;
using IntegrationCases.Engine.Scenarios;

namespace IntegrationCases.Engine.Tests;

/// <summary>Section 9 of METHOD.md: each rule rejects with the field path, the value and the allowed range.</summary>
public sealed class ValidationTests
{
    public sealed record Rule(string Sentence, Func<ScenarioRequest, ScenarioRequest> Change, string Path, string MessagePart)
    {
        public override string ToString() => Sentence;
    }

    private static ScenarioRequest Valid() => new() { MunicipalityCode = "851", CaseId = "NY-JOB-30", Participants = 40, StartDate = TestData.Start2026 };

    public static readonly TheoryData<Rule> Rules =
    [
        new("An unknown municipality code is rejected", r => r with { MunicipalityCode = "999" }, "municipalityCode", "\"999\""),
        new("An unknown case is rejected", r => r with { CaseId = "NY-XYZ" }, "caseId", "NY-JOB-30"),
        new("A horizon of eleven years is rejected", r => r with { HorizonYears = 11 }, "horizonYears", "1-10"),
        new("A horizon of zero years is rejected", r => r with { HorizonYears = 0 }, "horizonYears", "0"),
        new("A start date that is not the first of a month is rejected", r => r with { StartDate = new DateOnly(2026, 1, 15) }, "startDate", "2026-01-15"),
        new("A start date before 2016 is rejected", r => r with { StartDate = new DateOnly(2015, 12, 1) }, "startDate", "2016-01-01"),
        new("A start date after 2035-12-01 is rejected", r => r with { StartDate = new DateOnly(2036, 1, 1) }, "startDate", "2035-12-01"),
        new("A discount rate above 0.2 is rejected", r => r with { DiscountRate = 0.25 }, "discountRate", "0,25"),
        new("A negative number of participants is rejected", r => r with { Participants = -1 }, "participants", "-1"),
        new("A Danish test month beyond the horizon is rejected", r => r with { DanishTest = new DanishTestRequest { Month = 61 } }, "danishTest.month", "1 til 60"),
        new("A Danish test month of zero is rejected", r => r with { DanishTest = new DanishTestRequest { Month = 0 } }, "danishTest.month", "0"),
        new("In-job support longer than 24 months is rejected", r => r with { InJobSupport = new InJobSupportRequest { DurationMonths = 25 } }, "inJobSupport.durationMonths", "0 til 24"),
        new("An investment longer than the horizon is rejected", r => r with { Investment = new InvestmentRequest { DurationMonths = 61 } }, "investment.durationMonths", "0 til 60"),
        new("A programme month above 120 is rejected", r => r with { TargetGroup = new TargetGroupRequest { ProgrammeMonthAtStart = 121 } }, "targetGroup.programmeMonthAtStart", "0 til 120"),
        new("A refusion clock above 12 is rejected", r => r with { TargetGroup = new TargetGroupRequest { InitialRefusionClockMonths = 13 } }, "targetGroup.initialRefusionClockMonths", "0 til 12"),
        new("Negative earnings are rejected", r => r with { MonthlyEarnings = -5 }, "monthlyEarnings", "-5"),
        new("A negative effort cost is rejected", r => r with { Baseline = new BaselineRequest { EffortCostPerMonth = -1 } }, "baseline.effortCostPerMonth", "-1"),
        new("A negative one-off cost is rejected", r => r with { Investment = new InvestmentRequest { OneOffCostPerParticipant = -1 } }, "investment.oneOffCostPerParticipant", "-1"),
        new("A job-loss probability above 1 is rejected", r => r with { JobLossMonthlyProbability = 1.5 }, "jobLossMonthlyProbability", "[0; 1]"),
        new("A reimbursement share above 1 is rejected", r => r with { Investment = new InvestmentRequest { ReimbursementShare = 1.1 } }, "investment.reimbursementShare", "1,1"),
        new("A pass share below 0 is rejected", r => r with { DanishTest = new DanishTestRequest { BaselinePassShare = -0.1 } }, "danishTest.baselinePassShare", "-0,1"),
        new("A baseline share above 1 is rejected at its index", r => r with { Baseline = new BaselineRequest { SelfSupportShareByYear = [0.1, 0.2, 1.2, 0.3, 0.3] } }, "baseline.selfSupportShareByYear[2]", "1,2"),
        new("A trajectory of the wrong length is rejected", r => r with { Baseline = new BaselineRequest { SelfSupportShareByYear = [0.1, 0.2] } }, "baseline.selfSupportShareByYear", "5"),
        new("An extra share that takes the total above 1 is rejected", r => r with { Investment = new InvestmentRequest { ExtraSelfSupportShareByYear = [0.05, 0.08, 0.7, 0.07, 0.06] } }, "investment.extraSelfSupportShareByYear[2]", "[-0,4; 0,6]"),
        new("An extra share below -1 is rejected", r => r with { Investment = new InvestmentRequest { ExtraSelfSupportShareByYear = [-1.5, 0, 0, 0, 0] } }, "investment.extraSelfSupportShareByYear[0]", "-1,5"),
        new("An empty household mix is rejected", r => r with { TargetGroup = new TargetGroupRequest { HouseholdMix = new Dictionary<string, double>() } }, "targetGroup.householdMix", "tom"),
        new("A household mix that does not sum to 1 is rejected", r => r with { TargetGroup = new TargetGroupRequest { HouseholdMix = new Dictionary<string, double> { ["forsoerger"] = 0.5, ["ikke_forsoerger"] = 0.4 } } }, "targetGroup.householdMix", "0,9"),
        new("An unknown household type is rejected", r => r with { TargetGroup = new TargetGroupRequest { HouseholdMix = new Dictionary<string, double> { ["pensionist"] = 1 } } }, "targetGroup.householdMix.pensionist", "enlig_forsoerger"),
        new("An unknown benefit type is rejected", r => r with { TargetGroup = new TargetGroupRequest { BenefitType = "dagpenge" } }, "targetGroup.benefitType", "kontanthjaelp"),
        new("A pinned staircase of the wrong length is rejected", r => r with { Prices = new PriceOverrides { RefusionShareByClockMonth = [0.8, 0.4] } }, "prices.refusionShareByClockMonth", "13"),
        new("A pinned tax rate above 1 is rejected", r => r with { Prices = new PriceOverrides { KommuneskatRate = 25 } }, "prices.kommuneskatRate", "25"),
        new("A negative pinned benefit is rejected", r => r with { Prices = new PriceOverrides { MonthlyBenefit = -1 } }, "prices.monthlyBenefit", "-1"),
        new("An unreachable baseline trajectory is rejected with the reachable range", r => r with { JobLossMonthlyProbability = 0.5, Baseline = new BaselineRequest { SelfSupportShareByYear = [0.9, 0.9, 0.9, 0.9, 0.9] } }, "baseline.selfSupportShareByYear[0]", "kan ikke nås"),
        new("A fall faster than job loss allows is rejected", r => r with { Baseline = new BaselineRequest { SelfSupportShareByYear = [0.5, 0.1, 0.1, 0.1, 0.1] } }, "baseline.selfSupportShareByYear[1]", "mellem"),
        new("Participants and an intake plan together are rejected on participants", r => r with { Cohorts = [new(TestData.Start2026, 10)] }, "participants", "ikke begge"),
        new("An intake plan without cohorts is rejected", r => r with { Participants = null, Cohorts = [] }, "cohorts", "1 til 20"),
        new("An intake plan of 21 cohorts is rejected", r => r with { Participants = null, Cohorts = [.. Enumerable.Range(0, 21).Select(m => new Cohort(TestData.Start2026.AddMonths(m), 1))] }, "cohorts", "21 hold"),
        new("A cohort that does not start on the first of a month is rejected at its index", r => r with { Participants = null, Cohorts = [new(TestData.Start2026, 1), new(new DateOnly(2026, 3, 15), 1)] }, "cohorts[1].startDate", "2026-03-15"),
        new("A cohort that starts before the scenario is rejected", r => r with { Participants = null, Cohorts = [new(new DateOnly(2025, 12, 1), 1)] }, "cohorts[0].startDate", "2026-01-01"),
        new("A cohort that starts after the horizon's last month is rejected", r => r with { Participants = null, Cohorts = [new(new DateOnly(2031, 1, 1), 1)] }, "cohorts[0].startDate", "2030-12-01"),
        new("A cohort of negative size is rejected at its index", r => r with { Participants = null, Cohorts = [new(TestData.Start2026, 5), new(TestData.Start2026, -2)] }, "cohorts[1].participants", "-2"),
        new("An unreachable investment trajectory is rejected on the extra share", r => r with { Investment = new InvestmentRequest { ExtraSelfSupportShareByYear = [0.05, 0.08, -0.35, 0.07, 0.06] } }, "investment.extraSelfSupportShareByYear[2]", "kan ikke nås"),
    ];

    [Theory]
    [MemberData(nameof(Rules))]
    public void A_rule_of_section_nine_rejects_with_path_and_message(Rule rule)
    {
        var outcome = ScenarioEvaluator.Evaluate(rule.Change(Valid()), TestData.Context());
        Assert.False(outcome.IsValid);
        Assert.Null(outcome.Result);
        var error = Assert.Single(outcome.Errors, e => e.Path == rule.Path);
        Assert.Contains(rule.MessagePart, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_valid_scenario_of_these_rules_is_accepted()
    {
        Assert.True(ScenarioEvaluator.Evaluate(Valid(), TestData.Context()).IsValid);
    }

    [Fact]
    public void Without_data_and_without_participants_or_a_plan_the_scenario_is_rejected_on_participants()
    {
        var outcome = ScenarioEvaluator.Evaluate(Valid() with { Participants = null }, TestData.Context());
        var error = Assert.Single(outcome.Errors);
        Assert.Equal("participants", error.Path);
        Assert.Contains("angiv participants", error.Message, StringComparison.Ordinal);
        Assert.Contains("cohorts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cohort_in_the_horizon_last_month_is_accepted()
    {
        var outcome = ScenarioEvaluator.Evaluate(Valid() with { Participants = null, Cohorts = [new(new DateOnly(2030, 12, 1), 3)] }, TestData.Context());
        Assert.True(outcome.IsValid, string.Join("; ", outcome.Errors.Select(e => e.Message)));
    }

    [Fact]
    public void With_data_the_participants_default_to_the_count_times_the_participation_share()
    {
        var facts = new MunicipalityFacts("851", "Aalborg", new Dictionary<string, double> { ["NY-JOB-30"] = 40 }, new Dictionary<int, double>());
        var withData = TestData.Evaluate(Valid() with { Participants = null }, TestData.Context(null, facts));
        var given = TestData.Evaluate(Valid(), TestData.Context());
        Assert.Equal(given.Kpis.NetEffectTotal, withData.Kpis.NetEffectTotal);
    }

    [Fact]
    public void The_municipality_own_tax_rate_replaces_the_national_average_in_its_years()
    {
        var facts = new MunicipalityFacts("851", "Aalborg", new Dictionary<string, double>(), new Dictionary<int, double> { [2026] = 0.262 });
        var result = TestData.Evaluate(Valid(), TestData.Context(null, facts));
        Assert.Contains(result.ParametersUsed, p => p.Id == "kommuneskat.kommune.851" && p.Value == 0.262);
        Assert.Contains(result.ParametersUsed, p => p.Id == "kommuneskat.gennemsnit" && p.ValidFrom.Year == 2026); // 2027-2030: the national average
    }

    [Fact]
    public void Several_errors_are_reported_together()
    {
        var outcome = ScenarioEvaluator.Evaluate(Valid() with { DiscountRate = 1, MonthlyEarnings = -1, JobLossMonthlyProbability = 2 }, TestData.Context());
        Assert.Equal(3, outcome.Errors.Count);
    }

    [Fact]
    public void A_start_date_before_the_parameters_begin_is_rejected_clearly()
    {
        var late = ParameterStore.Default.WithOverrides(ParameterStore.Parse([new("late.json", """
            { "id": "personfradrag.aar", "description": "d", "unit": "kr. pr. år",
              "values": [ { "validFrom": "2030-01-01", "value": 60000, "source": "test", "estimate": true } ] }
            """)]));
        // WithOverrides keeps the earlier values; a store that starts late needs the series alone.
        var onlyLate = ParameterStore.Parse(late.Series.Select(s => s.Id == "personfradrag.aar"
            ? new KeyValuePair<string, string>(s.Id, """{ "id": "personfradrag.aar", "description": "d", "unit": "kr. pr. år", "values": [ { "validFrom": "2030-01-01", "value": 60000, "source": "test", "estimate": true } ] }""")
            : new KeyValuePair<string, string>(s.Id, Serialize(s))));
        var outcome = ScenarioEvaluator.Evaluate(Valid(), TestData.Context(onlyLate));
        var error = Assert.Single(outcome.Errors);
        Assert.Equal("startDate", error.Path);
        Assert.Contains("personfradrag.aar", error.Message, StringComparison.Ordinal);
        Assert.Contains("2030-01-01", error.Message, StringComparison.Ordinal);
    }

    internal static string Serialize(ParameterSeries s) => System.Text.Json.JsonSerializer.Serialize(new
    {
        id = s.Id,
        description = s.Description,
        unit = s.Unit,
        values = s.Values.Select(v => new { validFrom = v.ValidFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), value = v.Value, source = v.Source, estimate = v.IsEstimate }),
    });
}
