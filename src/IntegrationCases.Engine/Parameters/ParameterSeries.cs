namespace IntegrationCases.Engine.Parameters;

/// <summary>A parameter's dated values, oldest first, with its Danish description and unit.</summary>
public sealed record ParameterSeries(
    string Id,
    string Description,
    string Unit,
    IReadOnlyList<ParameterValue> Values);
