using IntegrationCases.Engine;
using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Municipalities;
using IntegrationCases.Engine.Results;
using IntegrationCases.Pipeline.Mart;
using IntegrationCases.Pipeline.Municipalities;

namespace IntegrationCases.Pipeline.Extracts;

/// <summary>
/// One what-if scenario as a municipality extract: the same workbook layout as the run's extract
/// (<see cref="XlsxExtractWriter"/>), holding just this scenario, so a budget note can use either.
/// </summary>
public static class ScenarioExtract
{
    public const string ScenarioId = "beregningsvaerktoej";
    public const string ScenarioName = "Eget scenarie (beregningsværktøjet)";

    public static MunicipalityExtract For(
        Municipality municipality, string runId, ScenarioResult result, EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(municipality);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        var facts = context.Municipalities.TryGetValue(municipality.Code, out var f)
            ? f
            : new MunicipalityFacts(municipality.Code, municipality.Name, new Dictionary<string, double>(), new Dictionary<int, double>());
        return new MunicipalityExtract(
            municipality,
            runId,
            result.StartDate,
            context.Parameters.ContentHash,
            EngineInfo.EngineVersion,
            facts,
            context.Catalogue,
            [new ScenarioDefinition(ScenarioId, ScenarioName, ScenarioDefinition.Municipal, "Et scenarie beregnet i beregningsværktøjet med kommunens egne forudsætninger.")],
            // The participants the engine used: the resolved plan's persons, summed over its cohorts.
            [EvaluatedCase.Of(ScenarioId, result)]);
    }
}
