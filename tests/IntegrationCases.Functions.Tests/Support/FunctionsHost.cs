using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using IntegrationCases.Functions.Recompute;
using IntegrationCases.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IntegrationCases.Functions.Tests.Support;

/// <summary>
/// The Functions app's services as Program.cs registers them, over Azurite with containers and a queue of
/// this test's own, so that tests can build the function classes and call them as the host would.
/// </summary>
public sealed class FunctionsHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public FunctionsHost(AzuriteFixture azurite, Action<IServiceCollection>? configure = null, IDictionary<string, string?>? settings = null)
    {
        var suffix = Guid.NewGuid().ToString("N")[..20];
        Containers = new Dictionary<string, string>
        {
            ["Inputs"] = $"in-{suffix}",
            ["Curated"] = $"cur-{suffix}",
            ["Rejected"] = $"rej-{suffix}",
            ["Mart"] = $"mart-{suffix}",
            ["Extracts"] = $"ext-{suffix}",
        };
        QueueName = $"recompute-{suffix}";
        var values = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:InputsContainer"] = Containers["Inputs"],
            ["Storage:CuratedContainer"] = Containers["Curated"],
            ["Storage:RejectedContainer"] = Containers["Rejected"],
            ["Storage:MartContainer"] = Containers["Mart"],
            ["Storage:ExtractsContainer"] = Containers["Extracts"],
            ["Storage:RecomputeQueue"] = QueueName,
            ["Recompute:BusyRetryDelay"] = "00:00:00.500",
            ["Recompute:ClockSkewAllowance"] = "00:00:00",
            ["Api:ContextRefreshInterval"] = "00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        services.AddIntegrationCasesFunctions();
        configure?.Invoke(services);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Blobs = new BlobServiceClient(azurite.ConnectionString);
        Queue = new QueueClient(azurite.ConnectionString, QueueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
    }

    public CapturedLogs Logs { get; } = new();

    public IReadOnlyDictionary<string, string> Containers { get; }

    public string QueueName { get; }

    public BlobServiceClient Blobs { get; }

    public QueueClient Queue { get; }

    public IServiceProvider Services => _services;

    /// <summary>A function class built by the container, as the Functions host builds it.</summary>
    public T Function<T>() => ActivatorUtilities.CreateInstance<T>(_services);

    public BlobContainerClient Container(string area) => Blobs.GetBlobContainerClient(Containers[area]);

    public async Task<IReadOnlyList<string>> ListAsync(string area, string? prefix = null)
    {
        var names = new List<string>();
        var container = Container(area);
        if (!(await container.ExistsAsync()).Value)
        {
            return names;
        }

        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix, CancellationToken.None))
        {
            names.Add(blob.Name);
        }

        return names;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var name in Containers.Values)
        {
            await Blobs.GetBlobContainerClient(name).DeleteIfExistsAsync();
        }

        await Queue.DeleteIfExistsAsync();
        await _services.DisposeAsync();
    }
}
