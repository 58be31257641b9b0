using IntegrationCases.Pipeline.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace IntegrationCases.Functions.Http;

/// <summary><c>POST /api/scenarios/extract.xlsx</c>: a scenario's result as a workbook in the layout of the municipality extract.</summary>
public sealed class ScenarioExtractFunctions(ApiHandlers handlers)
{
    [Function(nameof(ScenarioExtractXlsx))]
    public Task<IResult> ScenarioExtractXlsx(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.FunctionPrefix + ApiRoutes.ScenarioExtract)] HttpRequest request,
        CancellationToken cancellationToken) =>
        handlers.ScenarioExtractXlsxAsync(request, cancellationToken);
}
