using IntegrationCases.Pipeline.Http;
using IntegrationCases.Pipeline.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;

namespace IntegrationCases.Functions.Web;

/// <summary>
/// The API as the calculation tool calls it in Azure: <c>/page-api/…</c>, the same handlers as <c>/api/…</c>,
/// without a function key (which must never reach a browser) but only for a signed-in user (<see cref="PageSignIn"/>).
/// Machine clients such as Power BI keep using <c>/api/</c> with function keys.
/// </summary>
public sealed class PageApiFunctions(ApiHandlers handlers, UncertaintyHandler uncertainty, IConfiguration configuration)
{
    /// <summary>The API base the page is given in Azure (relative to <c>/</c>).</summary>
    public const string Prefix = "page-api/";

    /// <summary>The page itself: an optional parameter that must be empty matches exactly <c>/</c> under an empty route prefix.</summary>
    public const string RootRoute = "{ignored:maxlength(0)?}";

    public const string AssetRoute = CalculationToolPage.AssetsFolder + "{*file}";

    [Function(nameof(PageEvaluateScenario))]
    public Task<IResult> PageEvaluateScenario(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Prefix + ApiRoutes.Evaluate)] HttpRequest request,
        CancellationToken cancellationToken) =>
        Gate(request, () => handlers.EvaluatePostAsync(request, cancellationToken));

    [Function(nameof(PageUncertainty))]
    public Task<IResult> PageUncertainty(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Prefix + ApiRoutes.Uncertainty)] HttpRequest request,
        CancellationToken cancellationToken) =>
        Gate(request, () => uncertainty.PostAsync(request, cancellationToken));

    [Function(nameof(PageScenarioExtractXlsx))]
    public Task<IResult> PageScenarioExtractXlsx(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Prefix + ApiRoutes.ScenarioExtract)] HttpRequest request,
        CancellationToken cancellationToken) =>
        Gate(request, () => handlers.ScenarioExtractXlsxAsync(request, cancellationToken));

    [Function(nameof(PageListCases))]
    public Task<IResult> PageListCases(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Prefix + ApiRoutes.Cases)] HttpRequest request) =>
        Gate(request, () => Task.FromResult(handlers.Cases()));

    [Function(nameof(PageListMunicipalities))]
    public Task<IResult> PageListMunicipalities(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Prefix + ApiRoutes.Municipalities)] HttpRequest request,
        CancellationToken cancellationToken) =>
        Gate(request, () => handlers.MunicipalitiesAsync(cancellationToken));

    [Function(nameof(PageMunicipalityResults))]
    public Task<IResult> PageMunicipalityResults(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Prefix + ApiRoutes.MunicipalityResults)] HttpRequest request,
        string kode,
        CancellationToken cancellationToken) =>
        Gate(request, () => handlers.MunicipalityResultsAsync(kode, cancellationToken));

    [Function(nameof(PageListParameters))]
    public Task<IResult> PageListParameters(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Prefix + ApiRoutes.Parameters)] HttpRequest request,
        CancellationToken cancellationToken) =>
        Gate(request, () => handlers.ParametersAsync(request, cancellationToken));

    private readonly PageSignIn _signIn = new(configuration);

    private Task<IResult> Gate(HttpRequest request, Func<Task<IResult>> handle) =>
        _signIn.IsSignedIn(request) ? handle() : Task.FromResult<IResult>(Problems.SignInRequired());
}
