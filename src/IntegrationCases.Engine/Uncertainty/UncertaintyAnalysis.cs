using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Simulation;

namespace IntegrationCases.Engine.Uncertainty;

/// <summary>
/// The engine's uncertainty analysis (issue 12): the scenario's own figures, a tornado of the four factors and a
/// Monte Carlo summary. Pure: the same request and context give the same result, bit for bit, whatever the
/// degree of parallelism (draws are sampled sequentially first, then evaluated independently). A plan's factors
/// apply to every cohort, and λmax comes from the scenario's full arrays.
/// </summary>
public static class UncertaintyAnalysis
{
    /// <summary>The contract's analysis: every draw evaluated by the engine's lean path at its own point (exact).</summary>
    public static UncertaintyOutcome Analyse(
        UncertaintyRequest request,
        EvaluationContext context,
        int maxDegreeOfParallelism = 1,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDegreeOfParallelism, 1);
        var (prepared, settings, errors) = Set(request, context);
        if (settings is null)
        {
            return UncertaintyOutcome.Rejected(errors);
        }

        var scenario = prepared.Scenario!;
        var lambdaMax = BreakEven.LambdaMax(scenario);
        var own = LeanResult.Of(prepared);
        var tornado = Tornado(scenario, context, settings, lambdaMax);
        var draws = FactorSampler.Sample(settings, lambdaMax);
        var outcomes = DrawRunner.Run(new EffectSweep(prepared), draws, maxDegreeOfParallelism, cancellationToken);
        return UncertaintyOutcome.Success(new UncertaintyResult(
            new KeyFigures(Money.RoundToOere(own.NetEffectTotal), Money.RoundToOere(own.Npv)),
            tornado,
            Summarise(settings, outcomes)));
    }

    /// <summary>
    /// The Monte Carlo summary alone, by the effect grid (<see cref="EffectGrid"/>): the same draws as
    /// <see cref="Analyse"/>, with the response interpolated in the effect multiplier. For many scenarios at
    /// once (the mart); tested against <see cref="Analyse"/> and direct evaluation.
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
        var effect = settings.For(UncertaintyFactor.EffectMultiplier);
        var grid = EffectGrid.Build(
            new EffectSweep(prepared), FactorSampler.ClampEffect(effect.Low, lambdaMax), FactorSampler.ClampEffect(effect.High, lambdaMax));
        var outcomes = grid.Evaluate(FactorSampler.Sample(settings, lambdaMax), cancellationToken);
        return (Summarise(settings, outcomes), []);
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

        var sortedNet = (double[])net.Clone();
        Array.Sort(sortedNet);
        return new MonteCarloSummary(
            settings.Draws,
            settings.Seed,
            SampleStatistics.Summarise(net),
            SampleStatistics.Summarise(npv),
            (double)positive / outcomes.Length,
            (double)paysBack / outcomes.Length,
            SampleStatistics.Histogram(sortedNet));
    }
}
