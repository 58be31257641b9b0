using System.Text;

namespace IntegrationCases.Pipeline.Tests.Ingestion;

/// <summary>Runs alone: it measures the process's allocations, which parallel tests would disturb.</summary>
[CollectionDefinition(nameof(AllocationMeasuringCollection), DisableParallelization = true)]
public sealed class AllocationMeasuringCollection;

[Collection(nameof(AllocationMeasuringCollection))]
public sealed class LongLineTests
{
    [Fact]
    public async Task A_50_MB_line_is_refused_without_buffering_it()
    {
        var line = new string('9', 50 * 1024 * 1024);
        var content = Encoding.UTF8.GetBytes("OMRÅDE;OPHGR1;TID;INDHOLD\n101;13;2025;" + line + "\n");
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var outcome = await Ingest.Bytes("dst/INDOPH1/huge.csv", content);

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.False(outcome.Accepted);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal(2, error.Row);
        Assert.Contains("længere end 65536 tegn", error.Message, StringComparison.Ordinal);

        // The content is 50 MB; reading it as text would take 100 MB of chars. The guard keeps it to buffers.
        Assert.True(allocated < 20L * 1024 * 1024, $"allocated {allocated / 1024 / 1024} MB");
    }
}
