using FsCheck;
using FsCheck.Fluent;
using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Parameters;
using IntegrationCases.Engine.Results;
using IntegrationCases.Engine.Scenarios;
using IntegrationCases.Engine.Simulation;

namespace IntegrationCases.Engine.Tests;

/// <summary>
/// Property tests (FsCheck). Scenarios are drawn from a seed so that a failure names a reproducible case;
/// trajectories are built from hazards, so they are reachable by construction.
/// </summary>
public sealed class Properties
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(120);

    /// <summary>A random but valid scenario; <paramref name="pinned"/> pins every price.</summary>
    internal sealed record RandomScenario(int Seed, ScenarioRequest Request)
    {
        public override string ToString() => $"seed {Seed}";

        public static RandomScenario From(int seed, bool pinned, bool nonNegativeEffect = false, bool zeroEffectAndCost = false)
        {
            var random = new Random(seed);
            var horizon = random.Next(1, 6);
            var r = Math.Round(random.NextDouble() * 0.04, 4);
            var baseShares = new double[horizon];
            var extra = new double[horizon];
            double sBase = 0, sInvest = 0;
            for (var y = 0; y < horizon; y++)
            {
                var hBase = random.NextDouble() * 0.08;
                var hInvest = nonNegativeEffect || zeroEffectAndCost ? hBase + (zeroEffectAndCost ? 0 : random.NextDouble() * 0.05) : Math.Max(0, hBase + ((random.NextDouble() - 0.4) * 0.06));
                sBase = HazardCalibration.ShareAfterYear(sBase, hBase, r);
                sInvest = HazardCalibration.ShareAfterYear(sInvest, hInvest, r);
                baseShares[y] = sBase;
                extra[y] = zeroEffectAndCost ? 0 : sInvest - sBase;
                if (nonNegativeEffect && extra[y] < 0)
                {
                    extra[y] = 0;
                }
            }

            var months = horizon * 12;
            var start = new DateOnly(random.Next(2016, 2031), random.Next(1, 13), 1);
            var plan = Plan(random, start, months);
            var cases = new[] { "NY-JOB-30", "NY-AKT-30", "NY-UNG", "KH-JOB-30", "KH-AKT-30", "NY-KVINDER-40", "IGU" };
            var request = new ScenarioRequest
            {
                MunicipalityCode = "851",
                CaseId = cases[random.Next(cases.Length)],
                StartDate = start,
                HorizonYears = horizon,
                DiscountRate = Math.Round(random.NextDouble() * 0.05, 3),
                Participants = plan is null ? Math.Round(random.NextDouble() * 200, 2) : null,
                Cohorts = plan,
                TargetGroup = new TargetGroupRequest
                {
                    InitialRefusionClockMonths = random.Next(0, 13),
                    ProgrammeEligible = random.Next(2) == 0,
                    ProgrammeMonthAtStart = random.Next(0, 60),
                },
                JobLossMonthlyProbability = r,
                MonthlyEarnings = 10000 + random.Next(0, 15000),
                Baseline = new BaselineRequest { SelfSupportShareByYear = baseShares, EffortCostPerMonth = random.Next(0, 4000), EffortReimbursementShare = random.NextDouble() * 0.5 },
                Investment = new InvestmentRequest
                {
                    ExtraSelfSupportShareByYear = extra,
                    OneOffCostPerParticipant = zeroEffectAndCost ? 0 : random.Next(0, 10000),
                    MonthlyCostPerParticipant = zeroEffectAndCost ? 0 : random.Next(0, 5000),
                    DurationMonths = random.Next(0, months + 1),
                    ReimbursementShare = random.NextDouble() * 0.5,
                },
                InJobSupport = new InJobSupportRequest { MonthlyCost = nonNegativeEffect ? 0 : random.Next(0, 2000), DurationMonths = random.Next(0, 25) },
                DanishTest = new DanishTestRequest { Month = random.Next(1, months + 1), BaselinePassShare = 0.3, InvestmentPassShare = zeroEffectAndCost || nonNegativeEffect ? 0.3 : 0.4 },
                Prices = pinned ? new PriceOverrides
                {
                    MonthlyBenefit = 6000 + random.Next(0, 8000),
                    KommuneskatRate = 0.24 + (random.NextDouble() * 0.03),
                    BonusPerExtraPersonByYear = nonNegativeEffect ? new Dictionary<int, double>() : null,
                } : null,
            };
            return new RandomScenario(seed, request);
        }
    }

    /// <summary>Half the scenarios give an intake plan: 1 to 5 cohorts anywhere in the horizon, some of size 0.</summary>
    private static Cohort[]? Plan(Random random, DateOnly start, int months) => random.Next(2) == 0
        ? null
        : [.. Enumerable.Range(0, random.Next(1, 6)).Select(_ => new Cohort(start.AddMonths(random.Next(0, months)), random.Next(4) == 0 ? 0 : Math.Round(random.NextDouble() * 80, 2)))];

    private static Arbitrary<RandomScenario> Scenarios(bool pinned, bool nonNegativeEffect = false, bool zeroEffectAndCost = false) =>
        Arb.From(Gen.Choose(0, int.MaxValue - 1).Select(seed => RandomScenario.From(seed, pinned, nonNegativeEffect, zeroEffectAndCost)));

    [Fact]
    public void The_difference_is_investment_minus_baseline_line_by_line()
    {
        Prop.ForAll(Scenarios(pinned: false), s =>
        {
            var result = TestData.Evaluate(s.Request);
            foreach (var year in result.Years)
            {
                foreach (var code in LineCodes.AllWithNet)
                {
                    // Each is rounded once from unrounded values, so they may differ by at most one øre.
                    if (Math.Abs(year.Difference[code] - (year.Investment[code] - year.Baseline[code])) > 0.01m)
                    {
                        return false;
                    }
                }
            }

            return true;
        }).Check(Runs);
    }

    [Fact]
    public void Yearly_sums_equal_the_sums_of_the_months()
    {
        Prop.ForAll(Scenarios(pinned: false), s =>
        {
            var context = TestData.Context();
            var result = TestData.Evaluate(s.Request, context);
            var (baseline, investment) = ScenarioEvaluator.MonthlyLines(s.Request, context)!.Value;
            for (var y = 0; y < result.HorizonYears; y++)
            {
                for (var l = 0; l < LineCatalogue.Count; l++)
                {
                    double b = 0, i = 0;
                    for (var t = 12 * y; t < 12 * (y + 1); t++)
                    {
                        b += baseline[(t * LineCatalogue.Count) + l];
                        i += investment[(t * LineCatalogue.Count) + l];
                    }

                    var code = LineCodes.MoneyLines[l];
                    if (Money.RoundToOere(b) != result.Years[y].Baseline[code] || Money.RoundToOere(i) != result.Years[y].Investment[code])
                    {
                        return false;
                    }
                }
            }

            return true;
        }).Check(Runs);
    }

    [Fact]
    public void Zero_effect_and_zero_cost_give_zero_difference()
    {
        Prop.ForAll(Scenarios(pinned: false, zeroEffectAndCost: true), s =>
        {
            var result = TestData.Evaluate(s.Request);
            return result.Years.All(y => LineCodes.AllWithNet.All(code => y.Difference[code] == 0m))
                && result.Kpis.NetEffectTotal == 0m && result.Kpis.BenefitMonthsSaved == 0 && result.Kpis.BreakEvenEffectMultiplier is null;
        }).Check(Runs);
    }

    /// <summary>
    /// 'A larger effect never lowers the net effect' holds under stated conditions, which this property
    /// uses (docs/method.md): every ΔE_y ≥ 0 and scaled by λ₁ &lt; λ₂ ≤ 1; fixed (pinned) benefit and tax; no
    /// in-job support (a cost per self-supporting person); no bonus table; equal Danish pass shares; earnings
    /// at or above the benefit (so a month in work never pays less tax than a month on benefit).
    /// </summary>
    [Fact]
    public void A_larger_non_negative_effect_never_lowers_the_net_effect_at_fixed_prices()
    {
        var pairs = Arb.From(Gen.Choose(0, int.MaxValue - 1).SelectMany(seed => Gen.Choose(0, 99).Select(cut => (seed, cut))));
        Prop.ForAll(pairs, pair =>
        {
            var s = RandomScenario.From(pair.seed, pinned: true, nonNegativeEffect: true);
            var request = s.Request with { MonthlyEarnings = Math.Max(s.Request.MonthlyEarnings!.Value, s.Request.Prices!.MonthlyBenefit!.Value) };
            var extra = request.Investment!.ExtraSelfSupportShareByYear!;
            var lambda1 = pair.cut / 100.0;
            var lower = TestData.Evaluate(request with { Investment = request.Investment with { ExtraSelfSupportShareByYear = [.. extra.Select(x => x * lambda1)] } });
            var higher = TestData.Evaluate(request);
            return higher.Kpis.NetEffectTotal >= lower.Kpis.NetEffectTotal - 0.01m;
        }).Check(Runs);
    }

    [Fact]
    public void A_one_cohort_plan_on_the_start_date_is_the_scenario_with_its_participants()
    {
        Prop.ForAll(Scenarios(pinned: false), s =>
        {
            var participants = s.Request.Participants ?? s.Request.Cohorts!.Sum(c => c.Participants);
            var flat = TestData.Evaluate(s.Request with { Participants = participants, Cohorts = null });
            var plan = TestData.Evaluate(s.Request with { Participants = null, Cohorts = [new Cohort(s.Request.StartDate!.Value, participants)] });
            return Fingerprint(flat) == Fingerprint(plan) && flat.Cohorts.SequenceEqual(plan.Cohorts);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(40));
    }

    [Fact]
    public void The_lean_evaluation_gives_the_unrounded_figures_of_the_full_result()
    {
        Prop.ForAll(Scenarios(pinned: false), s =>
        {
            var full = TestData.Evaluate(s.Request);
            var (lean, errors) = ScenarioEvaluator.EvaluateLean(s.Request, TestData.Context());
            return errors.Count == 0
                && Money.RoundToOere(lean!.Value.NetEffectTotal) == full.Kpis.NetEffectTotal
                && Money.RoundToOere(lean.Value.Npv) == full.Kpis.Npv
                && lean.Value.PaysBack == full.Kpis.PaybackMonth.HasValue;
        }).Check(Runs);
    }

    [Fact]
    public void Results_do_not_depend_on_the_order_of_the_parameter_files()
    {
        var documents = typeof(ParameterStore).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("parameters/", StringComparison.Ordinal))
            .Select(n => new KeyValuePair<string, string>(n, ParameterStore.ReadResource(typeof(ParameterStore).Assembly, n)))
            .ToArray();
        var reference = ParameterStore.Parse(documents);
        var request = new ScenarioRequest { MunicipalityCode = "851", CaseId = "NY-UNG", Participants = 50, StartDate = new DateOnly(2024, 7, 1) };
        var expected = Fingerprint(TestData.Evaluate(request, TestData.Context(reference)));
        Prop.ForAll(Arb.From(Gen.Shuffle(documents)), shuffled =>
        {
            var store = ParameterStore.Parse(shuffled);
            return store.ContentHash == reference.ContentHash
                && Fingerprint(TestData.Evaluate(request, TestData.Context(store))) == expected;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(30));
    }

    [Fact]
    public void The_same_inputs_give_bit_identical_results()
    {
        Prop.ForAll(Scenarios(pinned: false), s =>
            Fingerprint(TestData.Evaluate(s.Request)) == Fingerprint(TestData.Evaluate(s.Request))).Check(Config.QuickThrowOnFailure.WithMaxTest(40));
    }

    internal static string Fingerprint(ScenarioResult result) => System.Text.Json.JsonSerializer.Serialize(new
    {
        result.Years,
        result.Kpis.InvestmentTotal,
        result.Kpis.NetEffectTotal,
        result.Kpis.Npv,
        Return = result.Kpis.ReturnPerKrone.HasValue ? BitConverter.DoubleToInt64Bits(result.Kpis.ReturnPerKrone.Value) : 0,
        Break = result.Kpis.BreakEvenEffectMultiplier.HasValue ? BitConverter.DoubleToInt64Bits(result.Kpis.BreakEvenEffectMultiplier.Value) : 0,
        Extra = result.Kpis.ExtraSelfSupportingByYear.Select(BitConverter.DoubleToInt64Bits),
        Saved = BitConverter.DoubleToInt64Bits(result.Kpis.BenefitMonthsSaved),
        result.Kpis.PaybackMonth,
        result.ParametersUsed,
    });
}

/// <summary>The optimised plan simulation against the plain state-by-state reference.</summary>
public sealed class SimulationReferenceTests
{
    [Fact]
    public void The_optimised_simulation_matches_the_state_by_state_reference()
    {
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue - 1)), seed =>
        {
            var s = Properties.RandomScenario.From(seed, pinned: seed % 2 == 0);
            var prepared = ScenarioEvaluator.Prepare(s.Request, TestData.Context());
            Assert.Empty(prepared.Errors);
            var plan = new PlanSimulation(prepared.Scenario!, prepared.Prices!);
            foreach (var (hazards, future) in new[] { (prepared.BaseHazards!, Future.Baseline), (prepared.InvestHazards!, Future.Investment) })
            {
                var fast = FutureRun.Of(plan, future, hazards);
                var slow = new FutureRun(new double[fast.Lines.Length], new double[fast.OnBenefit.Length], new double[fast.OnBenefit.Length]);
                ReferenceSimulation.Run(prepared.Scenario!, prepared.Prices!, hazards, future == Future.Investment, slow.Lines, slow.OnBenefit, slow.SelfSupportingAfter);
                if (!Close(fast.Lines, slow.Lines, 1e-9) || !Close(fast.OnBenefit, slow.OnBenefit, 1e-11) || !Close(fast.SelfSupportingAfter, slow.SelfSupportingAfter, 1e-11))
                {
                    return false;
                }

                var net = plan.Net(future, hazards);
                if (Math.Abs(net - slow.Lines.Sum()) > 1e-9 * (1 + Math.Abs(net)))
                {
                    return false;
                }
            }

            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(200));
    }

    private static bool Close(double[] fast, double[] slow, double relative)
    {
        for (var i = 0; i < fast.Length; i++)
        {
            if (Math.Abs(fast[i] - slow[i]) > relative * (1 + Math.Abs(slow[i])))
            {
                return false;
            }
        }

        return true;
    }
}
