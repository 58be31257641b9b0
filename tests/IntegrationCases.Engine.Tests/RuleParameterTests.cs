using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Parameters;
using IntegrationCases.Engine.Results;
using IntegrationCases.Engine.Scenarios;

namespace IntegrationCases.Engine.Tests;

/// <summary>
/// The rule thresholds are dated parameters of the store, not numbers in the code: a store with other values
/// changes the rules. Each case overrides one threshold from 2016 on and uses <see cref="TestData.Pinned"/>.
/// </summary>
public sealed class RuleParameterTests
{
    private static EvaluationContext With(string id, double value) => TestData.Context(ParameterStore.Default.WithOverrides(ParameterStore.Parse(
    [
        new("override.json", $$"""{ "id": "{{id}}", "description": "test", "unit": "måneder", "values": [ { "validFrom": "2016-01-01", "value": {{value.ToString(System.Globalization.CultureInfo.InvariantCulture)}}, "source": "test", "estimate": true } ] }"""),
    ])));

    private static ScenarioRequest AllSelfSupportingInProgramme(int programmeMonth) => TestData.Pinned() with
    {
        Baseline = TestData.Pinned().Baseline! with { SelfSupportShareByYear = [1] },
        TargetGroup = TestData.Pinned().TargetGroup! with { ProgrammeEligible = true, ProgrammeMonthAtStart = programmeMonth },
    };

    [Fact]
    public void A_store_that_pays_the_basic_grant_for_sixty_months_pays_it_in_programme_year_four()
    {
        var request = AllSelfSupportingInProgramme(programmeMonth: 36);
        Assert.Equal(0.00m, TestData.Evaluate(request).Years[0].Baseline.Grundtilskud);
        var result = TestData.Evaluate(request, With("grundtilskud.programmaaneder", 60));
        Assert.Equal(36000.00m, result.Years[0].Baseline.Grundtilskud); // 12 × 3,000
        Assert.Contains(result.ParametersUsed, p => p.Id == "grundtilskud.programmaaneder" && p.Value == 60);
    }

    [Fact]
    public void A_staircase_whose_last_step_starts_at_clock_month_six_refunds_twenty_percent_from_month_seven()
    {
        // 10,000 × (0.8 + 5 × 0.4 + 6 × 0.2) instead of 46,000
        var request = TestData.Pinned() with { Prices = TestData.Pinned().Prices! with { RefusionShareByClockMonth = null } };
        Assert.Equal(46000.00m, TestData.Evaluate(request).Years[0].Baseline.Refusion);
        Assert.Equal(40000.00m, TestData.Evaluate(request, With("refusion.trappe.fra_klokkemaaned.uge_53_plus", 6)).Years[0].Baseline.Refusion);
    }

    [Fact]
    public void A_requirement_of_three_months_in_a_job_pays_the_result_grant_three_months_into_the_spell()
    {
        // The spell begins in month 2 (index 1): six months end in month 7 (index 6), three in month 4 (index 3).
        var request = AllSelfSupportingInProgramme(programmeMonth: 0);
        int[] PaidMonths(EvaluationContext context)
        {
            var lines = ScenarioEvaluator.MonthlyLines(request, context)!.Value.Baseline;
            return [.. Enumerable.Range(0, 12).Where(t => lines[(t * 10) + LineCatalogue.Resultattilskud] != 0)];
        }

        Assert.Equal([6], PaidMonths(TestData.Context()));
        Assert.Equal([3], PaidMonths(With("resultattilskud.job_uddannelse.maaneder_i_job", 3)));
    }

    [Fact]
    public void A_high_grant_period_of_one_year_pays_the_low_grant_for_a_spell_beginning_in_year_two()
    {
        var request = AllSelfSupportingInProgramme(programmeMonth: 12);
        Assert.Equal(50000.00m, TestData.Evaluate(request).Years[0].Baseline.Resultattilskud);
        Assert.Equal(30000.00m, TestData.Evaluate(request, With("resultattilskud.job_uddannelse.hoej.programmaaneder", 12)).Years[0].Baseline.Resultattilskud);
    }

    [Theory]
    [InlineData("grundtilskud.programmaaneder", 36.5)]
    [InlineData("resultattilskud.job_uddannelse.maaneder_i_job", 0)]
    [InlineData("resultattilskud.job_uddannelse.maaneder_i_job", 12)]
    [InlineData("refusion.trappe.fra_klokkemaaned.uge_27_52", 13)]
    public void A_rule_threshold_that_is_not_a_whole_number_in_its_range_is_rejected_naming_the_parameter(string id, double value)
    {
        var request = AllSelfSupportingInProgramme(programmeMonth: 0) with { Prices = TestData.Pinned().Prices! with { RefusionShareByClockMonth = null } };
        var outcome = ScenarioEvaluator.Evaluate(request, With(id, value));
        var error = Assert.Single(outcome.Errors);
        Assert.Contains(id, error.Message, StringComparison.Ordinal);
        Assert.Contains("helt antal måneder", error.Message, StringComparison.Ordinal);
    }
}
