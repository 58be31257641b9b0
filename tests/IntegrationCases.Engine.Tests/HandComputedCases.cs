using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Results;
using IntegrationCases.Engine.Scenarios;

namespace IntegrationCases.Engine.Tests;

/// <summary>
/// Small cases computed by hand (the arithmetic is in each case's comment), as data. Each row: a sentence,
/// the scenario (a change to <see cref="TestData.Pinned"/>), the future, the year, the line and the amount.
/// </summary>
public sealed class HandComputedCases
{
    public sealed record Case(string Sentence, Func<ScenarioRequest, ScenarioRequest> Change, string Future, int Year, string Line, decimal Expected)
    {
        public override string ToString() => Sentence;
    }

    private static ScenarioRequest AllSelfSupportingAfterMonthOne(ScenarioRequest r, bool programme = false, int programmeMonth = 0) => r with
    {
        Baseline = r.Baseline! with { SelfSupportShareByYear = [1] },
        TargetGroup = r.TargetGroup! with { ProgrammeEligible = programme, ProgrammeMonthAtStart = programmeMonth },
    };

    public static readonly TheoryData<Case> Cases =
    [
        // 12 × 10,000
        new("Nobody finds a job, so the benefit costs 120,000 in the year", r => r, "baseline", 1, LineCodes.Ydelse, -120000.00m),
        // 10,000 × (0.8 + 5 × 0.4 + 6 × 0.3)
        new("A newly arrived person's benefit is refunded 80 % in month one, 40 % in months 2-6 and 30 % in months 7-12", r => r, "baseline", 1, LineCodes.Refusion, 46000.00m),
        // 12 × 10,000 × 0.2
        new("A person long on benefit (clock 12) is refunded 20 % every month", r => r with { TargetGroup = r.TargetGroup! with { InitialRefusionClockMonths = 12 } }, "baseline", 1, LineCodes.Refusion, 24000.00m),
        // 12 × 0.25 × (10,000 − 4,000)
        new("The municipality taxes the benefit above a twelfth of the personal allowance", r => r, "baseline", 1, LineCodes.Kommuneskat, 18000.00m),
        // −120,000 + 46,000 + 18,000
        new("The net of a year on benefit is benefit minus refusion minus tax", r => r, "baseline", 1, LineCodes.Net, -56000.00m),
        // 12 × 2,000 × (1 − 0.5)
        new("The ordinary effort is charged on benefit net of its reimbursement", r => r with { Baseline = r.Baseline! with { EffortCostPerMonth = 2000, EffortReimbursementShare = 0.5 } }, "baseline", 1, LineCodes.Indsats, -12000.00m),
        // 6 × 1,000
        new("A monthly investment for six months costs 6,000 for a person who stays on benefit", r => r with { Investment = r.Investment! with { MonthlyCostPerParticipant = 1000, DurationMonths = 6 } }, "investment", 1, LineCodes.Investering, -6000.00m),
        // 3 participants × 10,000 × (1 − 0.5)
        new("A one-off cost is charged in month one for every participant net of its reimbursement", r => r with { Participants = 3, Investment = r.Investment! with { OneOffCostPerParticipant = 10000, ReimbursementShare = 0.5 } }, "investment", 1, LineCodes.Investering, -15000.00m),
        // month 0 on benefit: 1,500; months 1-11: 0.25 × (20,000 − 1,600 − min(2,000; 2,000) − 4,000) = 3,100 each
        new("Everyone self-supporting after the first month pays 3,100 a month in municipal tax", r => AllSelfSupportingAfterMonthOne(r), "baseline", 1, LineCodes.Kommuneskat, 35600.00m),
        // −10,000 + 8,000 + 35,600
        new("Everyone self-supporting after the first month turns the year's net positive", r => AllSelfSupportingAfterMonthOne(r), "baseline", 1, LineCodes.Net, 33600.00m),
        // 12 × 3,000, paid in both states
        new("The basic grant is paid every month in the programme, on benefit or not", r => AllSelfSupportingAfterMonthOne(r, programme: true), "baseline", 1, LineCodes.Grundtilskud, 36000.00m),
        // spell starts in programme month 2 ≤ 36: the high grant, paid in month 7
        new("Six months in a job within the first three years brings the high result grant", r => AllSelfSupportingAfterMonthOne(r, programme: true), "baseline", 1, LineCodes.Resultattilskud, 50000.00m),
        // 33,600 + 36,000 + 50,000
        new("The programme's grants add to the net of a year in work", r => AllSelfSupportingAfterMonthOne(r, programme: true), "baseline", 1, LineCodes.Net, 119600.00m),
        // spell starts in programme month 38: the low grant
        new("Six months in a job in programme year four bring the low result grant", r => AllSelfSupportingAfterMonthOne(r, programme: true, programmeMonth: 36), "baseline", 1, LineCodes.Resultattilskud, 30000.00m),
        // programme months 61-72: no grants
        new("After programme month 60 there is no basic grant", r => AllSelfSupportingAfterMonthOne(r, programme: true, programmeMonth: 60), "baseline", 1, LineCodes.Grundtilskud, 0.00m),
        // programme months 31-42, paid in 31-36 only: 6 × 3,000 (integrationsloven § 45, stk. 4: the first 3 years)
        new("The basic grant stops after programme month 36", r => AllSelfSupportingAfterMonthOne(r, programme: true, programmeMonth: 30), "baseline", 1, LineCodes.Grundtilskud, 18000.00m),
        // programme months 37-48: none
        new("There is no basic grant in programme year four", r => AllSelfSupportingAfterMonthOne(r, programme: true, programmeMonth: 36), "baseline", 1, LineCodes.Grundtilskud, 0.00m),
        // 40,000 × 0.5
        new("A passed Danish test pays the grant times the pass share", r => r with { TargetGroup = r.TargetGroup! with { ProgrammeEligible = true }, DanishTest = new DanishTestRequest { Month = 3, BaselinePassShare = 0.5, InvestmentPassShare = 0.75 } }, "baseline", 1, LineCodes.ResultattilskudDansk, 20000.00m),
        // 40,000 × (0.75 − 0.5)
        new("A higher pass share in the investment future is the Danish grant's difference", r => r with { TargetGroup = r.TargetGroup! with { ProgrammeEligible = true }, DanishTest = new DanishTestRequest { Month = 3, BaselinePassShare = 0.5, InvestmentPassShare = 0.75 } }, "difference", 1, LineCodes.ResultattilskudDansk, 10000.00m),
        // July 2017 pays on the growth of 2016 (0 − 0: before the start), not on December 2017's mass
        new("The bonus of a 2017 start is nothing in 2017", r => BonusYears(r, 2017, 2), "baseline", 1, LineCodes.Bonus, 0.00m),
        // July 2018 pays on December 2017 − December 2016: 2 participants × 25,000 × (1 − 0)
        new("The 2018 bonus pays 25,000 for each person self-supporting at the end of 2017 who was not at the end of 2016", r => BonusYears(r, 2017, 2), "baseline", 2, LineCodes.Bonus, 50000.00m),
        // July 2018 pays on December 2017 − December 2016 = 1 − 1: from 2016 the mass no longer changes
        new("The 2018 bonus is zero when the number self-supporting does not change over 2017", r => BonusYears(r, 2016, 3), "baseline", 3, LineCodes.Bonus, 0.00m),
        // July 2019 (a pinned year) pays 25,000 × (0.25 − 0.5): the linear stand-in of METHOD.md 6.6 can be negative
        new("A fall in the number self-supporting gives a negative bonus in the linear stand-in", r => r with { StartDate = new DateOnly(2017, 1, 1), HorizonYears = 3, JobLossMonthlyProbability = 0.1, Baseline = r.Baseline! with { SelfSupportShareByYear = [0.5, 0.25, 0.25] }, Investment = r.Investment! with { ExtraSelfSupportShareByYear = [0, 0, 0] }, Prices = r.Prices! with { BonusPerExtraPersonByYear = new Dictionary<int, double> { [2017] = 25000, [2018] = 25000, [2019] = 25000 } } }, "baseline", 3, LineCodes.Bonus, -6250.00m),
        // 12 × (0.5 × 16,382 + 0.5 × 12,326): kontanthjælp 30+ in 2024 from the store
        new("The household mix weights the benefit rates of the parameter store", r => r with { StartDate = new DateOnly(2024, 1, 1), TargetGroup = r.TargetGroup! with { BenefitType = "kontanthjaelp", HouseholdMix = new Dictionary<string, double> { ["forsoerger"] = 0.5, ["ikke_forsoerger"] = 0.5 } }, Prices = r.Prices! with { MonthlyBenefit = null, PersonfradragAnnual = null } }, "baseline", 1, LineCodes.Ydelse, -172248.00m),
        // 12 × 0.25 × (0.5 × (16,382 − 49,700/12) + 0.5 × (12,326 − 49,700/12)) = 30,637
        new("The tax on the benefit applies the 2024 personal allowance to each household type", r => r with { StartDate = new DateOnly(2024, 1, 1), TargetGroup = r.TargetGroup! with { BenefitType = "kontanthjaelp", HouseholdMix = new Dictionary<string, double> { ["forsoerger"] = 0.5, ["ikke_forsoerger"] = 0.5 } }, Prices = r.Prices! with { MonthlyBenefit = null, PersonfradragAnnual = null } }, "baseline", 1, LineCodes.Kommuneskat, 30637.00m),
    ];

    /// <summary>Two participants, all self-supporting after the first month, no job loss, a bonus of 25,000 in 2017 and 2018.</summary>
    private static ScenarioRequest BonusYears(ScenarioRequest r, int startYear, int years) => AllSelfSupportingAfterMonthOne(r) with
    {
        StartDate = new DateOnly(startYear, 1, 1),
        HorizonYears = years,
        Participants = 2,
        Baseline = r.Baseline! with { SelfSupportShareByYear = [.. Enumerable.Repeat(1.0, years)] },
        Investment = r.Investment! with { ExtraSelfSupportShareByYear = [.. Enumerable.Repeat(0.0, years)] },
        Prices = r.Prices! with { BonusPerExtraPersonByYear = new Dictionary<int, double> { [2017] = 25000, [2018] = 25000 } },
    };

    [Fact]
    public void The_bonus_is_paid_in_july_not_in_december()
    {
        // 2017 start: December 2017 holds 2 persons more than December 2016, paid in July 2018 (month 19).
        var lines = ScenarioEvaluator.MonthlyLines(BonusYears(TestData.Pinned(), 2017, 2), TestData.Context())!.Value.Baseline;
        var paid = Enumerable.Range(0, 24).Where(t => lines[(t * 10) + LineCatalogue.Bonus] != 0).ToArray();
        Assert.Equal([18], paid);
        Assert.Equal(50000, lines[(18 * 10) + LineCatalogue.Bonus], 6);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_hand_computed_case_gives_the_expected_amount(Case c)
    {
        var result = TestData.Evaluate(c.Change(TestData.Pinned()));
        var year = result.Years[c.Year - 1];
        var block = c.Future switch
        {
            "baseline" => year.Baseline,
            "investment" => year.Investment,
            _ => year.Difference,
        };
        Assert.Equal(c.Expected, block[c.Line]);
    }

    [Fact]
    public void The_net_present_value_discounts_year_two_once()
    {
        // Investment of 1,000 a month for 24 months to one person who stays on benefit: −12,000 a year.
        // npv = −12,000 − 12,000 / 1.1 = −22,909.09
        var r = TestData.Pinned() with
        {
            HorizonYears = 2,
            DiscountRate = 0.1,
            Baseline = TestData.Pinned().Baseline! with { SelfSupportShareByYear = [0, 0] },
            Investment = TestData.Pinned().Investment! with { ExtraSelfSupportShareByYear = [0, 0], MonthlyCostPerParticipant = 1000, DurationMonths = 24 },
            DanishTest = TestData.Pinned().DanishTest,
        };
        var kpis = TestData.Evaluate(r).Kpis;
        Assert.Equal(-22909.09m, kpis.Npv);
        Assert.Equal(-24000.00m, kpis.NetEffectTotal);
        Assert.Equal(24000.00m, kpis.InvestmentTotal);
        Assert.Equal(0.0, kpis.ReturnPerKrone);
        Assert.Null(kpis.PaybackMonth);
        Assert.Null(kpis.BreakEvenEffectMultiplier);
    }

    [Fact]
    public void A_cost_without_an_investment_total_has_no_return_per_krone_and_no_break_even()
    {
        var kpis = TestData.Evaluate(TestData.Pinned()).Kpis;
        Assert.Equal(0.00m, kpis.InvestmentTotal);
        Assert.Null(kpis.ReturnPerKrone);
        Assert.Null(kpis.BreakEvenEffectMultiplier);
        Assert.Equal(1, kpis.PaybackMonth); // the cumulative difference is 0.00 from month 1
    }

    [Fact]
    public void Payback_is_the_first_month_from_which_the_cumulative_difference_stays_non_negative()
    {
        // One-off cost 20,000 in month 1; everyone is self-supporting in the investment future from month 2,
        // nobody in the baseline. Each month in work instead of on benefit gains, for the municipality,
        // benefit 10,000 − refusion (R of the month) − tax 1,500 + earnings tax 3,100.
        // Month 2 (clock 1): 10,000 − 4,000 − 1,500 + 3,100 = 7,600; months 3-6: 7,600; cumulative after
        // month 3: −20,000 + 15,200 < 0; after month 4: +2,800 ≥ 0 → payback month 4.
        var r = TestData.Pinned() with
        {
            Investment = TestData.Pinned().Investment! with { ExtraSelfSupportShareByYear = [1], OneOffCostPerParticipant = 20000 },
        };
        var kpis = TestData.Evaluate(r).Kpis;
        Assert.Equal(4, kpis.PaybackMonth);
        Assert.Equal(11.0, kpis.BenefitMonthsSaved, 12);
        Assert.Equal(1.0, kpis.ExtraSelfSupportingByYear[0], 12);
    }

    [Fact]
    public void The_break_even_multiplier_makes_the_net_effect_zero()
    {
        var c = TestData.Context();
        var request = new ScenarioRequest { MunicipalityCode = "851", CaseId = "NY-JOB-30", Participants = 100, StartDate = TestData.Start2026 };
        var result = TestData.Evaluate(request, c);
        var lambda = result.Kpis.BreakEvenEffectMultiplier!.Value;
        var extra = Cases_.NyJob30Extra.Select(x => x * lambda).ToArray();
        var atLambda = TestData.Evaluate(request with { Investment = new InvestmentRequest { ExtraSelfSupportShareByYear = extra } }, c);
        Assert.InRange((double)atLambda.Kpis.NetEffectTotal, -1000, 1000); // within 1e-6 of λ: a few hundred kroner at most
        var above = TestData.Evaluate(request with { Investment = new InvestmentRequest { ExtraSelfSupportShareByYear = [.. Cases_.NyJob30Extra.Select(x => x * (lambda + 0.01))] } }, c);
        Assert.True(above.Kpis.NetEffectTotal > 0);
    }

    private static class Cases_
    {
        public static readonly double[] NyJob30Extra = [0.05, 0.08, 0.08, 0.07, 0.06];
    }
}
