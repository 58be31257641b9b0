using IntegrationCases.Pipeline.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace IntegrationCases.Functions.Http;

/// <summary>The read-only catalogue endpoints: cases, parameters, health and the OpenAPI document.</summary>
public sealed class CatalogueFunctions(ApiHandlers handlers)
{
    [Function(nameof(ListCases))]
    public IResult ListCases(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.FunctionPrefix + ApiRoutes.Cases)] HttpRequest request) =>
        handlers.Cases();

    [Function(nameof(ListParameters))]
    public Task<IResult> ListParameters(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.FunctionPrefix + ApiRoutes.Parameters)] HttpRequest request,
        CancellationToken cancellationToken) =>
        handlers.ParametersAsync(request, cancellationToken);

    /// <summary>The one endpoint without a key: a probe must not need a secret.</summary>
    [Function(nameof(Health))]
    public IResult Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.FunctionPrefix + ApiRoutes.Health)] HttpRequest request) =>
        ApiHandlers.Health();

    [Function(nameof(OpenApiDocument))]
    public IResult OpenApiDocument(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.FunctionPrefix + ApiRoutes.OpenApi)] HttpRequest request) =>
        ApiHandlers.OpenApi();
}
