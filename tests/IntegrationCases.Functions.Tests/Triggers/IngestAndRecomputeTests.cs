using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using IntegrationCases.Functions.Tests.Support;
using IntegrationCases.Functions.Triggers;
using IntegrationCases.Cli.Samples;
using IntegrationCases.Pipeline.Ingestion;
using IntegrationCases.Pipeline.Recompute;
using IntegrationCases.Tests.Support;

namespace IntegrationCases.Functions.Tests.Triggers;

/// <summary>
/// The blob trigger and the recompute queue over Azurite, with the function classes called as the host calls
/// them (the Functions host itself cannot be installed here): drop files, run the trigger code, drain the
/// queue, read the mart back.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class IngestAndRecomputeTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Replaying_the_same_blob_ten_times_leaves_one_curated_copy_and_one_mart()
    {
        await using var host = new FunctionsHost(azurite);
        var sample = SampleInputsGenerator.Generate(1).Single(s => s.Path.StartsWith("target-groups/", StringComparison.Ordinal));
        await UploadAsync(host, sample.Path, sample.Content);
        var trigger = host.Function<IngestInputBlob>();

        await DeliverAsync(host, trigger, sample.Path);
        var firstCurated = await CuratedEtagsAsync(host);
        for (var i = 1; i < 10; i++)
        {
            await DeliverAsync(host, trigger, sample.Path);
        }

        Assert.Single(firstCurated);
        Assert.Equal(firstCurated, await CuratedEtagsAsync(host)); // not even rewritten
        Assert.Equal(10, (await host.Queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);

        var drained = await QueueDrain.RunAsync(host, workers: 1, Deadline);
        Assert.Equal(1, drained.Ran);
        Assert.Equal(9, drained.Coalesced);
        var runs = await RunFoldersAsync(host);
        Assert.Single(runs);
        var manifest = await LatestManifestAsync(host);
        Assert.Equal(runs[0], manifest.RunId);
        Assert.Equal([sample.Path], manifest.Inputs.Where(i => i.Accepted).Select(i => i.Path));

        // The HTTP functions read that run back (called directly, as the host would).
        var municipalities = host.Function<IntegrationCases.Functions.Http.MunicipalityFunctions>();
        var (status, type, body) = await FunctionHttp.InvokeAsync(r => municipalities.MunicipalityResults(r, "851", CancellationToken.None));
        Assert.Equal(200, status);
        using (var results = JsonDocument.Parse(body))
        {
            Assert.Equal(manifest.RunId, results.RootElement.GetProperty("runId").GetString());
        }

        (status, type, body) = await FunctionHttp.InvokeAsync(r => municipalities.MunicipalityExtract(r, "851", "xlsx", CancellationToken.None));
        Assert.Equal(200, status);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", type);
        Assert.Equal("PK"u8.ToArray(), body[..2]);

        // An evaluation without participants takes them from the run's municipality facts.
        var scenarios = host.Function<IntegrationCases.Functions.Http.ScenarioFunctions>();
        (status, _, body) = await FunctionHttp.InvokeAsync(
            r => scenarios.EvaluateScenario(r, CancellationToken.None),
            body: """{"municipalityCode":"851","caseId":"NY-JOB-30","startDate":"2026-01-01"}""");
        Assert.True(status == 200, Encoding.UTF8.GetString(body));
    }

    [Fact]
    public async Task Twenty_different_inputs_landing_at_once_are_all_processed_into_exactly_one_consistent_mart()
    {
        await using var host = new FunctionsHost(azurite);
        // The 11 sample inputs (Aalborg's intake plan among them) and 9 municipalities' own target-group extracts.
        var inputs = SampleInputsGenerator.Generate(7).Select(s => (s.Path, s.Content)).ToList();
        foreach (var code in new[] { "101", "147", "151", "153", "155", "157", "159", "161", "163" })
        {
            inputs.Add(($"target-groups/kommune-{code}-2025M07.csv", TargetGroupExtract(code)));
        }

        Assert.Equal(20, inputs.Count);
        await Task.WhenAll(inputs.Select(i => UploadAsync(host, i.Path, i.Content)));
        var trigger = host.Function<IngestInputBlob>();

        // All twenty deliveries at once, as Event Grid may hand them to several instances.
        await Task.WhenAll(inputs.Select(i => DeliverAsync(host, trigger, i.Path)));
        Assert.Equal(20, (await host.ListAsync("Curated")).Count);
        Assert.Empty(await host.ListAsync("Rejected"));

        // Two instances take messages side by side: one runs, the other defers or coalesces.
        var drained = await QueueDrain.RunAsync(host, workers: 2, Deadline);
        Assert.Equal(1, drained.Ran);
        Assert.Equal(20, drained.Calls - drained.Deferred);
        Assert.Equal(0, (await host.Queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);

        var runs = await RunFoldersAsync(host);
        Assert.Single(runs);
        var manifest = await LatestManifestAsync(host);
        Assert.Equal(runs[0], manifest.RunId);
        Assert.Equal(inputs.Select(i => i.Path).Order(StringComparer.Ordinal), manifest.Inputs.Where(i => i.Accepted).Select(i => i.Path).Order(StringComparer.Ordinal));

        // Consistent: every file the manifest lists is in latest/ with the recorded hash.
        foreach (var file in manifest.Files)
        {
            var blob = file.Path.StartsWith("extracts/", StringComparison.Ordinal)
                ? host.Container("Extracts").GetBlobClient(file.Path["extracts/".Length..])
                : host.Container("Mart").GetBlobClient($"latest/{file.Path}");
            var content = (await blob.DownloadContentAsync()).Value.Content.ToArray();
            Assert.Equal(file.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)));
        }
    }

    [Fact]
    public async Task A_rejected_input_is_kept_as_it_came_with_its_error_report_and_still_asks_for_a_recompute()
    {
        await using var host = new FunctionsHost(azurite);
        var broken = Encoding.UTF8.GetBytes("KOMMUNEKODE;CASE_ID;PERIODE;FULDTIDSPERSONER\n999;NY-JOB-30;2025M06;abc\n");
        const string path = "target-groups/broken.csv";
        await UploadAsync(host, path, broken);
        await DeliverAsync(host, host.Function<IngestInputBlob>(), path);

        Assert.Empty(await host.ListAsync("Curated"));
        var rejected = await host.ListAsync("Rejected");
        Assert.Contains(path, rejected);
        Assert.Contains(path + ".errors.json", rejected);
        var kept = (await host.Container("Rejected").GetBlobClient(path).DownloadContentAsync()).Value.Content.ToArray();
        Assert.Equal(broken, kept);
        using var report = JsonDocument.Parse((await host.Container("Rejected").GetBlobClient(path + ".errors.json").DownloadContentAsync()).Value.Content.ToArray());
        Assert.True(report.RootElement.GetProperty("errorCount").GetInt64() > 0);
        Assert.Equal(1, (await host.Queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task A_file_fixed_after_a_rejection_replaces_the_error_report_with_a_curated_copy()
    {
        await using var host = new FunctionsHost(azurite);
        const string path = "target-groups/kommune-851.csv";
        var trigger = host.Function<IngestInputBlob>();
        await UploadAsync(host, path, Encoding.UTF8.GetBytes("KOMMUNEKODE;CASE_ID\n851\n"));
        await DeliverAsync(host, trigger, path);
        Assert.NotEmpty(await host.ListAsync("Rejected"));

        await UploadAsync(host, path, TargetGroupExtract("851"));
        await DeliverAsync(host, trigger, path);
        Assert.Empty(await host.ListAsync("Rejected"));
        Assert.Single(await host.ListAsync("Curated"));
    }

    [Fact]
    public async Task The_HTTP_functions_answer_from_the_published_run_after_its_inputs_are_corrupted_or_deleted()
    {
        await using var host = new FunctionsHost(azurite);
        const string prices = "unit-prices/2026-grundtilskud.json";
        await UploadAsync(host, "target-groups/kommune-851.csv", TargetGroupExtract("851"));
        await UploadAsync(host, prices, Encoding.UTF8.GetBytes("""
            { "id": "grundtilskud.maaned", "description": "Grundtilskud pr. person pr. måned", "unit": "kr. pr. måned",
              "values": [ { "validFrom": "2026-01-01", "value": 3300, "source": "Kommunens overstyring (test)", "estimate": true } ] }
            """));
        var trigger = host.Function<IngestInputBlob>();
        await DeliverAsync(host, trigger, "target-groups/kommune-851.csv");
        await DeliverAsync(host, trigger, prices);
        Assert.Equal(1, (await QueueDrain.RunAsync(host, workers: 1, Deadline)).Ran);

        var before = await AnswersOfAFreshAppAsync(host);
        Assert.Contains("\"value\": 3300", Encoding.UTF8.GetString(before.Evaluated), StringComparison.Ordinal); // the run's override

        await UploadAsync(host, prices, Encoding.UTF8.GetBytes("{ \"id\": \"grundtilskud.maaned\", \"values\": [ 9999"));
        var corrupted = await AnswersOfAFreshAppAsync(host);
        await host.Container("Inputs").DeleteIfExistsAsync();
        var deleted = await AnswersOfAFreshAppAsync(host);

        Assert.Equal(before, corrupted);
        Assert.Equal(before, deleted);
    }

    private sealed record Answers(byte[] Evaluated, byte[] Parameters)
    {
        public bool Equals(Answers? other) => other is not null && Evaluated.SequenceEqual(other.Evaluated) && Parameters.SequenceEqual(other.Parameters);

        public override int GetHashCode() => Evaluated.Length;
    }

    /// <summary>A new instance of the app over the same storage (no context or cache carried over): an evaluation and the unit prices of 2026.</summary>
    private async Task<Answers> AnswersOfAFreshAppAsync(FunctionsHost host)
    {
        await using var fresh = new FunctionsHost(azurite, settings: host.Containers.ToDictionary(c => $"Storage:{c.Key}Container", c => (string?)c.Value));
        var scenarios = fresh.Function<IntegrationCases.Functions.Http.ScenarioFunctions>();
        var (status, _, evaluated) = await FunctionHttp.InvokeAsync(
            r => scenarios.EvaluateScenario(r, CancellationToken.None), body: """{"municipalityCode":"851","caseId":"NY-JOB-30","startDate":"2026-01-01"}""");
        Assert.True(status == 200, Encoding.UTF8.GetString(evaluated));
        var catalogue = fresh.Function<IntegrationCases.Functions.Http.CatalogueFunctions>();
        var (_, _, parameters) = await FunctionHttp.InvokeAsync(r => catalogue.ListParameters(r, CancellationToken.None), query: "?date=2026-01-01");
        return new Answers(evaluated, parameters);
    }

    private static byte[] TargetGroupExtract(string code)
    {
        var text = new StringBuilder("KOMMUNEKODE;CASE_ID;PERIODE;FULDTIDSPERSONER;PERSONER;KILDE\n");
        var n = int.Parse(code, CultureInfo.InvariantCulture);
        foreach (var (caseId, i) in new[] { "NY-JOB-30", "NY-AKT-30", "NY-UNG", "KH-JOB-30", "KH-AKT-30", "NY-KVINDER-40", "IGU" }.Select((c, i) => (c, i)))
        {
            text.Append(CultureInfo.InvariantCulture, $"{code};{caseId};2025M07;{(10 + (n % 17) + i).ToString(CultureInfo.InvariantCulture)},5;{12 + i};kommunens eget udtræk\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static async Task UploadAsync(FunctionsHost host, string path, byte[] content)
    {
        var container = host.Container("Inputs");
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient(path).UploadAsync(BinaryData.FromBytes(content), overwrite: true);
    }

    /// <summary>What the host does on a blob event: open the blob as a stream and call the function with the path.</summary>
    private static async Task DeliverAsync(FunctionsHost host, IngestInputBlob trigger, string path)
    {
        await using var stream = await host.Container("Inputs").GetBlobClient(path).OpenReadAsync();
        await trigger.Run(stream, path, CancellationToken.None);
    }

    private static async Task<IReadOnlyList<string>> CuratedEtagsAsync(FunctionsHost host)
    {
        var etags = new List<string>();
        await foreach (var blob in host.Container("Curated").GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, null, CancellationToken.None))
        {
            etags.Add($"{blob.Name}@{blob.Properties.ETag}");
        }

        return etags;
    }

    private static async Task<IReadOnlyList<string>> RunFoldersAsync(FunctionsHost host) =>
        [.. (await host.ListAsync("Mart", "runs/")).Select(n => n.Split('/')[1]).Distinct()];

    private static async Task<RunManifest> LatestManifestAsync(FunctionsHost host)
    {
        BlobClient blob = host.Container("Mart").GetBlobClient("latest/manifest.json");
        return RunManifest.FromJson((await blob.DownloadContentAsync()).Value.Content.ToArray());
    }
}
