using IntegrationCases.Engine.Cases;
using IntegrationCases.Engine.Municipalities;
using IntegrationCases.Pipeline.Mart;
using IntegrationCases.Pipeline.Municipalities;

namespace IntegrationCases.Pipeline.Extracts;

/// <summary>
/// Everything one municipality's extract shows: its cases of every scenario of the run, what they rest on, and the
/// uncertainty of its standard cases (none in an extract made without it).
/// </summary>
public sealed record MunicipalityExtract(
    Municipality Municipality,
    string RunId,
    DateOnly StartDate,
    string ParameterSet,
    string EngineVersion,
    MunicipalityFacts Facts,
    CaseCatalogue Catalogue,
    IReadOnlyList<ScenarioDefinition> Scenarios,
    IReadOnlyList<EvaluatedCase> Cases)
{
    public IReadOnlyList<CaseUncertainty> Uncertainty { get; init; } = [];
}
