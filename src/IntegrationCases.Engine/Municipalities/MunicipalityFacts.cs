namespace IntegrationCases.Engine.Municipalities;

/// <summary>
/// What the engine knows of one municipality from data: the full-time persons per standard case (before the
/// case's participation share) and its own 'kommuneskat' rate per calendar year (τ of METHOD.md 6.1).
/// Empty dictionaries mean 'no data': a scenario must then give participants, and τ falls back to the
/// national average in the parameter store.
/// </summary>
public sealed record MunicipalityFacts(
    string Code,
    string Name,
    IReadOnlyDictionary<string, double> TargetGroupPersonsByCase,
    IReadOnlyDictionary<int, double> KommuneskatRateByYear);
