using IntegrationCases.Engine.Parameters;
using IntegrationCases.Engine.Scenarios;

namespace IntegrationCases.Pipeline.Ingestion;

// The contract between ingestion (issue 3) and the recompute run (issue 4). Ingestion owns the
// implementation; the recompute run and the blob trigger only call Ingestor.IngestAsync and read CuratedData.

/// <summary>
/// One problem found in an input file: the file (path under inputs/), the 1-based row (null for the whole
/// file), the column, the offending value (cut to a readable length) and a Danish message for the user.
/// </summary>
public sealed record IngestionIssue(string File, long? Row, string? Column, string? Value, string Message);

/// <summary>
/// The outcome of ingesting one file: taken whole (<see cref="Accepted"/>, with <see cref="Curated"/>) or not
/// at all (<see cref="Errors"/>, capped; <see cref="ErrorCount"/> counts them all). Warnings never reject.
/// </summary>
public sealed record IngestionOutcome(
    string Path,
    string Kind,
    string ContentHash,
    bool Accepted,
    IReadOnlyList<IngestionIssue> Errors,
    long ErrorCount,
    IReadOnlyList<IngestionIssue> Warnings,
    CuratedData? Curated)
{
    /// <summary>All warnings, of which <see cref="Warnings"/> keeps the first (capped).</summary>
    public long WarningCount { get; init; } = Warnings.Count;
}

/// <summary>Where a curated row came from: the input path, the content hash of the file, the 1-based row.</summary>
public sealed record Lineage(string SourcePath, string ContentHash, long Row);

/// <summary>A count of persons in a target group in one municipality and period (DST, Jobindsats or our own extract).</summary>
public sealed record TargetGroupCount(
    string MunicipalityCode,
    string TargetGroup,
    string Period,
    double? FullTimePersons,
    double? Persons,
    string Source,
    Lineage Lineage);

/// <summary>A municipality's 'kommuneskat' rate (a fraction, 0.25 = 25 %) for a calendar year.</summary>
public sealed record MunicipalTaxRate(string MunicipalityCode, int Year, double Rate, Lineage Lineage);

/// <summary>A municipality's population in a period (for 'per 1,000 inhabitants' measures).</summary>
public sealed record PopulationCount(string MunicipalityCode, string Period, double Persons, Lineage Lineage);

/// <summary>A municipality's own case assumptions: a scenario of API.md with the municipality filled in from the path.</summary>
public sealed record MunicipalAssumption(string MunicipalityCode, string Name, ScenarioRequest Scenario, Lineage Lineage);

/// <summary>
/// The normalised content of one accepted file. Exactly one of the lists (or the unit prices) is filled,
/// according to the file's kind.
/// </summary>
public sealed record CuratedData(
    IReadOnlyList<TargetGroupCount> TargetGroupCounts,
    IReadOnlyList<MunicipalTaxRate> TaxRates,
    IReadOnlyList<PopulationCount> Population,
    IReadOnlyList<MunicipalAssumption> Assumptions,
    ParameterStore? UnitPriceOverrides)
{
    /// <summary>Nothing curated: the start of every reader's result.</summary>
    public static CuratedData Empty { get; } = new([], [], [], [], null);

    /// <summary>
    /// The validated JSON documents behind <see cref="UnitPriceOverrides"/> and <see cref="Assumptions"/>, kept
    /// verbatim so that the curated Parquet layer can hold them and read them back.
    /// </summary>
    public IReadOnlyList<SourceDocument> Documents { get; init; } = [];
}

/// <summary>
/// A validated JSON input kept as text: a unit-price override (<see cref="InputAddress.UnitPrices"/>) or a
/// municipality's assumptions (<see cref="InputAddress.Assumptions"/>, with its municipality code).
/// </summary>
public sealed record SourceDocument(string Kind, string? MunicipalityCode, string Name, string Json, Lineage Lineage);
