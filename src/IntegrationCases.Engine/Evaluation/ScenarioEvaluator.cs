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
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);

        var (scenario, errors) = ScenarioResolver.Resolve(request, context);
        if (scenario is null)
        {
            return EvaluationOutcome.Rejected(errors);
        }

        var (prices, lineage, priceErrors) = PriceTable.Build(scenario, context.Parameters);
        if (prices is null)
        {
            return EvaluationOutcome.Rejected(priceErrors);
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

        if (calibrationErrors.Count > 0)
        {
            return EvaluationOutcome.Rejected(calibrationErrors);
        }

        var result = ResultBuilder.Build(scenario, prices, baseHazards, investHazards, lineage);
        return EvaluationOutcome.Success(result);
    }

    private static ValidationError Unreachable(string path, HazardCalibration.Result fit, double jobLoss, string what)
    {
        var year = fit.FailedYear + 1;
        return new ValidationError($"{path}[{fit.FailedYear}]",
            $"{what} ved udgangen af år {year} er {Danish.Number(Math.Round(fit.Target, 6))}, men kan ikke nås: med en jobtabsrisiko på {Danish.Number(jobLoss)} pr. måned og andelen ved årets start kan andelen ved udgangen af år {year} kun ligge mellem {Danish.Number(Math.Round(fit.Low, 6))} og {Danish.Number(Math.Round(fit.High, 6))}.");
    }
}
