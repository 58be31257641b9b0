using IntegrationCases.Engine.Evaluation;

namespace IntegrationCases.Engine.Simulation;

/// <summary>
/// The lean evaluation of one prepared scenario at many effect multipliers λ: the baseline future once, the
/// investment future per λ with every cohort's hazards calibrated to E_y + λ ΔE_y (the break-even search's
/// scaling, METHOD.md section 7), each as a <see cref="LeanResponse"/>. λ must lie in [0, λmax]
/// (<see cref="BreakEven.LambdaMax(ResolvedScenario)"/>). Not thread-safe; <see cref="Fork"/> one per worker.
/// </summary>
internal sealed class EffectSweep
{
    private readonly ScenarioEvaluator.Prepared prepared;
    private readonly ResolvedScenario scenario;
    private readonly PlanSimulation plan;
    private readonly FutureRun baseline;
    private readonly double[] hazards;

    public EffectSweep(ScenarioEvaluator.Prepared prepared)
        : this(prepared, null, null)
    {
    }

    private EffectSweep(ScenarioEvaluator.Prepared prepared, FutureRun? baseline, EarningsTaxGroups? groups)
    {
        this.prepared = prepared;
        scenario = prepared.Scenario!;
        plan = new PlanSimulation(scenario, prepared.Prices!);
        this.baseline = baseline ?? FutureRun.Of(plan, Future.Baseline, prepared.BaseHazards!);
        Groups = groups ?? new EarningsTaxGroups(scenario, prepared.Prices!);
        hazards = new double[scenario.HorizonYears];
    }

    public EarningsTaxGroups Groups { get; }

    public int ResponseLength => LeanResponse.Length(Groups);

    /// <summary>Another sweep of the same scenario sharing the baseline run, with its own simulation state.</summary>
    public EffectSweep Fork() => new(prepared, baseline, Groups);

    /// <summary>The response at effect multiplier <paramref name="lambda"/> into <paramref name="response"/>.</summary>
    public void At(double lambda, Span<double> response)
    {
        var fit = HazardCalibration.Calibrate(scenario.BaselineShares, scenario.ExtraShares, lambda, scenario.JobLossMonthlyProbability, hazards);
        if (!fit.Ok)
        {
            throw new InvalidOperationException($"Effect multiplier {lambda} cannot be reached (year {fit.FailedYear + 1}); clamp it to [0, λmax] first.");
        }

        LeanResponse.Of(scenario, Groups, baseline, FutureRun.Of(plan, Future.Investment, hazards), response);
    }

    /// <summary>The response of the prepared scenario itself (its own investment hazards, λ = 1).</summary>
    public void AtOwnEffect(Span<double> response) =>
        LeanResponse.Of(scenario, Groups, baseline, FutureRun.Of(plan, Future.Investment, prepared.InvestHazards!), response);
}
