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
public sealed record EvaluatedCase(string ScenarioId, double Participants, ScenarioResult Result)
{
    /// <summary>A case of a scenario as the engine answered it, its participants <see cref="ParticipantsOf"/> the result.</summary>
    public static EvaluatedCase Of(string scenarioId, ScenarioResult result) => new(scenarioId, ParticipantsOf(result), result);

    /// <summary>
    /// The participants the engine used: the persons of the resolved plan summed over its cohorts (METHOD.md 3a). For a
    /// scenario without a plan that is its one cohort, the request's participants or the case's count × participation
    /// share; for an intake plan (a municipality's plan file, the calculation tool's plan) every cohort's persons.
    /// </summary>
    public static double ParticipantsOf(ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sum = 0.0;
        foreach (var cohort in result.Cohorts)
        {
            sum += cohort.Participants;
        }

        return sum;
    }
}

/// <summary>The uncertainty of one standard case in one municipality (fact_uncertainty): the Monte Carlo summary with the case's default ranges.</summary>
public sealed record CaseUncertainty(string ScenarioId, string MunicipalityCode, string CaseId, Engine.Uncertainty.MonteCarloSummary MonteCarlo);
