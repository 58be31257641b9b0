namespace IntegrationCases.Pipeline.Recompute;

/// <summary>How one run is done.</summary>
public sealed record RecomputeRunOptions
{
    /// <summary>
    /// The first month of every case. Default: <see cref="Scenarios.BudgetYear.FirstDay"/> of the run's clock
    /// (1 January of the next year in Danish time). It is part of the inputs hash, so a new year gives a new run.
    /// </summary>
    public DateOnly? StartDate { get; init; }

    /// <summary>Compute and publish even when the inputs hash equals the published run's.</summary>
    public bool Force { get; init; }

    /// <summary>How many files are written at once (storage calls run in parallel).</summary>
    public int WriteParallelism { get; init; } = 8;

    /// <summary>
    /// The Monte Carlo draws of every standard case's uncertainty (fact_uncertainty), 1 to 100,000; the seed is
    /// <see cref="UncertaintyEvaluation.RunSeed"/>. Part of the inputs hash.
    /// </summary>
    public int UncertaintyDraws { get; init; } = UncertaintyEvaluation.RunDraws;

    /// <summary>
    /// Null: the run computes the uncertainty itself. Otherwise the run fans it out, one shard per municipality,
    /// and publishes only once every shard is staged under the run (<see cref="UncertaintyStaging"/>); until then
    /// it ends as <see cref="RecomputeStatus.Pending"/> and the last shard asks for the run again.
    /// </summary>
    public UncertaintyFanOut? UncertaintyFanOut { get; init; }
}
