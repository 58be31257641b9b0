using System.Text;
using System.Text.Json;
using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Parameters;
using IntegrationCases.Pipeline.Municipalities;
using IntegrationCases.Pipeline.Scenarios;

namespace IntegrationCases.Pipeline.Ingestion;

/// <summary>
/// The two JSON inputs that the engine itself validates: unit-price overrides (<c>unit-prices/*.json</c>, read by
/// <see cref="ParameterStore.Parse"/>, the format of docs/parameters.md) and a municipality's own case assumptions
/// (<c>assumptions/&lt;kode&gt;/*.json</c>, a scenario of API.md without the municipality, read by
/// <see cref="ScenarioJson.ParseAssumptions"/>). Their errors become ingestion issues.
/// </summary>
internal static class DocumentReaders
{
    /// <summary>
    /// The start date an assumptions file without one is validated with. Any first of a month in the parameter
    /// store's range would do: no rule checked here depends on the date, and ingestion has no clock.
    /// </summary>
    private static readonly DateOnly ValidationStartDate = new(2026, 1, 1);

    public static CuratedData? ReadUnitPrices(byte[] bytes, InputAddress address, string path, string hash, IssueLog log)
    {
        if (!TryText(bytes, log, out var text))
        {
            return null;
        }

        try
        {
            var store = ParameterStore.Parse([new KeyValuePair<string, string>(address.FileName, text)]);
            if (store.Series.Count == 0)
            {
                log.Error("Dokumentet indeholder ingen enhedspriser.");
                return null;
            }

            return CuratedData.Empty with
            {
                UnitPriceOverrides = store,
                Documents = [new SourceDocument(InputAddress.UnitPrices, null, Path.GetFileNameWithoutExtension(address.FileName), text, new Lineage(path, hash, 1))],
            };
        }
        catch (ParameterFormatException e)
        {
            log.Error(null, e.Path, $"Enhedspriserne kan ikke bruges: {e.Message}");
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or InvalidOperationException or OverflowException)
        {
            log.Error($"Enhedspriserne kan ikke bruges: {e.Message}");
        }

        return null;
    }

    public static CuratedData? ReadAssumptions(byte[] bytes, InputAddress address, string path, string hash, IssueLog log, MunicipalityRegister register)
    {
        var code = address.Qualifier ?? "";
        if (!register.TryGetByCode(code, out _))
        {
            log.Error(null, "kommunekode", code, "Mappen under assumptions/ skal være en af de 98 kommuners tre-cifrede kode (fx assumptions/851/).");
            return null;
        }

        if (!TryText(bytes, log, out var text))
        {
            return null;
        }

        var outcome = ScenarioJson.ParseAssumptions(Encoding.UTF8.GetBytes(text), code);

        foreach (var error in outcome.Errors)
        {
            log.Error(null, error.Path, error.Message);
        }

        if (outcome.Scenario is null)
        {
            if (!log.HasErrors)
            {
                log.Error("Antagelserne kunne ikke læses som et scenarie.");
            }

            return null;
        }

        if (log.HasErrors)
        {
            return null;
        }

        // The engine's own validation (horizon, trajectories, ranges), so an assumption it would refuse is rejected
        // here with its field paths instead of being skipped at recompute. Against the default parameter store and
        // a municipality without facts: a missing participants count is given a placeholder of 1, because the
        // recompute fills it from the data, and a missing start date the placeholder below, because the recompute
        // starts it on the run's start date (docs/ingestion.md).
        var request = outcome.Scenario.Participants is null ? outcome.Scenario with { Participants = 1 } : outcome.Scenario;
        var context = EvaluationContextFactory.Create(ParameterStore.Default, ValidationStartDate, null, register);
        var evaluation = ScenarioEvaluator.Evaluate(request with { MunicipalityCode = code }, context);
        foreach (var error in evaluation.Errors)
        {
            log.Error(null, error.Path, error.Message);
        }

        if (log.HasErrors)
        {
            return null;
        }

        var name = Path.GetFileNameWithoutExtension(address.FileName);
        var lineage = new Lineage(path, hash, 1);
        return CuratedData.Empty with
        {
            Assumptions = [new MunicipalAssumption(code, name, outcome.Scenario, lineage)],
            Documents = [new SourceDocument(InputAddress.Assumptions, code, name, text, lineage)],
        };
    }

    /// <summary>The document as text: UTF-8 (a BOM is dropped), and well-formed JSON with a position on error.</summary>
    private static bool TryText(byte[] bytes, IssueLog log, out string text)
    {
        text = "";
        if (bytes.Length == 0)
        {
            log.Error("Filen er tom.");
            return false;
        }

        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            log.Error("Filen er ikke gyldig UTF-8. JSON-filer skal gemmes som UTF-8.");
            return false;
        }

        try
        {
            using var _ = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 32 });
            return true;
        }
        catch (JsonException e)
        {
            log.Error((e.LineNumber ?? 0) + 1, null, $"Filen er ikke gyldig JSON (linje {(e.LineNumber ?? 0) + 1}, position {e.BytePositionInLine ?? 0}).");
            return false;
        }
    }
}
