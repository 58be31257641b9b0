namespace IntegrationCases.Engine.Scenarios;

/// <summary>
/// One cohort of an intake plan ('tilgang', METHOD.md section 3a): full-time persons starting on benefit on
/// <see cref="StartDate"/> (the first day of a month within the scenario's horizon). The result echoes the
/// resolved plan with the same shape.
/// </summary>
public sealed record Cohort(DateOnly StartDate, double Participants);
