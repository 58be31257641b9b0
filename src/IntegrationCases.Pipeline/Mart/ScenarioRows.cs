using IntegrationCases.Engine.Results;

namespace IntegrationCases.Pipeline.Mart;

/// <summary>
/// A scenario of the mart (dim_scenario): kind is standard or municipal, the two kinds a run writes
/// (the schema keeps 'sensitivity' reserved, docs/mart.md).
/// </summary>
public sealed record ScenarioDefinition(string ScenarioId, string Name, string Kind, string Description)
{
    public const string Standard = "standard";
    public const string Municipal = "municipal";

    /// <summary>
    /// Whether the scenario is an intake plan (it gives <c>cohorts</c>, METHOD.md section 3a) rather than one cohort
    /// on the start date: <c>dim_scenario.is_plan</c>, and the plan sheet of the extracts.
    /// </summary>
    public bool IsPlan { get; init; }
}

/// <summary>One evaluated case of a scenario, with the participants the engine used.</summary>
public sealed record EvaluatedCase(string ScenarioId, double Participants, ScenarioResult Result);
