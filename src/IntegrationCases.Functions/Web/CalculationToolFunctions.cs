using IntegrationCases.Pipeline.Http;
using IntegrationCases.Pipeline.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace IntegrationCases.Functions.Web;

/// <summary>
/// The calculation tool at <c>/</c> and its files under <c>/assets/</c>, from the same embedded files as
/// <c>serve</c>. Anonymous for the Functions host: App Service authentication in front requires sign-in for
/// these paths. The page calls <see cref="PageApiFunctions"/> (<c>/page-api/</c>), never the keyed <c>/api/</c>.
/// </summary>
public sealed class CalculationToolFunctions
{
    [Function(nameof(CalculationToolPageIndex))]
    public IResult CalculationToolPageIndex(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PageApiFunctions.RootRoute)] HttpRequest request) =>
        new WebAssetResult(CalculationToolPage.Index(PageApiFunctions.Prefix));

    [Function(nameof(CalculationToolAsset))]
    public IResult CalculationToolAsset(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PageApiFunctions.AssetRoute)] HttpRequest request,
        string file) =>
        CalculationToolPage.TryGetAsset(file, out var asset)
            ? new WebAssetResult(asset)
            : Problems.UnknownPageFile(file);
}
