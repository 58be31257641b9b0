using IntegrationCases.Engine.Scenarios;

namespace IntegrationCases.Engine.Evaluation;

/// <summary>
/// The engine's one entry point: validate a scenario (METHOD.md section 9), fill its defaults from the case,
/// the municipality's facts and the parameter store, run both futures and compute the KPIs. Pure and
/// thread-safe.
/// </summary>
public static class ScenarioEvaluator
{
    public static EvaluationOutcome Evaluate(ScenarioRequest request, EvaluationContext context) =>
        throw new NotImplementedException("engine: evaluator");
}
