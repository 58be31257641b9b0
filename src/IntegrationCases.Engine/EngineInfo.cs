namespace IntegrationCases.Engine;

/// <summary>Identifies the calculation in every run manifest and result lineage.</summary>
public static class EngineInfo
{
    /// <summary>The method version this engine implements (METHOD.md).</summary>
    public const string MethodVersion = "1.2";

    /// <summary>The engine's own version; bump it whenever a result can change.</summary>
    public const string EngineVersion = "1.2.1";
}
