using IntegrationCases.Pipeline.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace IntegrationCases.Functions.Http;

/// <summary><c>POST /api/scenarios/uncertainty</c>: the host checks the function key; the shared handler does the rest.</summary>
public sealed class UncertaintyFunctions(UncertaintyHandler handler)
{
    [Function(nameof(ScenarioUncertainty))]
    public Task<IResult> ScenarioUncertainty(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.FunctionPrefix + ApiRoutes.Uncertainty)] HttpRequest request,
        CancellationToken cancellationToken) =>
        handler.PostAsync(request, cancellationToken);
}
