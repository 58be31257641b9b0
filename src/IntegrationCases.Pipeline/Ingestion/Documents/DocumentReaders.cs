using System.Text;
using System.Text.Json;
using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Municipalities;
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

    /// <summary>
    /// The municipality's target-group count an assumptions file without participants or cohorts is validated
    /// with. Any count that gives a valid number of participants would do: the engine only checks that the
    /// default exists and is in range, and the run replaces it with the data's count.
    /// </summary>
    private const double PlaceholderTargetGroupPersons = 100;

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
        if (!register.TryGetByCode(code, out var municipality))
        {
            log.Error(null, "kommunekode", code, "Mappen under assumptions/ skal være en af de 98 kommuners tre-cifrede kode (fx assumptions/851/).");
            return null;
        }

        if (!TryText(bytes, log, out var text))
        {
            return null;
        }

        var outcome = ScenarioJson.ParseAssumptions(Encoding.UTF8.GetBytes(text), code);
        using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 32 });
        LogAll(log, outcome.Errors, document.RootElement);

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

        var scenario = outcome.Scenario;
        if (scenario.Cohorts is not null && scenario.StartDate is null)
        {
            // A plan's cohorts are dated, and the run's default start moves with the budget year: without its own
            // start, a plan valid in one run would fall outside the horizon of a later one. So a published plan
            // anchors its horizon itself (docs/data-formats.md).
            log.Error(null, "startDate", $"En tilgangsplan (cohorts) skal angive sin egen startDate, så planens horisont ikke flytter sig med kørslens budgetår; angiv fx \"startDate\": \"{Danish.Date(scenario.Cohorts.Select(c => c.StartDate).DefaultIfEmpty(ValidationStartDate).Min())}\" (den første dag i det første holds måned).");
            return null;
        }

        // The engine's own validation (horizon, trajectories, plan, ranges), so an assumption it would refuse is
        // rejected here with its field paths instead of being skipped at recompute. The scenario goes to the engine
        // as the recompute will give it: a plan as a plan, and one without participants or cohorts through the
        // engine's default (the municipality's count for the case × the case's participation share), for which the
        // municipality is given a placeholder count, because the real one is known only when the run has read
        // every input. Against the default parameter store; a missing start date gets the placeholder above,
        // because the recompute starts such a file on the run's start date (docs/ingestion.md).
        var facts = new Dictionary<string, MunicipalityFacts>(StringComparer.Ordinal)
        {
            [code] = new(code, municipality.Name, new Dictionary<string, double>(StringComparer.Ordinal) { [scenario.CaseId] = PlaceholderTargetGroupPersons }, new Dictionary<int, double>()),
        };
        var context = EvaluationContextFactory.Create(ParameterStore.Default, ValidationStartDate, facts, register);
        var evaluation = ScenarioEvaluator.Evaluate(scenario with { MunicipalityCode = code }, context);
        LogAll(log, evaluation.Errors, document.RootElement);

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

    /// <summary>Each error with its field path and the value the file gives there (none when the field is missing).</summary>
    private static void LogAll(IssueLog log, IReadOnlyList<ValidationError> errors, JsonElement root)
    {
        foreach (var error in errors)
        {
            log.Error(null, error.Path.Length == 0 ? null : error.Path, JsonFieldValue.At(root, error.Path), error.Message);
        }
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
