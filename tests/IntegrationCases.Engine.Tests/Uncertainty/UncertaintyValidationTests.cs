using IntegrationCases.Engine.Scenarios;
using IntegrationCases.Engine.Uncertainty;

namespace IntegrationCases.Engine.Tests.Uncertainty;

/// <summary>Bad ranges and draws, and scenario errors under <c>scenario.</c>: rejected with the field path, the value and the allowed range.</summary>
public sealed class UncertaintyValidationTests
{
    public sealed record Rule(string Sentence, Func<UncertaintyRequest, UncertaintyRequest> Change, string Path, string MessagePart)
    {
        public override string ToString() => Sentence;
    }

    private static UncertaintyRequest Valid() => new()
    {
        Scenario = new ScenarioRequest { MunicipalityCode = "851", CaseId = "NY-JOB-30", Participants = 40, StartDate = TestData.Start2026 },
        Draws = 10,
    };

    private static UncertaintyRequest WithCost(UncertaintyRequest r, double? low, double? high) =>
        r with { Ranges = new UncertaintyRangesRequest { CostMultiplier = new FactorRangeRequest { Low = low, High = high } } };

    public static readonly TheoryData<Rule> Rules =
    [
        new("A low end above 1 is rejected", r => WithCost(r, 1.2, 1.5), "ranges.costMultiplier.low", "1,2"),
        new("A high end below 1 is rejected", r => WithCost(r, 0.5, 0.9), "ranges.costMultiplier.high", "0,9"),
        new("A negative low end is rejected", r => r with { Ranges = new UncertaintyRangesRequest { EffectMultiplier = new FactorRangeRequest { Low = -0.1 } } }, "ranges.effectMultiplier.low", "[0; 1]"),
        new("A high end above 100 is rejected", r => r with { Ranges = new UncertaintyRangesRequest { EffortCostMultiplier = new FactorRangeRequest { High = 101 } } }, "ranges.effortCostMultiplier.high", "[1; 100]"),
        new("A high end that is not a number is rejected", r => r with { Ranges = new UncertaintyRangesRequest { EarningsMultiplier = new FactorRangeRequest { High = double.NaN } } }, "ranges.earningsMultiplier.high", "NaN"),
        new("An infinite high end is rejected", r => r with { Ranges = new UncertaintyRangesRequest { EarningsMultiplier = new FactorRangeRequest { High = double.PositiveInfinity } } }, "ranges.earningsMultiplier.high", "[1; 100]"),
        new("Zero draws are rejected", r => r with { Draws = 0 }, "draws", "1 til 100000"),
        new("More than 100,000 draws are rejected", r => r with { Draws = 100_001 }, "draws", "100001"),
        new("A scenario error is reported under scenario", r => r with { Scenario = r.Scenario with { HorizonYears = 11 } }, "scenario.horizonYears", "1-10"),
        new("A scenario without participants and without data is rejected under scenario", r => r with { Scenario = r.Scenario with { Participants = null } }, "scenario.participants", "participants"),
        new("An indexed scenario error keeps its index under scenario", r => r with { Scenario = r.Scenario with { Baseline = new BaselineRequest { SelfSupportShareByYear = [0.1, 0.2, 1.2, 0.3, 0.3] } } }, "scenario.baseline.selfSupportShareByYear[2]", "1,2"),
    ];

    [Theory]
    [MemberData(nameof(Rules))]
    public void A_bad_request_is_rejected_with_path_and_message(Rule rule)
    {
        var outcome = UncertaintyAnalysis.Analyse(rule.Change(Valid()), TestData.Context());

        Assert.Null(outcome.Result);
        var error = Assert.Single(outcome.Errors, e => e.Path == rule.Path);
        Assert.Contains(rule.MessagePart, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_valid_request_is_accepted()
    {
        Assert.NotNull(UncertaintyAnalysis.Analyse(Valid(), TestData.Context()).Result);
    }

    [Fact]
    public void Scenario_range_and_draw_errors_are_reported_together()
    {
        var request = WithCost(Valid(), 1.1, 0.9) with { Draws = -3, Scenario = Valid().Scenario with { CaseId = "NY-XYZ" } };

        var outcome = UncertaintyAnalysis.Analyse(request, TestData.Context());

        Assert.Equal(["scenario.caseId", "ranges.costMultiplier.low", "ranges.costMultiplier.high", "draws"], outcome.Errors.Select(e => e.Path));
    }
}
