using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Results;
using IntegrationCases.Pipeline.Extracts;
using IntegrationCases.Pipeline.Municipalities;
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
        var (body, problem) = await ReadScenarioBodyAsync(request, cancellationToken);
        using (body)
        {
            if (problem is not null)
            {
                return problem;
            }

            var context = await data.EvaluationContextAsync(cancellationToken);
            var (result, rejected) = ParseAndEvaluate(body!.Span, context);
            return result is null ? rejected! : Workbook(result, context);
        }
    }

    private StreamFileResult Workbook(ScenarioResult result, EvaluationContext context)
    {
        // The engine knows only the register's municipalities, so a valid result always has one.
        var municipality = MunicipalityRegister.Default.TryGetByCode(result.MunicipalityCode, out var m)
            ? m
            : throw new InvalidOperationException($"Municipality {result.MunicipalityCode} is not in the register.");

        var extract = ScenarioExtract.For(municipality, data.RunIdOf(context) ?? "(ingen kørsel)", result, context);
        var workbook = XlsxExtractWriter.Write(extract);
        return new StreamFileResult(
            new MemoryStream(workbook, writable: false),
            XlsxContentType,
            $"scenarie-{municipality.Code}-{result.CaseId}.xlsx");
    }
}
