namespace IntegrationCases.Pipeline.Mart;

/// <summary>
/// Where the mart and extracts live inside their storage areas (docs/mart.md). A run writes
/// <c>runs/&lt;runId&gt;/</c> in full, then copies it to <c>latest/</c> with <c>manifest.json</c> last.
/// </summary>
public static class MartPaths
{
    public const string Latest = "latest";
    public const string ManifestFile = "manifest.json";
    public const string MunicipalityFactsFile = "municipality-facts.json";

    /// <summary>The run's effective unit prices in the parameter-store format (docs/mart.md).</summary>
    public const string UnitPricesFile = "unit-prices.json";

    /// <summary>The layout of a run folder; part of the inputs hash, so a new layout republishes unchanged inputs.</summary>
    public const int LayoutVersion = 3;
    public const string ExtractXlsxFile = "business-cases.xlsx";
    public const string ExtractCsvFile = "business-cases.csv";

    public static string RunFolder(string runId) => $"runs/{runId}";

    public static string TableFile(string table) => $"{table}.parquet";

    /// <summary>A municipality's results (API.md result JSON per scenario) inside a run or latest folder.</summary>
    public static string ResultsFile(string municipalityCode) => $"results/{municipalityCode}.json";

    /// <summary>A municipality's extract inside a run folder; it is published to the extracts area as <c>&lt;kode&gt;/&lt;file&gt;</c>.</summary>
    public static string RunExtract(string municipalityCode, string file) => $"extracts/{municipalityCode}/{file}";

    public static string Extract(string municipalityCode, string file) => $"{municipalityCode}/{file}";

    /// <summary>
    /// Where a run fanned out to the Functions app stages its uncertainty before it is published (docs/uncertainty.md):
    /// the prices and facts the shards compute against, and one file of rows per municipality. Not part of the
    /// run's manifest and never copied to <c>latest/</c>.
    /// </summary>
    public static string UncertaintyStaging(string runId) => $"{RunFolder(runId)}/staging/uncertainty";

    /// <summary>One municipality's staged uncertainty rows inside <see cref="UncertaintyStaging"/>.</summary>
    public static string UncertaintyShardFile(string municipalityCode) => $"shards/{municipalityCode}.json";
}
