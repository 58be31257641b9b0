using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Simulation;

namespace IntegrationCases.Engine.Uncertainty;

/// <summary>
/// The engine's uncertainty analysis (issue 12): the scenario's own figures, a tornado of the four factors and a
/// Monte Carlo summary. Pure: the same request and context give the same result, bit for bit, on any machine
/// (all draws are sampled sequentially first, then evaluated independently). A plan's factors apply to every
/// cohort, and λmax comes from the scenario's full arrays.
/// <para>
/// The contract's Monte Carlo evaluates the draws by the checked effect grid (<see cref="EffectGrid"/>): the
/// investment future is run at a few effect multipliers, and each draw interpolates the response and applies its
/// price factors exactly. The mart (<see cref="MonteCarlo"/>) uses the same grid, so a row of fact_uncertainty
/// and the API give the same figures. <see cref="AnalyseExact"/> runs every draw at its own point, the direct
/// evaluation the tests hold the grid against (P50 within 0.5 %, probabilityNetPositive within 0.01; measured
/// far closer, docs/uncertainty.md). The tornado is always evaluated directly, so its ends equal evaluate.
/// </para>
/// </summary>
public static class UncertaintyAnalysis
{
    /// <summary>The contract's analysis: base, tornado, and the Monte Carlo summary by the effect grid.</summary>
    public static UncertaintyOutcome Analyse(UncertaintyRequest request, EvaluationContext context, CancellationToken cancellationToken = default) =>
        Analyse(request, context, (prepared, settings, lambdaMax) => Grid(prepared, settings, lambdaMax).Evaluate(FactorSampler.Sample(settings, lambdaMax), cancellationToken));

    /// <summary>
    /// The same analysis with every draw evaluated by the engine's lean path at its own point (one investment run
    /// per draw, on up to <paramref name="maxDegreeOfParallelism"/> threads, the same bits for any number): the
    /// reference for the grid, and for benchmarks.
    /// </summary>
    public static UncertaintyOutcome AnalyseExact(
        UncertaintyRequest request,
        EvaluationContext context,
        int maxDegreeOfParallelism = 1,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDegreeOfParallelism, 1);
        return Analyse(request, context, (prepared, settings, lambdaMax) =>
            DrawRunner.Run(new EffectSweep(prepared), FactorSampler.Sample(settings, lambdaMax), maxDegreeOfParallelism, cancellationToken));
    }

    /// <summary>
    /// The Monte Carlo summary alone, by the effect grid: the figures of <see cref="Analyse"/> without the base and
    /// the tornado. For many scenarios at once (the mart).
    /// </summary>
    public static (MonteCarloSummary? Summary, IReadOnlyList<ValidationError> Errors) MonteCarlo(
        UncertaintyRequest request, EvaluationContext context, CancellationToken cancellationToken = default)
    {
        var (prepared, settings, errors) = Set(request, context);
        if (settings is null)
        {
            return (null, errors);
        }

        var lambdaMax = BreakEven.LambdaMax(prepared.Scenario!);
        var outcomes = Grid(prepared, settings, lambdaMax).Evaluate(FactorSampler.Sample(settings, lambdaMax), cancellationToken);
        return (Summarise(settings, outcomes), []);
    }

    private static UncertaintyOutcome Analyse(
        UncertaintyRequest request,
        EvaluationContext context,
        Func<ScenarioEvaluator.Prepared, UncertaintySettings, double, LeanResult[]> evaluateDraws)
    {
        var (prepared, settings, errors) = Set(request, context);
        if (settings is null)
        {
            return UncertaintyOutcome.Rejected(errors);
        }

        var scenario = prepared.Scenario!;
        var lambdaMax = BreakEven.LambdaMax(scenario);
        var own = LeanResult.Of(prepared);
        var tornado = Tornado(scenario, context, settings, lambdaMax);
        var outcomes = evaluateDraws(prepared, settings, lambdaMax);
        return UncertaintyOutcome.Success(new UncertaintyResult(
            new KeyFigures(Money.RoundToOere(own.NetEffectTotal), Money.RoundToOere(own.Npv)),
            tornado,
            Summarise(settings, outcomes)));
    }

    /// <summary>The effect grid over the effect's range, clamped to [0, λmax].</summary>
    private static EffectGrid Grid(ScenarioEvaluator.Prepared prepared, UncertaintySettings settings, double lambdaMax)
    {
        var effect = settings.For(UncertaintyFactor.EffectMultiplier);
        return EffectGrid.Build(
            new EffectSweep(prepared), FactorSampler.ClampEffect(effect.Low, lambdaMax), FactorSampler.ClampEffect(effect.High, lambdaMax));
    }

    /// <summary>The prepared scenario and the settings, or the errors with their request paths.</summary>
    private static (ScenarioEvaluator.Prepared Prepared, UncertaintySettings? Settings, List<ValidationError> Errors) Set(
        UncertaintyRequest request, EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var errors = new List<ValidationError>();
        var prepared = ScenarioEvaluator.Prepare(request.Scenario, context);
        errors.AddRange(prepared.Errors.Select(e => e with { Path = e.Path.Length == 0 ? "scenario" : $"scenario.{e.Path}" }));
        context.Catalogue.TryGet(request.Scenario.CaseId, out var definition);
        var settings = UncertaintySettings.Resolve(request, definition?.UncertaintyRanges, errors);
        return errors.Count > 0 || prepared.Scenario is null ? (prepared, null, errors) : (prepared, settings, errors);
    }

    /// <summary>Each factor at its low and its high end, the others at 1; sorted by swing, largest first, ties in factor order.</summary>
    private static List<TornadoEntry> Tornado(ResolvedScenario scenario, EvaluationContext context, UncertaintySettings settings, double lambdaMax)
    {
        var entries = new List<TornadoEntry>(UncertaintyFactors.All.Count);
        foreach (var factor in UncertaintyFactors.All)
        {
            var range = settings.For(factor);
            entries.Add(new TornadoEntry(factor, End(scenario, context, factor, range.Low, lambdaMax), End(scenario, context, factor, range.High, lambdaMax)));
        }

        // OrderBy is stable: equal swings keep the factor order.
        return [.. entries.OrderByDescending(e => e.Swing)];
    }

    /// <summary>
    /// A tornado end by the engine's lean path on the resolved scenario with the factor applied: the values a user
    /// would write into the scenario, so the end equals evaluate on that scenario to the øre.
    /// </summary>
    private static TornadoEnd End(ResolvedScenario scenario, EvaluationContext context, UncertaintyFactor factor, double value, double lambdaMax)
    {
        var applied = factor == UncertaintyFactor.EffectMultiplier ? FactorSampler.ClampEffect(value, lambdaMax) : value;
        var prepared = ScenarioEvaluator.Prepare(FactorMultipliers.Only(factor, applied).ApplyTo(scenario), context.Parameters);
        if (prepared.Errors.Count > 0)
        {
            // The scenario's own prices were found and λ is within [0, λmax]; the factors change amounts, no lookup.
            throw new InvalidOperationException($"A tornado end of {factor} could not be prepared: {prepared.Errors[0].Message}");
        }

        return new TornadoEnd(applied, Money.RoundToOere(LeanResult.Of(prepared).NetEffectTotal));
    }

    private static MonteCarloSummary Summarise(UncertaintySettings settings, LeanResult[] outcomes)
    {
        var net = new double[outcomes.Length];
        var npv = new double[outcomes.Length];
        int positive = 0, paysBack = 0;
        for (var i = 0; i < outcomes.Length; i++)
        {
            net[i] = outcomes[i].NetEffectTotal;
            npv[i] = outcomes[i].Npv;
            positive += Money.RoundsAboveZero(net[i]) ? 1 : 0;
            paysBack += outcomes[i].PaysBack ? 1 : 0;
        }

        // Sorted once each, in place: the draws' order matters no more.
        Array.Sort(net);
        Array.Sort(npv);
        return new MonteCarloSummary(
            settings.Draws,
            settings.Seed,
            SampleStatistics.SummariseSorted(net),
            SampleStatistics.SummariseSorted(npv),
            (double)positive / outcomes.Length,
            (double)paysBack / outcomes.Length,
            SampleStatistics.Histogram(net));
    }
}
