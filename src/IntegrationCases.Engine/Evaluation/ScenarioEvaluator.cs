using IntegrationCases.Engine.Results;
using IntegrationCases.Engine.Scenarios;
using IntegrationCases.Engine.Simulation;

namespace IntegrationCases.Engine.Evaluation;

/// <summary>
/// The engine's one entry point: validate a scenario (METHOD.md section 9), fill its defaults from the case,
/// the municipality's facts and the parameter store, run both futures and compute the KPIs. Pure and
/// thread-safe.
/// </summary>
public static class ScenarioEvaluator
{
    public static EvaluationOutcome Evaluate(ScenarioRequest request, EvaluationContext context)
    {
        var prepared = Prepare(request, context);
        if (prepared.Errors.Count > 0)
        {
            return EvaluationOutcome.Rejected(prepared.Errors);
        }

        var result = ResultBuilder.Build(prepared.Scenario!, prepared.Prices!, prepared.BaseHazards!, prepared.InvestHazards!, prepared.Lineage!);
        return EvaluationOutcome.Success(result);
    }

    /// <summary>The monthly money lines of both futures in DKK (index t × 10 + line), for tests of the yearly sums.</summary>
    internal static (double[] Baseline, double[] Investment)? MonthlyLines(ScenarioRequest request, EvaluationContext context)
    {
        var prepared = Prepare(request, context);
        if (prepared.Errors.Count > 0)
        {
            return null;
        }

        var scenario = prepared.Scenario!;
        var simulation = new CohortSimulation();
        var baseLines = new double[scenario.Months * CohortSimulation.LineCount];
        var investLines = new double[scenario.Months * CohortSimulation.LineCount];
        simulation.Run(prepared.Prices!, prepared.BaseHazards!, false, scenario.DanishTestBaselinePassShare, baseLines, default, default);
        simulation.Run(prepared.Prices!, prepared.InvestHazards!, true, scenario.DanishTestInvestmentPassShare, investLines, default, default);
        for (var i = 0; i < baseLines.Length; i++)
        {
            baseLines[i] *= scenario.Participants;
            investLines[i] *= scenario.Participants;
        }

        return (baseLines, investLines);
    }

    internal sealed record Prepared(
        IReadOnlyList<ValidationError> Errors,
        ResolvedScenario? Scenario = null,
        PriceTable? Prices = null,
        double[]? BaseHazards = null,
        double[]? InvestHazards = null,
        IReadOnlyList<ParameterUse>? Lineage = null);

    internal static Prepared Prepare(ScenarioRequest request, EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);

        var (scenario, errors) = ScenarioResolver.Resolve(request, context);
        if (scenario is null)
        {
            return new Prepared(errors);
        }

        var (prices, lineage, priceErrors) = PriceTable.Build(scenario, context.Parameters);
        if (prices is null)
        {
            return new Prepared(priceErrors);
        }

        var horizon = scenario.HorizonYears;
        var baseHazards = new double[horizon];
        var investHazards = new double[horizon];
        var calibrationErrors = new List<ValidationError>();
        var baseFit = HazardCalibration.Calibrate(scenario.BaselineShares, default, 0, scenario.JobLossMonthlyProbability, baseHazards);
        if (!baseFit.Ok)
        {
            calibrationErrors.Add(Unreachable("baseline.selfSupportShareByYear", baseFit, scenario.JobLossMonthlyProbability,
                "Basisforløbets andel selvforsørgende"));
        }
        else
        {
            var investFit = HazardCalibration.Calibrate(scenario.BaselineShares, scenario.ExtraShares, 1, scenario.JobLossMonthlyProbability, investHazards);
            if (!investFit.Ok)
            {
                calibrationErrors.Add(Unreachable("investment.extraSelfSupportShareByYear", investFit, scenario.JobLossMonthlyProbability,
                    "Investeringsforløbets andel selvforsørgende (basis plus ekstra)"));
            }
        }

        return calibrationErrors.Count > 0
            ? new Prepared(calibrationErrors)
            : new Prepared([], scenario, prices, baseHazards, investHazards, lineage);
    }

    private static ValidationError Unreachable(string path, HazardCalibration.Result fit, double jobLoss, string what)
    {
        var year = fit.FailedYear + 1;
        return new ValidationError($"{path}[{fit.FailedYear}]",
            $"{what} ved udgangen af år {year} er {Danish.Number(Math.Round(fit.Target, 6))}, men kan ikke nås: med en jobtabsrisiko på {Danish.Number(jobLoss)} pr. måned og andelen ved årets start kan andelen ved udgangen af år {year} kun ligge mellem {Danish.Number(Math.Round(fit.Low, 6))} og {Danish.Number(Math.Round(fit.High, 6))}.");
    }
}
