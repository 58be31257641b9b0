using Azure.Storage.Queues.Models;
using IntegrationCases.Functions.Tests.Support;
using IntegrationCases.Functions.Triggers;
using IntegrationCases.Functions.Recompute;
using IntegrationCases.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IntegrationCases.Functions.Tests.Triggers;

/// <summary>The lock, the coalescing and the poison path of the recompute queue, with a counting run over Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RecomputeCoordinationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_request_that_finds_the_lock_taken_is_put_back_and_runs_once_the_lock_is_free()
    {
        var runs = 0;
        await using var host = new FunctionsHost(azurite, s => s.AddSingleton<RecomputeRunner>(_ => _ => Task.FromResult($"run {Interlocked.Increment(ref runs)}")));
        var queue = host.Services.GetRequiredService<RecomputeQueue>();
        await queue.RequestAsync("inputs/dst/x.csv", CancellationToken.None);
        var held = await host.Services.GetRequiredService<RecomputeLock>().TryAcquireAsync(CancellationToken.None);
        Assert.NotNull(held);

        var whileHeld = await QueueDrain.RunAsync(host, workers: 1, TimeSpan.FromSeconds(3));
        Assert.Equal(0, runs);
        Assert.True(whileHeld.Deferred >= 1);
        Assert.Equal(1, (await host.Queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);

        await held!.DisposeAsync();
        var afterRelease = await QueueDrain.RunAsync(host, workers: 1, TimeSpan.FromSeconds(30));
        Assert.Equal(1, runs);
        Assert.Equal(1, afterRelease.Ran);
    }

    [Fact]
    public async Task A_request_made_after_a_run_started_gets_a_run_of_its_own()
    {
        var runs = 0;
        await using var host = new FunctionsHost(azurite, s => s.AddSingleton<RecomputeRunner>(_ => _ => Task.FromResult($"run {Interlocked.Increment(ref runs)}")));
        var queue = host.Services.GetRequiredService<RecomputeQueue>();
        await queue.RequestAsync("first", CancellationToken.None);
        await QueueDrain.RunAsync(host, workers: 1, TimeSpan.FromSeconds(30));
        await Task.Delay(50);
        await queue.RequestAsync("second", CancellationToken.None);
        await QueueDrain.RunAsync(host, workers: 1, TimeSpan.FromSeconds(30));
        Assert.Equal(2, runs);
    }

    [Fact]
    public async Task A_failing_run_throws_for_a_retry_frees_the_lock_and_covers_nothing()
    {
        var attempts = 0;
        await using var host = new FunctionsHost(azurite, s => s.AddSingleton<RecomputeRunner>(_ => _ =>
        {
            Interlocked.Increment(ref attempts);
            throw new InvalidOperationException("SQL is down");
        }));
        var message = new RecomputeRequest(TimeProvider.System.GetUtcNow(), "inputs/dst/x.csv").ToJson();
        var function = host.Function<RecomputeOnRequest>();
        await Assert.ThrowsAsync<InvalidOperationException>(() => function.Run(message, CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => function.Run(message, CancellationToken.None));
        Assert.Equal(2, attempts); // the second attempt got the lock: the first let it go
        Assert.Null(await host.Services.GetRequiredService<RecomputeLock>().CoveredUntilAsync(CancellationToken.None));
        Assert.Contains(host.Logs.Events, e => e.Id.Id == 5105 && e.Level == LogLevel.Error);
    }

    [Fact]
    public async Task A_poisoned_request_is_reported_as_critical_with_its_text_and_attempts()
    {
        await using var host = new FunctionsHost(azurite);
        var text = new RecomputeRequest(TimeProvider.System.GetUtcNow(), "inputs/dst/x.csv").ToJson();
        var message = QueuesModelFactory.QueueMessage("id-1", "pop", BinaryData.FromString(text), dequeueCount: 5, insertedOn: TimeProvider.System.GetUtcNow());
        host.Function<RecomputePoisoned>().Run(message);
        var report = Assert.Single(host.Logs.Events, e => e.Id.Id == 5107);
        Assert.Equal(LogLevel.Critical, report.Level);
        Assert.Contains("inputs/dst/x.csv", report.Message, StringComparison.Ordinal);
        Assert.Contains("5 attempts", report.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_message_still_means_recompute_now()
    {
        var runs = 0;
        await using var host = new FunctionsHost(azurite, s => s.AddSingleton<RecomputeRunner>(_ => _ => Task.FromResult($"run {Interlocked.Increment(ref runs)}")));
        await host.Function<RecomputeOnRequest>().Run("not json", CancellationToken.None);
        Assert.Equal(1, runs);
        Assert.Contains(host.Logs.Events, e => e.Id.Id == 5106);
    }
}
