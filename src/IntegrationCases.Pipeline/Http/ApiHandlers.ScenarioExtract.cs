using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Results;
using IntegrationCases.Engine.Uncertainty;
using IntegrationCases.Pipeline.Mart;
using IntegrationCases.Pipeline.Scenarios;
using IntegrationCases.Pipeline.Extracts;
using IntegrationCases.Pipeline.Municipalities;
using Microsoft.AspNetCore.Http;

namespace IntegrationCases.Pipeline.Http;

public sealed partial class ApiHandlers
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// <c>POST /api/scenarios/extract.xlsx</c>: a scenario of API.md in the body, its result back as a workbook in
    /// the layout of the municipality extract, its 'Usikkerhed' sheet included (the case's default ranges, 2,000
    /// draws, seed 1). A rejected scenario gets the same 400 problem as evaluate.
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
            if (result is null)
            {
                return rejected!;
            }

            // The case's uncertainty with its default ranges, as the run's extracts carry it for the standard cases.
            var scenario = ScenarioJson.Parse(body.Span).Scenario!;
            var (uncertainty, _) = UncertaintyAnalysis.MonteCarlo(new UncertaintyRequest { Scenario = scenario }, context, cancellationToken);
            return Workbook(result, uncertainty, context);
        }
    }

    private StreamFileResult Workbook(ScenarioResult result, MonteCarloSummary? uncertainty, EvaluationContext context)
    {
        // The engine knows only the register's municipalities, so a valid result always has one.
        var municipality = MunicipalityRegister.Default.TryGetByCode(result.MunicipalityCode, out var m)
            ? m
            : throw new InvalidOperationException($"Municipality {result.MunicipalityCode} is not in the register.");

        var extract = ScenarioExtract.For(municipality, data.RunIdOf(context) ?? "(ingen kørsel)", result, context);
        if (uncertainty is not null)
        {
            extract = extract with { Uncertainty = [new CaseUncertainty(ScenarioExtract.ScenarioId, municipality.Code, result.CaseId, uncertainty)] };
        }

        var workbook = XlsxExtractWriter.Write(extract);
        return new StreamFileResult(
            new MemoryStream(workbook, writable: false),
            XlsxContentType,
            $"scenarie-{municipality.Code}-{result.CaseId}.xlsx");
    }
}
