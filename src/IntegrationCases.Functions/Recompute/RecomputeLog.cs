using Microsoft.Extensions.Logging;

namespace IntegrationCases.Functions.Recompute;

/// <summary>Log events of the blob trigger and the recompute queue (source-generated).</summary>
internal static partial class RecomputeLog
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Recompute request of {RequestedUtc:o} ({Reason}) is covered by the run started {CoveredUtc:o}; skipped")]
    public static partial void Coalesced(ILogger logger, DateTimeOffset requestedUtc, string reason, DateTimeOffset coveredUtc);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Another recompute holds the lock; request of {RequestedUtc:o} put back for {Delay}")]
    public static partial void Busy(ILogger logger, DateTimeOffset requestedUtc, TimeSpan delay);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Information, Message = "Recompute started {StartedUtc:o} for the request of {RequestedUtc:o} ({Reason})")]
    public static partial void RunStarting(ILogger logger, DateTimeOffset startedUtc, DateTimeOffset requestedUtc, string reason);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Information, Message = "Recompute finished: {Outcome}")]
    public static partial void RunFinished(ILogger logger, string outcome);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Error, Message = "Recompute failed; the previous mart stays published and the request will be retried")]
    public static partial void RunFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5106, Level = LogLevel.Warning, Message = "Recompute message is not a request ({Text}); treated as 'recompute now'")]
    public static partial void MalformedRequest(ILogger logger, string text);

    [LoggerMessage(EventId = 5107, Level = LogLevel.Critical, Message = "Recompute request moved to the poison queue after {DequeueCount} attempts (first queued {InsertedOn:o}): {Text}. Fix the cause (see the RunFailed errors before it); the next ingested file or a new request on the queue runs again")]
    public static partial void Poisoned(ILogger logger, long dequeueCount, DateTimeOffset? insertedOn, string text);

    [LoggerMessage(EventId = 5108, Level = LogLevel.Information, Message = "Ingested {Path} ({Kind}, sha256 {ContentHash}): accepted={Accepted}, {ErrorCount} error(s), {WarningCount} warning(s)")]
    public static partial void Ingested(ILogger logger, string path, string kind, string contentHash, bool accepted, long errorCount, int warningCount);

    [LoggerMessage(EventId = 5109, Level = LogLevel.Information, Message = "Recompute requested for {Reason}")]
    public static partial void Requested(ILogger logger, string reason);

    [LoggerMessage(EventId = 5110, Level = LogLevel.Warning, Message = "Lease on the recompute lock could not be renewed; the run goes on but another may start")]
    public static partial void RenewFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5111, Level = LogLevel.Information, Message = "Uncertainty of run {RunId} for municipality {MunicipalityCode} staged ({Draws} draws a case); {Staged} of {Municipalities} municipalities staged")]
    public static partial void ShardStaged(ILogger logger, string runId, string municipalityCode, int draws, int staged, int municipalities);

    [LoggerMessage(EventId = 5112, Level = LogLevel.Critical, Message = "Uncertainty shard moved to the poison queue after {DequeueCount} attempts (first queued {InsertedOn:o}): {Text}. The run stays unpublished and the previous mart stays; fix the cause (see the errors before it) and ask for a recompute, which fans out the missing municipalities again")]
    public static partial void ShardPoisoned(ILogger logger, long dequeueCount, DateTimeOffset? insertedOn, string text);

    [LoggerMessage(EventId = 5113, Level = LogLevel.Information, Message = "Uncertainty fanned out: {Count} shard message(s) for run {RunId}")]
    public static partial void ShardsQueued(ILogger logger, int count, string runId);
}
