using IntegrationCases.Engine.Cases;
using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Municipalities;
using IntegrationCases.Engine.Scenarios;
using IntegrationCases.Engine.Simulation;
using IntegrationCases.Engine.Uncertainty;
using Xunit.Abstractions;

namespace IntegrationCases.Engine.Tests.Uncertainty;

/// <summary>
/// The two ways the analysis evaluates a draw, held against direct evaluation (the resolved scenario with the
/// factors applied, prepared and run by the engine's lean path, as a tornado end is): the exact response of
/// the contract (one investment run per draw) and the effect grid of the mart (issue 12: P50 within 0.5 % and
/// probabilityNetPositive within 0.01). Three municipalities with their own tax rates, every standard case,
/// a start in January and one in July (the tax terms change inside a horizon year), a plan of three cohorts.
/// </summary>
public sealed class ShortcutAccuracyTests(ITestOutputHelper output)
{
    private static readonly MunicipalityFacts[] Facts =
    [
        new("101", "København", new Dictionary<string, double>(), Rates(0.2350, 0.0)),
        new("851", "Aalborg", new Dictionary<string, double>(), Rates(0.2560, 0.0005)),
        new("787", "Thisted", new Dictionary<string, double>(), Rates(0.2590, -0.0004)),
    ];

    public static TheoryData<string, int> Scenarios()
    {
        var data = new TheoryData<string, int>();
        foreach (var f in Facts)
        {
            data.Add(f.Code, 1);
            data.Add(f.Code, 7);
        }

        return data;
    }

    private static Dictionary<int, double> Rates(double first, double step) =>
        Enumerable.Range(2026, 12).ToDictionary(y => y, y => first + (step * (y - 2026)));

    private static EvaluationContext Context() => TestData.Context(null, Facts);

    private static ScenarioRequest Scenario(string municipality, string caseId, int startMonth) => new()
    {
        MunicipalityCode = municipality,
        CaseId = caseId,
        Participants = 40,
        StartDate = new DateOnly(2026, startMonth, 1),
        DiscountRate = 0.03,
    };

    /// <summary>Every draw by direct evaluation: the resolved scenario times the draw's factors, prepared anew.</summary>
    private static LeanResult[] Direct(UncertaintyRequest request, EvaluationContext context)
    {
        var prepared = ScenarioEvaluator.Prepare(request.Scenario, context);
        context.Catalogue.TryGet(request.Scenario.CaseId, out var definition);
        var settings = UncertaintySettings.Resolve(request, definition!.UncertaintyRanges, [])!;
        var draws = FactorSampler.Sample(settings, BreakEven.LambdaMax(prepared.Scenario!));
        return [.. draws.Select(d => LeanResult.Of(ScenarioEvaluator.Prepare(d.ApplyTo(prepared.Scenario!), context.Parameters)))];
    }

    private static LeanResult[] Exact(UncertaintyRequest request, EvaluationContext context)
    {
        var prepared = ScenarioEvaluator.Prepare(request.Scenario, context);
        context.Catalogue.TryGet(request.Scenario.CaseId, out var definition);
        var settings = UncertaintySettings.Resolve(request, definition!.UncertaintyRanges, [])!;
        var draws = FactorSampler.Sample(settings, BreakEven.LambdaMax(prepared.Scenario!));
        return DrawRunner.Run(new EffectSweep(prepared), draws, 1, CancellationToken.None);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void The_exact_response_of_every_draw_equals_direct_evaluation_to_a_hundredth_of_an_øre(string municipality, int startMonth)
    {
        var context = Context();
        foreach (var c in CaseCatalogue.Standard.Cases)
        {
            var request = new UncertaintyRequest { Scenario = Scenario(municipality, c.Id, startMonth), Draws = 60, Seed = 5 };
            var direct = Direct(request, context);
            var exact = Exact(request, context);
            for (var i = 0; i < direct.Length; i++)
            {
                Assert.Equal(direct[i].NetEffectTotal, exact[i].NetEffectTotal, 1e-4);
                Assert.Equal(direct[i].Npv, exact[i].Npv, 1e-4);
                Assert.Equal(direct[i].PaysBack, exact[i].PaysBack);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void The_effect_grid_gives_p50_within_half_a_percent_and_the_probability_within_a_hundredth_of_direct_evaluation(string municipality, int startMonth)
    {
        var context = Context();
        double worstP50 = 0, worstProbability = 0, worstDraw = 0;
        foreach (var c in CaseCatalogue.Standard.Cases)
        {
            var request = new UncertaintyRequest { Scenario = Scenario(municipality, c.Id, startMonth), Draws = 400, Seed = 1 };
            var direct = Direct(request, context);
            var grid = UncertaintyAnalysis.MonteCarlo(request, context).Summary!;
            var net = direct.Select(d => d.NetEffectTotal).ToArray();
            var p50 = (double)SampleStatistics.Summarise(net).P50;
            var probability = direct.Count(d => Money.RoundToOere(d.NetEffectTotal) > 0m) / (double)direct.Length;
            var p50Error = Math.Abs((double)grid.NetEffectTotal.P50 - p50) / Math.Max(Math.Abs(p50), 1);
            Assert.True(p50Error <= 0.005, $"{c.Id}: P50 {grid.NetEffectTotal.P50} against {p50}");
            Assert.InRange(Math.Abs(grid.ProbabilityNetPositive - probability), 0, 0.01);
            worstP50 = Math.Max(worstP50, p50Error);
            worstProbability = Math.Max(worstProbability, Math.Abs(grid.ProbabilityNetPositive - probability));
            worstDraw = Math.Max(worstDraw, WorstDraw(request, context, direct));
        }

        output.WriteLine($"{municipality} start month {startMonth}: worst P50 error {worstP50:E2} (relative), probability {worstProbability}, worst single draw {worstDraw:E2} (relative to the draw's spread)");
    }

    /// <summary>The largest error of one draw's net effect under the grid, relative to the spread of the draws.</summary>
    private static double WorstDraw(UncertaintyRequest request, EvaluationContext context, LeanResult[] direct)
    {
        var prepared = ScenarioEvaluator.Prepare(request.Scenario, context);
        context.Catalogue.TryGet(request.Scenario.CaseId, out var definition);
        var settings = UncertaintySettings.Resolve(request, definition!.UncertaintyRanges, [])!;
        var lambdaMax = BreakEven.LambdaMax(prepared.Scenario!);
        var effect = settings.For(UncertaintyFactor.EffectMultiplier);
        var grid = EffectGrid.Build(new EffectSweep(prepared), FactorSampler.ClampEffect(effect.Low, lambdaMax), FactorSampler.ClampEffect(effect.High, lambdaMax));
        var interpolated = grid.Evaluate(FactorSampler.Sample(settings, lambdaMax), CancellationToken.None);
        var spread = direct.Max(d => d.NetEffectTotal) - direct.Min(d => d.NetEffectTotal);
        return direct.Select((d, i) => Math.Abs(d.NetEffectTotal - interpolated[i].NetEffectTotal)).Max() / Math.Max(spread, 1);
    }

    private static EffectGrid Grid(UncertaintyRequest request, EvaluationContext context, double relativeTolerance = EffectGrid.RelativeTolerance, int maxDepth = EffectGrid.MaxDepth)
    {
        var prepared = ScenarioEvaluator.Prepare(request.Scenario, context);
        context.Catalogue.TryGet(request.Scenario.CaseId, out var definition);
        var settings = UncertaintySettings.Resolve(request, definition!.UncertaintyRanges, [])!;
        var lambdaMax = BreakEven.LambdaMax(prepared.Scenario!);
        var effect = settings.For(UncertaintyFactor.EffectMultiplier);
        return EffectGrid.Build(
            new EffectSweep(prepared), FactorSampler.ClampEffect(effect.Low, lambdaMax), FactorSampler.ClampEffect(effect.High, lambdaMax), relativeTolerance, maxDepth);
    }

    [Fact]
    public void A_smooth_response_takes_one_piece_and_IGU_s_steep_one_is_cut_into_several_none_evaluated_draw_by_draw()
    {
        var context = Context();
        foreach (var c in CaseCatalogue.Standard.Cases)
        {
            var grid = Grid(new UncertaintyRequest { Scenario = Scenario("851", c.Id, 1) }, context);
            output.WriteLine($"{c.Id}: {grid.PieceCount} piece(s) from {string.Join(", ", grid.PieceStarts.Select(x => x.ToString("0.#####", System.Globalization.CultureInfo.InvariantCulture)))}");
            Assert.Equal(0, grid.ExactPieceCount);
            if (c.Id != "IGU")
            {
                Assert.Equal(1, grid.PieceCount);
            }
        }

        Assert.InRange(Grid(new UncertaintyRequest { Scenario = Scenario("851", "IGU", 1) }, context).PieceCount, 2, 40);
    }

    [Fact]
    public void A_range_reaching_lambda_max_holds_against_direct_evaluation_in_the_grid()
    {
        // IGU's λmax is about 1.05: half the draws of an effect range 0.5-1.5 are clamped to it, where the response is steepest.
        var context = Context();
        var request = new UncertaintyRequest
        {
            Scenario = Scenario("851", "IGU", 7),
            Ranges = new UncertaintyRangesRequest { EffectMultiplier = new FactorRangeRequest { Low = 0.5, High = 1.5 } },
            Draws = 400,
            Seed = 9,
        };
        var direct = Direct(request, context);
        var net = direct.Select(d => d.NetEffectTotal).ToArray();
        var p50 = (double)SampleStatistics.Summarise(net).P50;
        var grid = UncertaintyAnalysis.MonteCarlo(request, context).Summary!;
        Assert.InRange(Math.Abs((double)grid.NetEffectTotal.P50 - p50) / Math.Abs(p50), 0, 0.005);
        Assert.InRange(Math.Abs(grid.ProbabilityNetPositive - (direct.Count(d => Money.RoundToOere(d.NetEffectTotal) > 0m) / (double)direct.Length)), 0, 0.01);
        var prepared = ScenarioEvaluator.Prepare(request.Scenario, context);
        var lambdaMax = BreakEven.LambdaMax(prepared.Scenario!);
        var settings = UncertaintySettings.Resolve(request, CaseCatalogue.Standard.Cases.Single(c => c.Id == "IGU").UncertaintyRanges, [])!;
        Assert.InRange(FactorSampler.Sample(settings, lambdaMax).Count(d => d.Effect == lambdaMax), 100, 300);
        Assert.True(Grid(request, context).PieceCount > 1);
    }

    [Fact]
    public void A_piece_no_interpolant_meets_is_evaluated_draw_by_draw_exactly()
    {
        // Tolerance 0: no piece passes its check, so after two halvings all four pieces are evaluated draw by draw.
        var context = Context();
        var request = new UncertaintyRequest { Scenario = Scenario("787", "NY-AKT-30", 1), Draws = 120, Seed = 4 };
        var grid = Grid(request, context, relativeTolerance: 0, maxDepth: 2);
        Assert.Equal(4, grid.PieceCount);
        Assert.Equal(4, grid.ExactPieceCount);
        var prepared = ScenarioEvaluator.Prepare(request.Scenario, context);
        context.Catalogue.TryGet(request.Scenario.CaseId, out var definition);
        var settings = UncertaintySettings.Resolve(request, definition!.UncertaintyRanges, [])!;
        var draws = FactorSampler.Sample(settings, BreakEven.LambdaMax(prepared.Scenario!));
        Assert.Equal(Exact(request, context), grid.Evaluate(draws, CancellationToken.None));
    }

    [Fact]
    public void A_plan_s_factors_apply_to_every_cohort_exactly_and_in_the_grid()
    {
        var context = Context();
        var scenario = Scenario("851", "NY-JOB-30", 1) with
        {
            Participants = null,
            Cohorts = [new Cohort(new DateOnly(2026, 1, 1), 20), new Cohort(new DateOnly(2026, 7, 1), 15), new Cohort(new DateOnly(2027, 3, 1), 10)],
        };
        var request = new UncertaintyRequest { Scenario = scenario, Draws = 300, Seed = 3 };
        var direct = Direct(request, context);
        var exact = Exact(request, context);
        for (var i = 0; i < direct.Length; i++)
        {
            Assert.Equal(direct[i].NetEffectTotal, exact[i].NetEffectTotal, 1e-4);
            Assert.Equal(direct[i].Npv, exact[i].Npv, 1e-4);
        }

        var p50 = (double)SampleStatistics.Summarise([.. direct.Select(d => d.NetEffectTotal)]).P50;
        var grid = UncertaintyAnalysis.MonteCarlo(request, context).Summary!;
        Assert.InRange(Math.Abs((double)grid.NetEffectTotal.P50 - p50) / Math.Abs(p50), 0, 0.005);
    }

    [Fact]
    public void Collapsed_ranges_give_the_base_in_the_grid_too()
    {
        var one = new FactorRangeRequest { Low = 1, High = 1 };
        var request = new UncertaintyRequest
        {
            Scenario = Scenario("851", "IGU", 7),
            Ranges = new UncertaintyRangesRequest { EffectMultiplier = one, CostMultiplier = one, EarningsMultiplier = one, EffortCostMultiplier = one },
            Draws = 50,
        };
        var baseResult = UncertaintyAnalysis.Analyse(request, Context()).Result!.Base;
        var grid = UncertaintyAnalysis.MonteCarlo(request, Context()).Summary!;
        Assert.All(new[] { grid.NetEffectTotal.P5, grid.NetEffectTotal.P50, grid.NetEffectTotal.P95, grid.NetEffectTotal.Mean }, p => Assert.Equal(baseResult.NetEffectTotal, p));
        Assert.Equal(baseResult.Npv, grid.Npv.P50);
    }
}
