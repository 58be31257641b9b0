namespace IntegrationCases.Pipeline.Recompute;

public enum RecomputeStatus
{
    /// <summary>A new run was computed and published as mart/latest/.</summary>
    Published,

    /// <summary>The inputs hash equals the published run's: nothing was written.</summary>
    Skipped,

    /// <summary>
    /// The run's uncertainty was fanned out to shards (<see cref="RecomputeRunOptions.UncertaintyFanOut"/>) and not all
    /// are staged yet: nothing was published; the last shard asks for the run again.
    /// </summary>
    Pending,
}

/// <summary>An input that was not used, with its error count and the first messages (Danish, for the user).</summary>
public sealed record RejectedInput(string Path, long ErrorCount, IReadOnlyList<string> FirstErrors);

/// <summary>A case that could not be computed for a municipality (typically: no target-group count in the data).</summary>
public sealed record SkippedCase(string ScenarioId, string MunicipalityCode, string CaseId, string Reason);

/// <summary>National totals of the standard scenario, summed over municipalities and cases.</summary>
public sealed record NationalTotals(double Participants, decimal InvestmentTotal, decimal NetEffectTotal);

/// <summary>What one recompute run did: the CLI prints it in Danish, the Functions app logs it.</summary>
public sealed record RecomputeSummary(
    RecomputeStatus Status,
    string RunId,
    string InputsHash,
    int InputsAccepted,
    IReadOnlyList<RejectedInput> Rejected,
    int CasesComputed,
    IReadOnlyList<SkippedCase> CasesSkipped,
    int MunicipalScenarios,
    NationalTotals Totals,
    IReadOnlyDictionary<string, int> RowCounts,
    bool SqlLoaded,
    string StorageLocation,
    TimeSpan Duration)
{
    /// <summary>Cases of the standard scenario among <see cref="CasesComputed"/>.</summary>
    public int StandardCasesComputed { get; init; }
}

/// <summary>Progress of a run: a Danish stage name and how far it has come.</summary>
public sealed record RecomputeProgress(string Stage, int Done, int Total);
