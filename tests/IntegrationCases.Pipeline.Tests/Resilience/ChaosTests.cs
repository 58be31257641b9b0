using Azure;
using IntegrationCases.Pipeline.Resilience;
using IntegrationCases.Pipeline.Storage;
using IntegrationCases.Pipeline.Tests.Support;
using IntegrationCases.Tests.Support;
using Polly;
using Polly.CircuitBreaker;
using Polly.Simmy;
using Polly.Simmy.Fault;

namespace IntegrationCases.Pipeline.Tests.Resilience;

/// <summary>Faults injected with Polly's chaos strategies inside the real pipelines, over real storage.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ChaosTests(AzuriteFixture azurite) : IDisposable
{
    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task Transient_IO_faults_on_a_local_folder_are_survived_and_every_file_is_intact()
    {
        var injected = 0;
        var storage = new LocalFolderStorage(new StorageOptions { LocalRoot = _root.Path }, PipelineResilience.Storage(TestContext.FastResilience, innermost: b =>
            b.AddChaosFault(InjectedFaults.At(0.4, () => new IOException("injected: sharing violation"), () => Interlocked.Increment(ref injected), 20261125))));

        await RoundTripAsync(storage);
        Assert.InRange(injected, 10, 200);
    }

    [Fact]
    public async Task Throttling_and_server_errors_from_blob_storage_are_survived()
    {
        var injected = 0;
        var storage = TestContext.AzuriteStorage(azurite, PipelineResilience.Storage(TestContext.FastResilience, innermost: b =>
            b.AddChaosFault(InjectedFaults.At(0.4, () => new RequestFailedException(503, "injected: server busy"), () => Interlocked.Increment(ref injected), 20261125))));

        await RoundTripAsync(storage);
        Assert.True(injected > 5, $"only {injected} faults injected");
    }

    [Fact]
    public async Task A_permanent_fault_fails_at_once_without_retrying()
    {
        var attempts = 0;
        var storage = TestContext.AzuriteStorage(azurite, PipelineResilience.Storage(TestContext.FastResilience, innermost: b =>
            b.AddChaosFault(InjectedFaults.At(1.0, () => new RequestFailedException(403, "injected: authorisation failure"), () => Interlocked.Increment(ref attempts), 20261125))));

        var e = await Assert.ThrowsAsync<RequestFailedException>(async () => await storage.WriteAsync(StorageArea.Mart, "latest/x.parquet", new byte[] { 1 }, TestContext.Ct));
        Assert.Equal(403, e.Status);
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task A_transient_fault_that_never_ends_gives_up_after_the_configured_retries()
    {
        var attempts = 0;
        var options = TestContext.FastResilience;
        var pipeline = PipelineResilience.Storage(options, innermost: b =>
            b.AddChaosFault(InjectedFaults.At(1.0, () => new IOException("injected: disk gone"), () => Interlocked.Increment(ref attempts), 20261125)));
        var storage = new LocalFolderStorage(new StorageOptions { LocalRoot = _root.Path }, pipeline);

        await Assert.ThrowsAsync<IOException>(async () => await storage.WriteAsync(StorageArea.Mart, "x", new byte[] { 1 }, TestContext.Ct));
        Assert.Equal(options.MaxRetryAttempts + 1, attempts);
    }

    [Fact]
    public async Task The_circuit_opens_after_repeated_transient_faults_and_then_refuses_calls_quickly()
    {
        var options = TestContext.FastResilience;
        options.MaxRetryAttempts = 0;
        options.BreakerMinimumThroughput = 4;
        options.BreakerFailureRatio = 0.5;
        var calls = 0;
        var pipeline = PipelineResilience.Sql(options, innermost: b =>
            b.AddChaosFault(InjectedFaults.At(1.0, () => new TimeoutException("injected: SQL timeout"), () => Interlocked.Increment(ref calls), 20261125)));

        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAsync<TimeoutException>(async () => await pipeline.ExecuteAsync(_ => ValueTask.CompletedTask, TestContext.Ct));
        }

        await Assert.ThrowsAsync<BrokenCircuitException>(async () => await pipeline.ExecuteAsync(_ => ValueTask.CompletedTask, TestContext.Ct));
        Assert.Equal(4, calls);
    }

    [Theory]
    [InlineData(503, true)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(404, false)]
    [InlineData(403, false)]
    [InlineData(409, false)]
    public void Blob_statuses_are_classed_as_Azure_Storage_documents_them(int status, bool transient) =>
        Assert.Equal(transient, TransientFaults.IsTransientStorage(new RequestFailedException(status, "x")));

    private static async Task RoundTripAsync(PipelineStorage storage)
    {
        var files = Enumerable.Range(0, 40).ToDictionary(i => $"runs/r/{i:D2}.bin", i => Enumerable.Range(0, 100 + i).Select(b => (byte)(b * i)).ToArray());
        foreach (var (path, content) in files)
        {
            await storage.WriteAsync(StorageArea.Mart, path, content, TestContext.Ct);
        }

        Assert.Equal(files.Keys.Order(StringComparer.Ordinal), (await storage.ListAsync(StorageArea.Mart, "runs/r", TestContext.Ct)).Select(i => i.Path));
        foreach (var (path, content) in files)
        {
            Assert.Equal(content, await storage.ReadAsync(StorageArea.Mart, path, TestContext.Ct));
        }
    }
}
