using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Results;
using IntegrationCases.Engine.Scenarios;

namespace IntegrationCases.Engine.Tests;

/// <summary>
/// The intake plan of METHOD.md section 3a: each cohort in its own months, the money summed on the scenario's
/// calendar. Hand-computed cases use <see cref="TestData.Pinned"/> (10,000 benefit, 80 % refusion in clock
/// month 0, 25 % tax above a 4,000 allowance); the others compare plans with the single cohorts they are made of.
/// </summary>
public sealed class IntakePlanTests
{
    private static readonly DateOnly Jan2026 = TestData.Start2026;

    private static ScenarioRequest Plan(ScenarioRequest r, params (int Month, double Participants)[] cohorts) => r with
    {
        Participants = null,
        Cohorts = [.. cohorts.Select(c => new Cohort(r.StartDate!.Value.AddMonths(c.Month), c.Participants))],
    };

    /// <summary>NY-JOB-30 from the store: people move, the clock and the programme matter.</summary>
    private static ScenarioRequest Moving(int horizon = 5) => new()
    {
        MunicipalityCode = "851",
        CaseId = "NY-JOB-30",
        StartDate = Jan2026,
        HorizonYears = horizon,
        Participants = 40,
        Baseline = new BaselineRequest { SelfSupportShareByYear = [.. new[] { 0.10, 0.25, 0.35, 0.42, 0.47 }.Take(horizon)] },
        Investment = new InvestmentRequest { ExtraSelfSupportShareByYear = [.. new[] { 0.05, 0.08, 0.08, 0.07, 0.06 }.Take(horizon)], DurationMonths = 12, OneOffCostPerParticipant = 5000 },
        InJobSupport = new InJobSupportRequest { MonthlyCost = 1500, DurationMonths = 6 },
        DanishTest = new DanishTestRequest { Month = 18, BaselinePassShare = 0.3, InvestmentPassShare = 0.4 },
    };

    private static (double[] Baseline, double[] Investment) Lines(ScenarioRequest request) =>
        ScenarioEvaluator.MonthlyLines(request, TestData.Context())!.Value;

    private static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-9 * (1 + Math.Abs(expected[i])), $"index {i}: {expected[i]} != {actual[i]}");
        }
    }

    [Fact]
    public void A_one_cohort_plan_starting_on_the_start_date_equals_the_same_scenario_with_participants()
    {
        var flat = TestData.Evaluate(Moving());
        var plan = TestData.Evaluate(Plan(Moving(), (0, 40)));
        Assert.Equal(Properties.Fingerprint(flat), Properties.Fingerprint(plan));
        Assert.Equal([new Cohort(Jan2026, 40)], flat.Cohorts);
        Assert.Equal(flat.Cohorts, plan.Cohorts);
    }

    [Fact]
    public void Two_cohorts_give_the_sums_of_the_single_cohorts_month_by_month()
    {
        var both = Lines(Plan(Moving(), (0, 20), (7, 30)));
        var first = Lines(Plan(Moving(), (0, 20)));
        var second = Lines(Plan(Moving(), (7, 30)));
        AssertClose([.. first.Baseline.Zip(second.Baseline, (a, b) => a + b)], both.Baseline);
        AssertClose([.. first.Investment.Zip(second.Investment, (a, b) => a + b)], both.Investment);
    }

    [Fact]
    public void A_cohort_starting_a_year_in_is_the_same_scenario_started_a_year_later_shifted_by_twelve_months()
    {
        var plan = Lines(Plan(Moving(), (12, 30)));
        var later = Lines(Moving(horizon: 4) with { StartDate = Jan2026.AddYears(1), Participants = 30 });
        Assert.All(plan.Baseline.Take(120), x => Assert.Equal(0.0, x));
        AssertClose(later.Baseline, plan.Baseline[120..]);
        AssertClose(later.Investment, plan.Investment[120..]);
    }

    [Fact]
    public void The_kpis_of_two_cohorts_are_the_sums_of_their_persons()
    {
        var both = TestData.Evaluate(Plan(Moving(), (0, 20), (7, 30)));
        var first = TestData.Evaluate(Plan(Moving(), (0, 20)));
        var second = TestData.Evaluate(Plan(Moving(), (7, 30)));
        Assert.Equal(first.Kpis.BenefitMonthsSaved + second.Kpis.BenefitMonthsSaved, both.Kpis.BenefitMonthsSaved, 9);
        for (var y = 0; y < 5; y++)
        {
            Assert.Equal(first.Kpis.ExtraSelfSupportingByYear[y] + second.Kpis.ExtraSelfSupportingByYear[y], both.Kpis.ExtraSelfSupportingByYear[y], 9);
            Assert.Equal(first.Years[y].SelfSupportingAtYearEnd.Baseline + second.Years[y].SelfSupportingAtYearEnd.Baseline, both.Years[y].SelfSupportingAtYearEnd.Baseline, 9);
        }

        Assert.InRange(both.Kpis.InvestmentTotal - (first.Kpis.InvestmentTotal + second.Kpis.InvestmentTotal), -0.01m, 0.01m); // each rounded once
    }

    [Fact]
    public void The_order_of_the_cohorts_does_not_matter()
    {
        var cohorts = new (int, double)[] { (3, 10), (0, 25), (30, 0), (14, 12.5), (3, 4) };
        var expected = TestData.Evaluate(Plan(Moving(), cohorts));
        foreach (var order in new[] { cohorts.Reverse().ToArray(), [.. cohorts.Skip(2), .. cohorts.Take(2)] })
        {
            var result = TestData.Evaluate(Plan(Moving(), order));
            Assert.Equal(Properties.Fingerprint(expected), Properties.Fingerprint(result));
            Assert.Equal(expected.Cohorts, result.Cohorts);
        }

        Assert.Equal([0, 3, 3, 14, 30], expected.Cohorts.Select(c => (c.StartDate.Year - 2026) * 12 + c.StartDate.Month - 1));
    }

    [Fact]
    public void A_cohort_of_zero_persons_changes_no_amount()
    {
        var one = TestData.Evaluate(Plan(Moving(), (0, 40)));
        var withEmpty = TestData.Evaluate(Plan(Moving(), (0, 40), (9, 0)));
        Assert.Equal(Properties.Fingerprint(one), Properties.Fingerprint(withEmpty));
        Assert.Equal(2, withEmpty.Cohorts.Count);
    }

    public sealed record Case(string Sentence, Func<ScenarioRequest, ScenarioRequest> Change, string Future, string Line, decimal Expected)
    {
        public override string ToString() => Sentence;
    }

    private static ScenarioRequest InProgramme(ScenarioRequest r, int programmeMonth = 0) =>
        r with { TargetGroup = r.TargetGroup! with { ProgrammeEligible = true, ProgrammeMonthAtStart = programmeMonth } };

    private static ScenarioRequest DanishTestInMonth6(ScenarioRequest r) =>
        InProgramme(r) with { DanishTest = new DanishTestRequest { Month = 6, BaselinePassShare = 0.5, InvestmentPassShare = 0.5 } };

    public static readonly TheoryData<Case> Cases =
    [
        // one month on benefit at clock 0: −10,000
        new("A cohort starting in the last month pays one month of benefit", r => Plan(r, (11, 1)), "baseline", LineCodes.Ydelse, -10000.00m),
        // 10,000 × 0.8
        new("A cohort starting in the last month is refunded 80 % for its first month", r => Plan(r, (11, 1)), "baseline", LineCodes.Refusion, 8000.00m),
        // −10,000 + 8,000 + 0.25 × (10,000 − 4,000)
        new("A cohort starting in the last month costs 500 net", r => Plan(r, (11, 1)), "baseline", LineCodes.Net, -500.00m),
        // 5 months × 10,000 × 2 persons + 12 × 10,000 × 1 person
        new("Each cohort pays benefit from its own start", r => Plan(r, (0, 1), (7, 2)), "baseline", LineCodes.Ydelse, -220000.00m),
        // the first cohort's own month 5 is June: 40,000 × 0.5 × 1; the second's (own month 5 = calendar month 14) is beyond the horizon
        new("A cohort whose Danish test month falls beyond its horizon gets no Danish grant", r => Plan(DanishTestInMonth6(r), (0, 1), (9, 3)), "baseline", LineCodes.ResultattilskudDansk, 20000.00m),
        // both test months within the year: 40,000 × 0.5 × (1 + 3)
        new("Each cohort takes its Danish test in its own sixth month", r => Plan(DanishTestInMonth6(r), (0, 1), (6, 3)), "baseline", LineCodes.ResultattilskudDansk, 80000.00m),
        // programme months 35-46 and, from July, 35-40: two paid months each, 2 × 2 × 3,000
        new("Each cohort runs its own programme clock for the basic grant", r => Plan(InProgramme(r, programmeMonth: 34), (0, 1), (6, 1)), "baseline", LineCodes.Grundtilskud, 12000.00m),
        // one-off 10,000 × (1 − 0.5) for 1 + 2 participants, each in its own first month
        new("Each cohort pays its one-off cost in its own first month", r => Plan(r with { Investment = r.Investment! with { OneOffCostPerParticipant = 10000, ReimbursementShare = 0.5 } }, (0, 1), (3, 2)), "investment", LineCodes.Investering, -15000.00m),
        // 2 investment months × 1,000 for each of two cohorts
        new("Each cohort has its own investment months", r => Plan(r with { Investment = r.Investment! with { MonthlyCostPerParticipant = 1000, DurationMonths = 2 } }, (0, 1), (5, 1)), "investment", LineCodes.Investering, -4000.00m),
        // 2 investment months of the second cohort start in month 12: only its first falls in the year
        new("A cohort's investment months stop at the end of the horizon", r => Plan(r with { Investment = r.Investment! with { MonthlyCostPerParticipant = 1000, DurationMonths = 2 } }, (0, 1), (11, 1)), "investment", LineCodes.Investering, -3000.00m),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_hand_computed_plan_gives_the_expected_amount(Case c)
    {
        var year = TestData.Evaluate(c.Change(TestData.Pinned())).Years[0];
        var block = c.Future == "baseline" ? year.Baseline : year.Investment;
        Assert.Equal(c.Expected, block[c.Line]);
    }

    [Theory]
    [InlineData(new[] { 0 }, 25000.0)]          // the 2017 cohort: self-supporting at December 2017, 0 at December 2016
    [InlineData(new[] { 0, 12 }, 25000.0)]      // a cohort starting in 2018 has no December 2017 mass: 0 − 0
    [InlineData(new[] { 0, 11 }, 50000.0)]      // a cohort starting in December 2017 is self-supporting after it
    public void A_cohort_counts_for_the_bonus_from_the_first_december_after_its_start(int[] startMonths, double expected)
    {
        // 2017-2018, 1 person a cohort, all self-supporting after their first month; the 2018 bonus only, paid in July 2018.
        var r = TestData.Pinned() with
        {
            StartDate = new DateOnly(2017, 1, 1),
            HorizonYears = 2,
            Baseline = TestData.Pinned().Baseline! with { SelfSupportShareByYear = [1, 1] },
            Investment = TestData.Pinned().Investment! with { ExtraSelfSupportShareByYear = [0, 0] },
            Prices = TestData.Pinned().Prices! with { BonusPerExtraPersonByYear = new Dictionary<int, double> { [2018] = 25000 } },
        };
        var result = TestData.Evaluate(Plan(r, [.. startMonths.Select(m => (m, 1.0))]));
        Assert.Equal((decimal)expected, result.Years[1].Baseline.Bonus);
    }

    [Fact]
    public void The_break_even_multiplier_of_a_plan_scales_every_cohort_at_once()
    {
        var request = Plan(Moving(), (0, 20), (12, 20), (24, 20));
        var lambda = TestData.Evaluate(request).Kpis.BreakEvenEffectMultiplier!.Value;
        var extra = request.Investment!.ExtraSelfSupportShareByYear!;
        var at = TestData.Evaluate(request with { Investment = request.Investment with { ExtraSelfSupportShareByYear = [.. extra.Select(x => x * lambda)] } });
        Assert.InRange((double)at.Kpis.NetEffectTotal, -1000, 1000);
        var above = TestData.Evaluate(request with { Investment = request.Investment with { ExtraSelfSupportShareByYear = [.. extra.Select(x => x * (lambda + 0.01))] } });
        Assert.True(above.Kpis.NetEffectTotal > at.Kpis.NetEffectTotal);
    }
}
