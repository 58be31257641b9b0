using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Results;
using IntegrationCases.Engine.Scenarios;

namespace IntegrationCases.Pipeline.Scenarios;

/// <summary>
/// The scenario and result JSON of API.md, the same for the command line, HTTP and tests.
/// Unknown fields, wrong types and malformed JSON become <see cref="ValidationError"/>s with the field path.
/// </summary>
public static class ScenarioJson
{
    /// <summary>Reads a scenario; on failure the errors name the field path, the value and what is allowed.</summary>
    public static ScenarioParseOutcome Parse(ReadOnlySpan<byte> utf8Json) =>
        throw new NotImplementedException("engine issue: scenario JSON");

    /// <summary>Reads a municipality's own assumptions: a scenario without 'municipalityCode', which the caller supplies.</summary>
    public static ScenarioParseOutcome ParseAssumptions(ReadOnlySpan<byte> utf8Json, string municipalityCode) =>
        throw new NotImplementedException("engine issue: scenario JSON");

    /// <summary>Writes a result exactly as API.md shows it (camelCase, every line key, money to øre).</summary>
    public static byte[] SerializeResult(ScenarioResult result) =>
        throw new NotImplementedException("engine issue: scenario JSON");
}

/// <summary>Either a scenario or the reasons it could not be read.</summary>
public sealed record ScenarioParseOutcome(ScenarioRequest? Scenario, IReadOnlyList<ValidationError> Errors);
