using System.ComponentModel.DataAnnotations;

namespace IntegrationCases.Pipeline.Http;

/// <summary>
/// Limits and caching of the HTTP API, bound from configuration section <c>Api</c> (app settings
/// <c>Api__MaxScenarioBodyBytes</c> and so on) and validated at start-up.
/// </summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>The largest scenario body accepted (bytes); a larger one gets 413. A full scenario is under 2 KiB.</summary>
    [Range(1_024, 1_048_576)]
    public int MaxScenarioBodyBytes { get; set; } = 64 * 1024;

    /// <summary>The largest query string accepted on the flat GET (characters); a longer one gets 414.</summary>
    [Range(256, 32_768)]
    public int MaxQueryLength { get; set; } = 8 * 1024;

    /// <summary>How many recent valid scenario results are kept (0 = no cache); see <see cref="ResultCache"/>.</summary>
    [Range(0, 100_000)]
    public int ResultCacheEntries { get; set; } = 4_096;

    /// <summary>How long the evaluation context (parameters and municipality facts of the latest run) is reused before it is read again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan ContextRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);
}
