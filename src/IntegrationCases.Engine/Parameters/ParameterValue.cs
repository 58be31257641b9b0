namespace IntegrationCases.Engine.Parameters;

/// <summary>
/// One dated value of a parameter: in force from <see cref="ValidFrom"/> until the next value of the same
/// series (the last value holds after its date, METHOD.md section 2).
/// </summary>
public sealed record ParameterValue(
    string Id,
    DateOnly ValidFrom,
    double Value,
    string Unit,
    string Source,
    bool IsEstimate,
    string? Note);
