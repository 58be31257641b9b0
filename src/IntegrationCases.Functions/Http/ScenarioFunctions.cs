using IntegrationCases.Pipeline.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace IntegrationCases.Functions.Http;

/// <summary><c>POST</c> and <c>GET /api/scenarios/evaluate</c>: the host checks the function key; the shared handler does the rest.</summary>
public sealed class ScenarioFunctions(ApiHandlers handlers)
{
    [Function(nameof(EvaluateScenario))]
    public Task<IResult> EvaluateScenario(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.FunctionPrefix + ApiRoutes.Evaluate)] HttpRequest request,
        CancellationToken cancellationToken) =>
        handlers.EvaluatePostAsync(request, cancellationToken);

    [Function(nameof(EvaluateScenarioQuery))]
    public Task<IResult> EvaluateScenarioQuery(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.FunctionPrefix + ApiRoutes.Evaluate)] HttpRequest request,
        CancellationToken cancellationToken) =>
        handlers.EvaluateGetAsync(request, cancellationToken);
}
