using IntegrationCases.Functions;
using IntegrationCases.Pipeline.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// The Azure Functions app (isolated worker, ASP.NET Core integration). Settings: docs/operations.md.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services
    .AddApplicationInsightsTelemetryWorkerService()
    .ConfigureFunctionsApplicationInsights();
builder.Services.AddIntegrationCasesPipeline();
builder.Services.AddIntegrationCasesFunctions();
builder.Build().Run();
