using IntegrationCases.Engine.Uncertainty;
using IntegrationCases.Pipeline.Scenarios;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntegrationCases.Pipeline.Http;

/// <summary>
/// <c>POST /api/scenarios/uncertainty</c>, shared by the Functions app and the local server: an uncertainty
/// request of docs/api.md in the body, the tornado and Monte Carlo summary back; 400 with <c>errors</c> by field
/// path (<c>scenario.participants</c>, <c>ranges.costMultiplier.low</c>) when rejected. Against the same evaluation
/// context as evaluate (the latest published run). The draws are evaluated by the engine's effect grid on the
/// request's thread (100,000 draws take milliseconds); the answer is the same bytes on any machine.
/// </summary>
public sealed class UncertaintyHandler(ApiDataSource data, IOptions<ApiOptions> options, ILogger<UncertaintyHandler> logger)
{
    public async Task<IResult> PostAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ApiHandlers.IsJson(request.ContentType))
        {
            return Problems.UnsupportedMediaType(request.ContentType);
        }

        var limit = options.Value.MaxScenarioBodyBytes;
        using var body = await RequestBody.ReadAsync(request, limit, cancellationToken);
        if (body is null)
        {
            ApiLog.BodyTooLarge(logger, limit, request.Path);
            return Problems.BodyTooLarge(limit);
        }

        var parsed = UncertaintyJson.Parse(body.Span);
        if (parsed.Request is null)
        {
            ApiLog.ScenarioRejected(logger, parsed.Errors.Count, parsed.Errors[0].Path);
            return Problems.InvalidScenario(parsed.Errors);
        }

        var context = await data.EvaluationContextAsync(cancellationToken);
        var outcome = UncertaintyAnalysis.Analyse(parsed.Request, context, cancellationToken);
        if (outcome.Result is null)
        {
            ApiLog.ScenarioRejected(logger, outcome.Errors.Count, outcome.Errors[0].Path);
            return Problems.InvalidScenario(outcome.Errors);
        }

        return new JsonBytesResult(UncertaintyJson.SerializeResult(outcome.Result));
    }
}
