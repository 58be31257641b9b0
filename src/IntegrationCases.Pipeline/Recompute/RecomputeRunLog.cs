using Microsoft.Extensions.Logging;

namespace IntegrationCases.Pipeline.Recompute;

/// <summary>Log events of the recompute run (source-generated).</summary>
internal static partial class RecomputeRunLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Recompute: {Accepted} input(s) accepted, {Rejected} rejected; inputs hash {InputsHash}")]
    public static partial void InputsRead(ILogger logger, int accepted, int rejected, string inputsHash);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Recompute skipped: inputs hash {InputsHash} equals the published run {RunId}")]
    public static partial void Skipped(ILogger logger, string inputsHash, string runId);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Recompute {RunId}: {Computed} case(s) computed, {Skipped} not computed")]
    public static partial void Evaluated(ILogger logger, string runId, int computed, int skipped);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information, Message = "Recompute {RunId} published to {Location} in {Duration}")]
    public static partial void Published(ILogger logger, string runId, string location, TimeSpan duration);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "Input {Path} rejected with {ErrorCount} error(s)")]
    public static partial void InputRejected(ILogger logger, string path, long errorCount);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Error, Message = "Recompute {RunId} failed before it was published; the previous mart stays")]
    public static partial void Failed(ILogger logger, string runId, Exception exception);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Information, Message = "Recompute {RunId} loaded into SQL schema mart")]
    public static partial void SqlLoaded(ILogger logger, string runId);

    [LoggerMessage(EventId = 4108, Level = LogLevel.Information, Message = "Recompute {RunId}: uncertainty of {Cases} standard case(s), {Draws} draws each, seed {Seed}")]
    public static partial void UncertaintyEvaluated(ILogger logger, string runId, int cases, int draws, ulong seed);

    [LoggerMessage(EventId = 4109, Level = LogLevel.Information, Message = "Recompute {RunId}: uncertainty of {Missing} of {Municipalities} municipalities fanned out ({Draws} draws a case); the run is published when every shard is staged")]
    public static partial void UncertaintyFannedOut(ILogger logger, string runId, int missing, int municipalities, int draws);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Information, Message = "Recompute {RunId}: uncertainty of {Cases} standard case(s) collected from the staged shards, {Draws} draws each, seed {Seed}")]
    public static partial void UncertaintyCollected(ILogger logger, string runId, int cases, int draws, ulong seed);
}
