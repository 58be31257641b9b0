using System.ComponentModel.DataAnnotations;

namespace IntegrationCases.Pipeline.Storage;

/// <summary>
/// Where the pipeline keeps its areas (DESIGN.md 'Data flow'): a local folder with one sub-folder per area, or
/// an Azure Storage account with one container per area. Bound from configuration section <c>Storage</c>
/// (app settings <c>Storage__InputsContainer</c> and so on); the infrastructure tests hold the Bicep app
/// settings against these names and defaults.
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The local root folder, used when neither <see cref="BlobServiceUri"/> nor <see cref="ConnectionString"/> is set.</summary>
    public string? LocalRoot { get; set; }

    /// <summary>Production: the blob endpoint, reached with the app's managed identity.</summary>
    public Uri? BlobServiceUri { get; set; }

    /// <summary>Production: the queue endpoint, reached with the app's managed identity.</summary>
    public Uri? QueueServiceUri { get; set; }

    /// <summary>Development and tests only (Azurite): a connection string.</summary>
    public string? ConnectionString { get; set; }

    [Required, RegularExpression(ContainerNamePattern)]
    public string InputsContainer { get; set; } = "inputs";

    [Required, RegularExpression(ContainerNamePattern)]
    public string CuratedContainer { get; set; } = "curated";

    [Required, RegularExpression(ContainerNamePattern)]
    public string RejectedContainer { get; set; } = "rejected";

    [Required, RegularExpression(ContainerNamePattern)]
    public string MartContainer { get; set; } = "mart";

    [Required, RegularExpression(ContainerNamePattern)]
    public string ExtractsContainer { get; set; } = "extracts";

    /// <summary>The queue on which 'recompute requested' messages are put.</summary>
    [Required, RegularExpression(ContainerNamePattern)]
    public string RecomputeQueue { get; set; } = "recompute-requests";

    /// <summary>The queue on which a fanned-out run puts one message per municipality (docs/uncertainty.md 'Fan-out').</summary>
    [Required, RegularExpression(ContainerNamePattern)]
    public string UncertaintyQueue { get; set; } = "uncertainty-shards";

    // Azure container and queue names: 3-63 characters, lower case letters, digits and single hyphens.
    private const string ContainerNamePattern = "^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$";
}
