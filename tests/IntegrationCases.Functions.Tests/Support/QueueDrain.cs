using IntegrationCases.Functions.Triggers;

namespace IntegrationCases.Functions.Tests.Support;

/// <summary>
/// Plays the Functions host's part for the recompute queue: <c>workers</c> instances each take one message at
/// a time (host.json batchSize 1), call the <see cref="RecomputeOnRequest"/> function, and delete the message
/// when it returns (a throw leaves it for a retry, as the host does). Bounded: it stops when the queue stays
/// empty or at the deadline. The outcome of each call is read back from the log events an operator sees.
/// </summary>
public static class QueueDrain
{
    public const int RanEvent = 5104;
    public const int CoalescedEvent = 5101;
    public const int DeferredEvent = 5102;

    public static async Task<(int Ran, int Coalesced, int Deferred, int Calls)> RunAsync(FunctionsHost host, int workers, TimeSpan deadline)
    {
        var function = host.Function<RecomputeOnRequest>();
        using var stop = new CancellationTokenSource(deadline);
        var idleRounds = 0;
        var calls = 0;
        var before = Count(host);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            while (!stop.IsCancellationRequested)
            {
                Azure.Response<Azure.Storage.Queues.Models.QueueMessage[]> received;
                try
                {
                    received = await host.Queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(2), stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return; // the deadline: what was taken has been handled
                }

                if (received.Value.Length == 0)
                {
                    // Deferred messages come back after BusyRetryDelay; stop after a few quiet rounds in a row.
                    if (Interlocked.Increment(ref idleRounds) > 8 * workers)
                    {
                        return;
                    }

                    await Task.Delay(250, CancellationToken.None);
                    continue;
                }

                Interlocked.Exchange(ref idleRounds, 0);
                Interlocked.Increment(ref calls);
                var message = received.Value[0];
                await function.Run(message.Body.ToString(), CancellationToken.None);
                await host.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
            }
        }));
        var after = Count(host);
        return (after.Ran - before.Ran, after.Coalesced - before.Coalesced, after.Deferred - before.Deferred, calls);
    }

    private static (int Ran, int Coalesced, int Deferred) Count(FunctionsHost host) =>
        (host.Logs.Events.Count(e => e.Id.Id == RanEvent),
         host.Logs.Events.Count(e => e.Id.Id == CoalescedEvent),
         host.Logs.Events.Count(e => e.Id.Id == DeferredEvent));
}
