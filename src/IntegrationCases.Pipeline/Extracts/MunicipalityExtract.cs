using IntegrationCases.Engine.Cases;
using IntegrationCases.Engine.Municipalities;
using IntegrationCases.Pipeline.Mart;
using IntegrationCases.Pipeline.Municipalities;

namespace IntegrationCases.Pipeline.Extracts;

/// <summary>Everything one municipality's extract shows: its cases of every scenario of the run, and what they rest on.</summary>
public sealed record MunicipalityExtract(
    Municipality Municipality,
    string RunId,
    DateOnly StartDate,
    string ParameterSet,
    string EngineVersion,
    MunicipalityFacts Facts,
    CaseCatalogue Catalogue,
    IReadOnlyList<ScenarioDefinition> Scenarios,
    IReadOnlyList<EvaluatedCase> Cases);
