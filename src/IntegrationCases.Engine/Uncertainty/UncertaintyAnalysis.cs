using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Simulation;

namespace IntegrationCases.Engine.Uncertainty;

/// <summary>
/// The engine's uncertainty analysis (issue 12): the scenario's own figures, a tornado of the four factors and a
/// Monte Carlo summary. Pure: the same request and context give the same result, bit for bit, whatever the
/// degree of parallelism (draws are sampled sequentially first, then evaluated independently).
/// </summary>
public static class UncertaintyAnalysis
{
    public static UncertaintyOutcome Analyse(
        UncertaintyRequest request,
        EvaluationContext context,
        int maxDegreeOfParallelism = 1,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDegreeOfParallelism, 1);

        var errors = new List<ValidationError>();
        var prepared = ScenarioEvaluator.Prepare(request.Scenario, context);
        errors.AddRange(prepared.Errors.Select(e => e with { Path = e.Path.Length == 0 ? "scenario" : $"scenario.{e.Path}" }));
        context.Catalogue.TryGet(request.Scenario.CaseId, out var definition);
        var settings = UncertaintySettings.Resolve(request, definition?.UncertaintyRanges, errors);
        if (errors.Count > 0 || settings is null || prepared.Scenario is null)
        {
            return UncertaintyOutcome.Rejected(errors);
        }

        var evaluator = new DrawEvaluator(prepared.Scenario, context.Parameters, prepared.BaseHazards!);
        var own = evaluator.Evaluate(FactorMultipliers.One);
        var tornado = Tornado(evaluator, settings);
        var draws = FactorSampler.Sample(settings, evaluator.LambdaMax);
        var outcomes = DrawRunner.Run(evaluator, draws, maxDegreeOfParallelism, cancellationToken);
        var result = new UncertaintyResult(
            new KeyFigures(Money.RoundToOere(own.NetEffect), Money.RoundToOere(own.Npv)),
            tornado,
            Summarise(settings, outcomes));
        return UncertaintyOutcome.Success(result);
    }

    /// <summary>Each factor at its low and its high end, the others at 1; sorted by swing, largest first, ties in factor order.</summary>
    private static List<TornadoEntry> Tornado(DrawEvaluator evaluator, UncertaintySettings settings)
    {
        var entries = new List<TornadoEntry>(UncertaintyFactors.All.Count);
        foreach (var factor in UncertaintyFactors.All)
        {
            var range = settings.For(factor);
            entries.Add(new TornadoEntry(factor, End(evaluator, factor, range.Low), End(evaluator, factor, range.High)));
        }

        // OrderBy is stable: equal swings keep the factor order.
        return [.. entries.OrderByDescending(e => e.Swing)];
    }

    private static TornadoEnd End(DrawEvaluator evaluator, UncertaintyFactor factor, double value)
    {
        var applied = factor == UncertaintyFactor.EffectMultiplier ? FactorSampler.ClampEffect(value, evaluator.LambdaMax) : value;
        var outcome = evaluator.Evaluate(FactorMultipliers.Only(factor, applied));
        return new TornadoEnd(applied, Money.RoundToOere(outcome.NetEffect));
    }

    private static MonteCarloSummary Summarise(UncertaintySettings settings, DrawOutcome[] outcomes)
    {
        var net = new double[outcomes.Length];
        var npv = new double[outcomes.Length];
        int positive = 0, paysBack = 0;
        for (var i = 0; i < outcomes.Length; i++)
        {
            net[i] = outcomes[i].NetEffect;
            npv[i] = outcomes[i].Npv;
            positive += Money.RoundToOere(net[i]) > 0m ? 1 : 0;
            paysBack += outcomes[i].PaysBackWithinHorizon ? 1 : 0;
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
