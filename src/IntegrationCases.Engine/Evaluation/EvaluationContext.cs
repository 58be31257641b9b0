using IntegrationCases.Engine.Cases;
using IntegrationCases.Engine.Municipalities;
using IntegrationCases.Engine.Parameters;

namespace IntegrationCases.Engine.Evaluation;

/// <summary>
/// Everything a scenario is evaluated against: the dated parameters, the case catalogue, and the known
/// municipalities (the 98, keyed by 3-digit code) with their facts from data.
/// </summary>
public sealed record EvaluationContext(
    ParameterStore Parameters,
    CaseCatalogue Catalogue,
    IReadOnlyDictionary<string, MunicipalityFacts> Municipalities);
