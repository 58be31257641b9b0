using System.Globalization;
using System.Text;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using IntegrationCases.Functions.Recompute;
using IntegrationCases.Functions.Tests.Support;
using IntegrationCases.Functions.Triggers;
using IntegrationCases.Pipeline.Mart;
using IntegrationCases.Pipeline.Recompute;
using IntegrationCases.Pipeline.Storage;
using IntegrationCases.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IntegrationCases.Functions.Tests.Triggers;

/// <summary>
/// A national run whose uncertainty is fanned out (docs/uncertainty.md 'Fan-out'), over Azurite with a few draws:
/// the run stops short of publishing and puts one message per municipality on the shard queue; each shard stages its
/// rows under the run; the last one asks for the run again, which publishes them with it. A shard the queue gives up
/// on is reported as a poisoned recompute request is.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class UncertaintyFanOutTests(AzuriteFixture azurite)
{
    private const int Draws = 40;
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);
    private static readonly string[] WithCounts = ["101", "851"];

    private FunctionsHost Host(string shardQueue) => new(azurite, settings: new Dictionary<string, string?>
    {
        ["Storage:UncertaintyQueue"] = shardQueue,
        ["Recompute:UncertaintyDraws"] = Draws.ToString(CultureInfo.InvariantCulture),
        ["Recompute:UncertaintyFanOutFromDraws"] = "1",
    });

    [Fact]
    public async Task A_national_run_fans_out_one_message_per_municipality_stages_the_results_under_the_run_and_publishes_them_with_it()
    {
        var shardQueueName = $"shards-{Guid.NewGuid():N}"[..30];
        await using var host = Host(shardQueueName);
        var shards = new QueueClient(azurite.ConnectionString, shardQueueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        foreach (var code in WithCounts)
        {
            await UploadAsync(host, $"target-groups/kommune-{code}.csv", TargetGroupExtract(code));
        }

        // The run fans out and publishes nothing.
        await host.Services.GetRequiredService<RecomputeQueue>().RequestAsync("test: national run", CancellationToken.None);
        Assert.Equal(1, (await QueueDrain.RunAsync(host, workers: 1, Deadline)).Ran);
        Assert.Empty(await host.ListAsync("Mart", MartPaths.Latest + "/"));
        var runId = Assert.Single((await host.ListAsync("Mart", "runs/")).Select(n => n.Split('/')[1]).Distinct());
        var staging = MartPaths.UncertaintyStaging(runId);
        Assert.Equal([$"{staging}/{MartPaths.MunicipalityFactsFile}", $"{staging}/{MartPaths.UnitPricesFile}"], await host.ListAsync("Mart", "runs/"));
        var messages = await ReceiveAllAsync(shards);
        Assert.Equal(98, messages.Count);
        Assert.All(messages, m => Assert.Equal((runId, Draws), (UncertaintyShard.TryParse(m.Body.ToString())!.RunId, UncertaintyShard.TryParse(m.Body.ToString())!.Draws)));
        Assert.Equal(98, messages.Select(m => UncertaintyShard.TryParse(m.Body.ToString())!.MunicipalityCode).Distinct().Count());

        // Every shard but one is handled (on two workers); the one left over is lost, so the run stays unpublished.
        var lost = messages.Single(m => UncertaintyShard.TryParse(m.Body.ToString())!.MunicipalityCode == "851");
        var handler = host.Function<UncertaintyShardOnMessage>();
        await Parallel.ForEachAsync(messages.Where(m => m != lost), new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (m, ct) =>
        {
            await handler.Run(m.Body.ToString(), ct);
            await shards.DeleteMessageAsync(m.MessageId, m.PopReceipt, ct);
        });
        await shards.DeleteMessageAsync(lost.MessageId, lost.PopReceipt);
        Assert.Equal(97, (await host.ListAsync("Mart", $"{staging}/shards/")).Count);
        Assert.Equal(0, (await host.Queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);

        // A new request finds the run short of one shard and fans out that one alone.
        await host.Services.GetRequiredService<RecomputeQueue>().RequestAsync("test: again", CancellationToken.None);
        Assert.Equal(1, (await QueueDrain.RunAsync(host, workers: 1, Deadline)).Ran);
        Assert.Empty(await host.ListAsync("Mart", MartPaths.Latest + "/"));
        var again = Assert.Single(await ReceiveAllAsync(shards));
        Assert.Equal("851", UncertaintyShard.TryParse(again.Body.ToString())!.MunicipalityCode);

        // The last shard asks for the run, and the run publishes the staged rows.
        await handler.Run(again.Body.ToString(), CancellationToken.None);
        await shards.DeleteMessageAsync(again.MessageId, again.PopReceipt);
        Assert.Contains(host.Logs.Events, e => e.Id.Id == 5111 && e.Message.Contains("98 of 98", StringComparison.Ordinal));
        Assert.Equal(1, (await QueueDrain.RunAsync(host, workers: 1, Deadline)).Ran);
        var manifest = RunManifest.FromJson((await host.Container("Mart").GetBlobClient($"{MartPaths.Latest}/{MartPaths.ManifestFile}").DownloadContentAsync()).Value.Content.ToArray());
        Assert.Equal(runId, manifest.RunId);
        Assert.Equal(WithCounts.Length * 7, manifest.RowCounts[MartSchema.FactUncertainty.Name]);
        Assert.DoesNotContain(await host.ListAsync("Mart", MartPaths.Latest + "/"), n => n.Contains("staging", StringComparison.Ordinal));
        Assert.DoesNotContain(manifest.Files, f => f.Path.Contains("staging", StringComparison.Ordinal));
        Assert.Contains(host.Logs.Events, e => e.Id.Id == 4110);

        // The published rows are the rows of the same run computed in one process.
        var published = (await host.Container("Mart").GetBlobClient($"{MartPaths.Latest}/{MartPaths.TableFile(MartSchema.FactUncertainty.Name)}").DownloadContentAsync()).Value.Content.ToArray();
        Assert.Equal(await InProcessAsync(manifest.StartDate), published);
    }

    [Fact]
    public async Task A_poisoned_shard_is_reported_as_critical_with_its_text_and_attempts_and_an_unreadable_one_throws_for_a_retry()
    {
        await using var host = Host($"shards-{Guid.NewGuid():N}"[..30]);
        var text = new UncertaintyShard("0123456789abcdef", "851", new DateOnly(2027, 1, 1), Draws, 1).ToJson();
        var message = QueuesModelFactory.QueueMessage("id-1", "pop", BinaryData.FromString(text), dequeueCount: 5, insertedOn: TimeProvider.System.GetUtcNow());

        host.Function<UncertaintyShardPoisoned>().Run(message);

        var report = Assert.Single(host.Logs.Events, e => e.Id.Id == 5112);
        Assert.Equal(LogLevel.Critical, report.Level);
        Assert.Contains("\"municipalityCode\":\"851\"", report.Message, StringComparison.Ordinal);
        Assert.Contains("5 attempts", report.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidDataException>(() => host.Function<UncertaintyShardOnMessage>().Run("not a shard", CancellationToken.None));

        // A shard of a run that staged nothing fails (and is retried, then poisoned): it never writes rows of its own.
        await Assert.ThrowsAnyAsync<Exception>(() => host.Function<UncertaintyShardOnMessage>().Run(text, CancellationToken.None));
        Assert.Empty(await host.ListAsync("Mart"));
    }

    /// <summary>fact_uncertainty of the same inputs, draws and start date, computed by a run in one process over a folder.</summary>
    private static async Task<byte[]> InProcessAsync(DateOnly startDate)
    {
        var folder = Directory.CreateTempSubdirectory("fan-out-").FullName;
        try
        {
            var storage = PipelineStorage.Create(new StorageOptions { LocalRoot = folder });
            foreach (var code in WithCounts)
            {
                await storage.WriteAsync(StorageArea.Inputs, $"target-groups/kommune-{code}.csv", TargetGroupExtract(code), CancellationToken.None);
            }

            var summary = await new RecomputeRun(storage).RunAsync(new RecomputeRunOptions { StartDate = startDate, UncertaintyDraws = Draws }, null, CancellationToken.None);
            Assert.Equal(RecomputeStatus.Published, summary.Status);
            return await File.ReadAllBytesAsync(Path.Combine(folder, "mart", MartPaths.Latest, MartPaths.TableFile(MartSchema.FactUncertainty.Name)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<List<QueueMessage>> ReceiveAllAsync(QueueClient queue)
    {
        var all = new List<QueueMessage>();
        while (true)
        {
            var batch = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(2))).Value;
            if (batch.Length == 0)
            {
                return all;
            }

            all.AddRange(batch);
        }
    }

    private static byte[] TargetGroupExtract(string code)
    {
        var text = new StringBuilder("KOMMUNEKODE;CASE_ID;PERIODE;FULDTIDSPERSONER;PERSONER;KILDE\n");
        foreach (var (caseId, i) in new[] { "NY-JOB-30", "NY-AKT-30", "NY-UNG", "KH-JOB-30", "KH-AKT-30", "NY-KVINDER-40", "IGU" }.Select((c, i) => (c, i)))
        {
            text.Append(CultureInfo.InvariantCulture, $"{code};{caseId};2025M07;{20 + i},5;{22 + i};kommunens eget udtræk\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static async Task UploadAsync(FunctionsHost host, string path, byte[] content)
    {
        var container = host.Container("Inputs");
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient(path).UploadAsync(BinaryData.FromBytes(content), overwrite: true);
    }
}
