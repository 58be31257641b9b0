using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntegrationCases.Functions.Recompute;

/// <summary>
/// Handles one 'recompute requested' message so that the whole app runs one recompute at a time and many
/// requests share one run: a request already covered by a run that started after it is dropped; a request
/// that finds the lock taken is put back on the queue for later (it does not count as a failed attempt);
/// otherwise it takes the lock, runs, records the run's start as covered, and lets the lock go. A failed run
/// throws, so the queue retries it and, after <c>maxDequeueCount</c> attempts (host.json), moves it to the
/// poison queue. The run itself publishes its mart atomically; a failure leaves the previous mart as it was.
/// </summary>
public sealed class RecomputeCoordinator(
    RecomputeLock recomputeLock,
    RecomputeQueue queue,
    RecomputeRunner runner,
    IOptions<RecomputeOptions> options,
    TimeProvider clock,
    ILogger<RecomputeCoordinator> logger)
{
    /// <summary>What happened to a request.</summary>
    public enum Disposition
    {
        Coalesced,
        Deferred,
        Ran,
    }

    public async Task<Disposition> HandleAsync(string messageText, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageText);
        var request = RecomputeRequest.TryParse(messageText);
        if (request is null)
        {
            RecomputeLog.MalformedRequest(logger, messageText.Length > 200 ? messageText[..200] : messageText);
            request = new RecomputeRequest(clock.GetUtcNow(), "unreadable request");
        }

        if (await CoveredAsync(request, cancellationToken) is { } covered)
        {
            RecomputeLog.Coalesced(logger, request.RequestedUtc, request.Reason, covered);
            return Disposition.Coalesced;
        }

        await using var held = await recomputeLock.TryAcquireAsync(cancellationToken);
        if (held is null)
        {
            await queue.SendAsync(request, options.Value.BusyRetryDelay, cancellationToken);
            RecomputeLog.Busy(logger, request.RequestedUtc, options.Value.BusyRetryDelay);
            return Disposition.Deferred;
        }

        // A run may have finished between the check above and taking the lock.
        if (await CoveredAsync(request, cancellationToken) is { } coveredNow)
        {
            RecomputeLog.Coalesced(logger, request.RequestedUtc, request.Reason, coveredNow);
            return Disposition.Coalesced;
        }

        var startedUtc = clock.GetUtcNow();
        RecomputeLog.RunStarting(logger, startedUtc, request.RequestedUtc, request.Reason);
        using var leaseLost = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var stopRenewing = new CancellationTokenSource();
        var renewing = RenewUntilStoppedAsync(held, leaseLost, stopRenewing.Token);
        string outcome;
        try
        {
            outcome = await runner(leaseLost.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            RecomputeLog.RunFailed(logger, e);
            throw;
        }
        finally
        {
            await stopRenewing.CancelAsync();
            await renewing;
        }

        await held.RecordCoveredAsync(startedUtc, cancellationToken);
        RecomputeLog.RunFinished(logger, outcome);
        return Disposition.Ran;
    }

    /// <summary>Reports a request the queue gave up on (the poison queue): Critical, so that an alert fires.</summary>
    public void ReportPoisoned(string messageText, long dequeueCount, DateTimeOffset? insertedOn)
    {
        ArgumentNullException.ThrowIfNull(messageText);
        RecomputeLog.Poisoned(logger, dequeueCount, insertedOn, messageText.Length > 500 ? messageText[..500] : messageText);
    }

    private async Task<DateTimeOffset?> CoveredAsync(RecomputeRequest request, CancellationToken cancellationToken)
    {
        var covered = await recomputeLock.CoveredUntilAsync(cancellationToken);
        return covered is { } c && c >= request.RequestedUtc + options.Value.ClockSkewAllowance ? c : null;
    }

    private async Task RenewUntilStoppedAsync(RecomputeLock.Held held, CancellationTokenSource leaseLost, CancellationToken stop)
    {
        var interval = options.Value.LeaseDuration / 3;
        try
        {
            while (true)
            {
                await Task.Delay(interval, clock, stop);
                await held.RenewAsync(stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run is over.
        }
        catch (Exception e)
        {
            // Without the lease another run may start: stop this one rather than publish side by side.
            RecomputeLog.RenewFailed(logger, e);
            await leaseLost.CancelAsync();
        }
    }
}
