namespace IntegrationCases.Functions.Recompute;

/// <summary>One recompute run (the mart's <c>RecomputeRun</c>); returns a one-line description for the log.</summary>
public delegate Task<string> RecomputeRunner(CancellationToken cancellationToken);
