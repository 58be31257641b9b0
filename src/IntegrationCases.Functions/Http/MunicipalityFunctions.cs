using IntegrationCases.Pipeline.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace IntegrationCases.Functions.Http;

/// <summary>The municipalities, their latest results and their extracts.</summary>
public sealed class MunicipalityFunctions(ApiHandlers handlers)
{
    [Function(nameof(ListMunicipalities))]
    public Task<IResult> ListMunicipalities(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.FunctionPrefix + ApiRoutes.Municipalities)] HttpRequest request,
        CancellationToken cancellationToken) =>
        handlers.MunicipalitiesAsync(cancellationToken);

    [Function(nameof(MunicipalityResults))]
    public Task<IResult> MunicipalityResults(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.FunctionPrefix + ApiRoutes.MunicipalityResults)] HttpRequest request,
        string kode,
        CancellationToken cancellationToken) =>
        handlers.MunicipalityResultsAsync(kode, cancellationToken);

    [Function(nameof(MunicipalityExtract))]
    public Task<IResult> MunicipalityExtract(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.FunctionPrefix + ApiRoutes.MunicipalityExtract)] HttpRequest request,
        string kode,
        string format,
        CancellationToken cancellationToken) =>
        handlers.MunicipalityExtractAsync(kode, format, cancellationToken);
}
