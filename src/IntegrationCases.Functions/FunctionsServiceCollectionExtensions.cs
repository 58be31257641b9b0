using IntegrationCases.Functions.Recompute;
using IntegrationCases.Pipeline.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationCases.Functions;

/// <summary>The Functions app's services: the shared pipeline and the recompute coordination.</summary>
public static class FunctionsServiceCollectionExtensions
{
    public static IServiceCollection AddIntegrationCasesFunctions(this IServiceCollection services)
    {
        services.AddIntegrationCasesPipeline();
        services.AddIntegrationCasesRecompute();
        return services;
    }
}
