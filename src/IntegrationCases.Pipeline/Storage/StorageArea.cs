namespace IntegrationCases.Pipeline.Storage;

/// <summary>The five areas of DESIGN.md 'Data flow': a sub-folder of the local root, or a blob container.</summary>
public enum StorageArea
{
    Inputs,
    Curated,
    Rejected,
    Mart,
    Extracts,
}
