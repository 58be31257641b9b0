using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Pipeline.Extracts;
using IntegrationCases.Pipeline.Municipalities;
using IntegrationCases.Pipeline.Scenarios;
using Microsoft.AspNetCore.Http;

namespace IntegrationCases.Pipeline.Http;

public sealed partial class ApiHandlers
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// <c>POST /api/scenarios/extract.xlsx</c>: a scenario of API.md in the body, its result back as a workbook in
    /// the layout of the municipality extract. A rejected scenario gets the same 400 problem as evaluate.
    /// </summary>
    public async Task<IResult> ScenarioExtractXlsxAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsJson(request.ContentType))
        {
            return Problems.UnsupportedMediaType(request.ContentType);
        }

        using var body = await RequestBody.ReadAsync(request, _options.MaxScenarioBodyBytes, cancellationToken);
        if (body is null)
        {
            ApiLog.BodyTooLarge(logger, _options.MaxScenarioBodyBytes, request.Path);
            return Problems.BodyTooLarge(_options.MaxScenarioBodyBytes);
        }

        var context = await data.EvaluationContextAsync(cancellationToken);
        var parsed = ScenarioJson.Parse(body.Span);
        if (parsed.Scenario is null)
        {
            ApiLog.ScenarioRejected(logger, parsed.Errors.Count, parsed.Errors.Count > 0 ? parsed.Errors[0].Path : "$");
            return Problems.InvalidScenario(parsed.Errors);
        }

        var outcome = ScenarioEvaluator.Evaluate(parsed.Scenario, context);
        if (outcome.Result is null)
        {
            ApiLog.ScenarioRejected(logger, outcome.Errors.Count, outcome.Errors[0].Path);
            return Problems.InvalidScenario(outcome.Errors);
        }

        // The engine knows only the register's municipalities, so a valid result always has one.
        var municipality = MunicipalityRegister.Default.TryGetByCode(outcome.Result.MunicipalityCode, out var m)
            ? m
            : throw new InvalidOperationException($"Municipality {outcome.Result.MunicipalityCode} is not in the register.");

        var extract = ScenarioExtract.For(municipality, data.RunIdOf(context) ?? "(ingen kørsel)", parsed.Scenario, outcome.Result, context);
        var workbook = XlsxExtractWriter.Write(extract);
        return new StreamFileResult(
            new MemoryStream(workbook, writable: false),
            XlsxContentType,
            $"scenarie-{municipality.Code}-{outcome.Result.CaseId}.xlsx");
    }
}
