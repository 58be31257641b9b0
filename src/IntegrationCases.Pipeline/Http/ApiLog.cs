using Microsoft.Extensions.Logging;

namespace IntegrationCases.Pipeline.Http;

/// <summary>The API's log events (source-generated; structured fields, no interpolated strings).</summary>
internal static partial class ApiLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Scenario rejected: {ErrorCount} error(s), first at {FirstPath}")]
    public static partial void ScenarioRejected(ILogger logger, int errorCount, string firstPath);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Request body over the limit of {LimitBytes} bytes on {Path}")]
    public static partial void BodyTooLarge(ILogger logger, long limitBytes, string path);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Request without a valid function key on {Path}")]
    public static partial void KeyRejected(ILogger logger, string path);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    public static partial void Unhandled(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Information, Message = "Evaluation context loaded for run {RunId}: parameter set {ParameterSet}, {FactsCount} municipalities with facts, from {Source}")]
    public static partial void ContextLoaded(ILogger logger, string runId, string parameterSet, int factsCount, string source);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Warning, Message = "Evaluation context could not be reloaded; the previous one stays in use")]
    public static partial void ContextReloadFailed(ILogger logger, Exception exception);
}
