using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Parameters;
using IntegrationCases.Engine.Simulation;

namespace IntegrationCases.Engine.Uncertainty;

/// <summary>What one point of the analysis needs: the unrounded net effect and NPV, and whether it pays back.</summary>
internal readonly record struct DrawOutcome(double NetEffect, double Npv, bool PaysBackWithinHorizon);

/// <summary>
/// The lean evaluation of one point (a tornado end or a Monte Carlo draw): the resolved scenario with the factors
/// applied, its unit prices, both futures, and only the net effect, the NPV and payback within the horizon — no
/// result lines, no lineage, no break-even search. The sums run in the same order as ResultBuilder's, so the
/// point with every factor at 1 gives the bits that evaluate gives.
/// <para>
/// Plug point: the engine's own lean evaluation (net effect, NPV, payback within the horizon) replaces the body
/// of <see cref="Evaluate"/> when it lands. Not thread-safe (scratch buffers); <see cref="Fork"/> one per worker.
/// </para>
/// </summary>
internal sealed class DrawEvaluator
{
    private const int Lines = CohortSimulation.LineCount;

    private readonly ResolvedScenario scenario;
    private readonly ParameterStore store;
    private readonly double[] baseHazards;
    private readonly CohortSimulation simulation = new();
    private readonly double[] investHazards;
    private readonly double[] baseLines;
    private readonly double[] investLines;
    private readonly double[] baseYear;
    private readonly double[] investYear;

    public DrawEvaluator(ResolvedScenario scenario, ParameterStore store, double[] baseHazards)
    {
        this.scenario = scenario;
        this.store = store;
        this.baseHazards = baseHazards;
        investHazards = new double[scenario.HorizonYears];
        baseLines = new double[scenario.Months * Lines];
        investLines = new double[scenario.Months * Lines];
        baseYear = new double[scenario.HorizonYears * Lines];
        investYear = new double[scenario.HorizonYears * Lines];
        LambdaMax = BreakEven.LambdaMax(scenario.BaselineShares, scenario.ExtraShares, scenario.JobLossMonthlyProbability, new double[scenario.HorizonYears]);
    }

    /// <summary>The largest effect multiplier the break-even search allows (METHOD.md section 7); the effect is clamped to [0, λmax].</summary>
    public double LambdaMax { get; }

    /// <summary>Another evaluator of the same scenario with its own scratch buffers, for a parallel worker.</summary>
    public DrawEvaluator Fork() => new(scenario, store, baseHazards);

    public DrawOutcome Evaluate(FactorMultipliers multipliers)
    {
        var point = multipliers.ApplyTo(scenario);
        var (prices, _, errors) = PriceTable.Build(point, store);
        if (prices is null)
        {
            // The scenario's own prices were found; the factors change no lookup, only amounts.
            throw new InvalidOperationException($"Unit prices of a multiplied scenario could not be built: {errors[0].Message}");
        }

        var fit = HazardCalibration.Calibrate(point.BaselineShares, point.ExtraShares, 1, point.JobLossMonthlyProbability, investHazards);
        if (!fit.Ok)
        {
            throw new InvalidOperationException($"Effect multiplier {multipliers.Effect} is beyond λmax {LambdaMax}; clamp it first.");
        }

        simulation.Run(prices, baseHazards, false, point.DanishTestBaselinePassShare, baseLines, default, default);
        simulation.Run(prices, investHazards, true, point.DanishTestInvestmentPassShare, investLines, default, default);
        return Summarise(point.Participants, point.DiscountRate);
    }

    /// <summary>Net effect and NPV from yearly line sums, payback from the monthly running sum, as ResultBuilder computes them.</summary>
    private DrawOutcome Summarise(double n, double discountRate)
    {
        Array.Clear(baseYear);
        Array.Clear(investYear);
        var running = 0.0;
        for (var t = 0; t < scenario.Months; t++)
        {
            var y = t / 12;
            var monthDiff = 0.0;
            for (var l = 0; l < Lines; l++)
            {
                var b = baseLines[(t * Lines) + l] * n;
                var i = investLines[(t * Lines) + l] * n;
                baseYear[(y * Lines) + l] += b;
                investYear[(y * Lines) + l] += i;
                monthDiff += i - b;
            }

            running += monthDiff;
        }

        var net = 0.0;
        var npv = 0.0;
        for (var y = 0; y < scenario.HorizonYears; y++)
        {
            double baseNet = 0, investNet = 0;
            for (var l = 0; l < Lines; l++)
            {
                baseNet += baseYear[(y * Lines) + l];
                investNet += investYear[(y * Lines) + l];
            }

            var netDiff = investNet - baseNet;
            net += netDiff;
            npv += netDiff * Math.Pow(1 + discountRate, -y);
        }

        // paybackMonth exists exactly when the rounded cumulative difference of the last month is ≥ 0.00.
        return new DrawOutcome(net, npv, Money.RoundToOere(running) >= 0m);
    }
}
