using IntegrationCases.Pipeline.Http;
using IntegrationCases.Pipeline.Resilience;
using IntegrationCases.Pipeline.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IntegrationCases.Pipeline.Hosting;

/// <summary>The services both hosts share: options validated at start-up, the clock, storage and the API.</summary>
public static class PipelineServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="StorageOptions"/> (section <c>Storage</c>), <see cref="ApiOptions"/> (<c>Api</c>) and
    /// <see cref="ResilienceOptions"/> (<c>Resilience</c>), validates them when the host starts (a bad setting
    /// stops the start, naming the setting), and registers the storage, the API's data source and its handlers
    /// as singletons.
    /// </summary>
    public static IServiceCollection AddIntegrationCasesPipeline(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(
                o => !string.IsNullOrWhiteSpace(o.ConnectionString) || o.BlobServiceUri is not null || !string.IsNullOrWhiteSpace(o.LocalRoot),
                "Storage: set Storage__BlobServiceUri (Azure, managed identity), Storage__ConnectionString (Azurite) or Storage__LocalRoot (a local folder).")
            .ValidateOnStart();
        services.AddOptions<ApiOptions>()
            .BindConfiguration(ApiOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<ResilienceOptions>()
            .BindConfiguration(ResilienceOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => PipelineStorage.Create(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value,
            PipelineResilience.Storage(sp.GetRequiredService<IOptions<ResilienceOptions>>().Value, sp.GetRequiredService<TimeProvider>())));
        services.TryAddSingleton<ApiDataSource>();
        services.TryAddSingleton<ApiHandlers>();
        services.TryAddSingleton<UncertaintyHandler>();
        return services;
    }
}
