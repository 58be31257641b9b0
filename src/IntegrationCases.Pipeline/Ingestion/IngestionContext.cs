using IntegrationCases.Pipeline.Municipalities;

namespace IntegrationCases.Pipeline.Ingestion;

/// <summary>
/// How to ingest: the register to resolve areas against, an optional forced kind (see <see cref="InputAddress"/>),
/// and the limits that keep memory bounded for hostile input. The defaults are documented in docs/ingestion.md.
/// </summary>
public sealed record IngestionContext
{
    public static IngestionContext Default { get; } = new();

    public MunicipalityRegister Register { get; init; } = MunicipalityRegister.Default;

    /// <summary>A kind such as <c>dst/INDOPH1</c>, <c>jobindsats/Y35A02</c>, <c>target-groups</c>, <c>unit-prices</c> or <c>assumptions/851</c>; null: from the path.</summary>
    public string? ForcedKind { get; init; }

    /// <summary>At most this many errors and this many warnings are kept; all are counted.</summary>
    public int MaxReportedIssues { get; init; } = 1000;

    /// <summary>A CSV line longer than this (characters) rejects the file: no reader buffers a 50 MB line.</summary>
    public int MaxLineLength { get; init; } = 64 * 1024;

    /// <summary>JSON documents (Jobindsats, unit prices, assumptions) are read whole, so they are capped.</summary>
    public long MaxJsonBytes { get; init; } = 64L * 1024 * 1024;
}
