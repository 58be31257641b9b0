namespace IntegrationCases.Engine.Evaluation;

/// <summary>
/// A cohort of the resolved plan: it starts <see cref="Offset"/> months after the scenario's start and is
/// followed to the end of the horizon, in its own months t_k = 0 .. T − Offset − 1 (METHOD.md section 3a).
/// </summary>
internal readonly record struct ResolvedCohort(DateOnly StartDate, int Offset, double Participants);
