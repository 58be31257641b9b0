namespace IntegrationCases.Pipeline.Http;

/// <summary>The API's routes under <c>/api</c>; the Functions app and the local server use the same templates.</summary>
public static class ApiRoutes
{
    public const string Prefix = "/api";

    /// <summary>
    /// The Functions host serves the calculation tool at <c>/</c>, so host.json's <c>routePrefix</c> is empty and
    /// every API function's route starts with this.
    /// </summary>
    public const string FunctionPrefix = "api/";
    public const string Evaluate = "scenarios/evaluate";
    public const string Uncertainty = "scenarios/uncertainty";
    public const string ScenarioExtract = "scenarios/extract.xlsx";
    public const string Cases = "cases";
    public const string Municipalities = "municipalities";
    public const string MunicipalityResults = "municipalities/{kode}/results";
    public const string MunicipalityExtract = "municipalities/{kode}/extract.{format}";
    public const string Parameters = "parameters";
    public const string Health = "health";
    public const string OpenApi = "openapi.json";
}
