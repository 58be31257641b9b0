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
    IReadOnlyDictionary<string, MunicipalityFacts> Municipalities)
{
    /// <summary>
    /// The start date of a scenario that gives none (METHOD.md section 2): 1 January of the next year in Danish
    /// time, which only a host can know (the engine has no clock). Required, so that no host can forget it.
    /// </summary>
    public required DateOnly DefaultStartDate { get; init; }
}
