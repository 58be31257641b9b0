namespace IntegrationCases.Functions;

/// <summary>Names shared with the infrastructure (Bicep app settings); change them together.</summary>
public static class FunctionSettings
{
    /// <summary>
    /// The storage connection of the triggers: app settings <c>IntegrationStorage__blobServiceUri</c>,
    /// <c>IntegrationStorage__queueServiceUri</c> (managed identity) or <c>IntegrationStorage</c> (a connection string, Azurite).
    /// </summary>
    public const string StorageConnection = "IntegrationStorage";
}
