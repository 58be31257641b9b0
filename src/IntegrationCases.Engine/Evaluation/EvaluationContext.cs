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
    /// The start date of a scenario that gives none: hosts set 1 January of the next calendar year from their
    /// TimeProvider (the engine has no clock). When null, the engine uses 1 January of the year after the
    /// latest dated value in the parameter store.
    /// </summary>
    public DateOnly? DefaultStartDate { get; init; }
}
