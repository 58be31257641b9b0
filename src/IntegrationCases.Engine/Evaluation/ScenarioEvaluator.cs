using IntegrationCases.Engine.Scenarios;
using IntegrationCases.Engine.Simulation;

namespace IntegrationCases.Engine.Evaluation;

/// <summary>
/// The engine's one entry point: validate a scenario (METHOD.md section 9), fill its defaults from the case,
/// the municipality's facts and the parameter store, run both futures of its intake plan and compute the
/// KPIs. Pure and thread-safe.
/// </summary>
public static class ScenarioEvaluator
{
    public static EvaluationOutcome Evaluate(ScenarioRequest request, EvaluationContext context)
    {
        var prepared = Prepare(request, context);
        return prepared.Errors.Count > 0
            ? EvaluationOutcome.Rejected(prepared.Errors)
            : EvaluationOutcome.Success(ResultBuilder.Build(prepared));
    }

    /// <summary>
    /// The lean evaluation for many draws (the uncertainty module): the unrounded net effect total and NPV and
    /// whether the investment pays back within the horizon, or null with the errors of a rejected scenario.
    /// </summary>
    internal static (LeanResult? Result, IReadOnlyList<ValidationError> Errors) EvaluateLean(ScenarioRequest request, EvaluationContext context)
    {
        var prepared = Prepare(request, context);
        return prepared.Errors.Count > 0 ? (null, prepared.Errors) : (LeanResult.Of(prepared), []);
    }

    /// <summary>The monthly money lines of both futures in DKK (index t × 10 + line), for tests of the yearly sums.</summary>
    internal static (double[] Baseline, double[] Investment)? MonthlyLines(ScenarioRequest request, EvaluationContext context)
    {
        var prepared = Prepare(request, context);
        if (prepared.Errors.Count > 0)
        {
            return null;
        }

        var plan = new PlanSimulation(prepared.Scenario!, prepared.Prices!);
        return (FutureRun.Of(plan, Future.Baseline, prepared.BaseHazards!).Lines, FutureRun.Of(plan, Future.Investment, prepared.InvestHazards!).Lines);
    }

    /// <summary>A validated scenario with its price table and both futures' hazards, or the errors.</summary>
    internal sealed record Prepared(
        IReadOnlyList<ValidationError> Errors,
        ResolvedScenario? Scenario = null,
        PriceTable? Prices = null,
        double[]? BaseHazards = null,
        double[]? InvestHazards = null,
        IReadOnlyList<Results.ParameterUse>? Lineage = null);

    internal static Prepared Prepare(ScenarioRequest request, EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);

        var (scenario, errors) = ScenarioResolver.Resolve(request, context);
        return scenario is null ? new Prepared(errors) : Prepare(scenario, context.Parameters);
    }

    /// <summary>
    /// A resolved scenario with its price table and hazards. The uncertainty analysis prepares its tornado ends
    /// here: the resolved scenario with the factors applied, exactly the values that evaluate would resolve.
    /// </summary>
    internal static Prepared Prepare(ResolvedScenario scenario, Parameters.ParameterStore store)
    {
        var (prices, lineage, priceErrors) = PriceTable.Build(scenario, store);
        if (prices is null)
        {
            return new Prepared(priceErrors);
        }

        var horizon = scenario.HorizonYears;
        var baseHazards = new double[horizon];
        var investHazards = new double[horizon];
        var r = scenario.JobLossMonthlyProbability;
        var baseFit = HazardCalibration.Calibrate(scenario.BaselineShares, default, 0, r, baseHazards);
        if (!baseFit.Ok)
        {
            return new Prepared([Unreachable("baseline.selfSupportShareByYear", baseFit, r, "Basisforløbets andel selvforsørgende")]);
        }

        var investFit = HazardCalibration.Calibrate(scenario.BaselineShares, scenario.ExtraShares, 1, r, investHazards);
        return investFit.Ok
            ? new Prepared([], scenario, prices, baseHazards, investHazards, lineage)
            : new Prepared([Unreachable("investment.extraSelfSupportShareByYear", investFit, r, "Investeringsforløbets andel selvforsørgende (basis plus ekstra)")]);
    }

    private static ValidationError Unreachable(string path, HazardCalibration.Result fit, double jobLoss, string what)
    {
        var year = fit.FailedYear + 1;
        return new ValidationError($"{path}[{fit.FailedYear}]",
            $"{what} ved udgangen af år {year} er {Danish.Number(Math.Round(fit.Target, 6))}, men kan ikke nås: med en jobtabsrisiko på {Danish.Number(jobLoss)} pr. måned og andelen ved årets start kan andelen ved udgangen af år {year} kun ligge mellem {Danish.Number(Math.Round(fit.Low, 6))} og {Danish.Number(Math.Round(fit.High, 6))}.");
    }
}
