namespace IntegrationCases.Engine.Evaluation;

/// <summary>
/// One reason a scenario was rejected (METHOD.md section 9). <see cref="Path"/> is the JSON field path with
/// arrays indexed from 0 (for example <c>baseline.selfSupportShareByYear[2]</c>); <see cref="Message"/> is in
/// Danish, for the user, and names the value and the allowed range.
/// </summary>
public sealed record ValidationError(string Path, string Message);
