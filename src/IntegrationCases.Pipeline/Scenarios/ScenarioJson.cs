using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Results;
using IntegrationCases.Engine.Scenarios;

namespace IntegrationCases.Pipeline.Scenarios;

/// <summary>
/// The scenario and result JSON of API.md, the same for the command line, HTTP and tests.
/// Unknown fields, wrong types and malformed JSON become <see cref="ValidationError"/>s with the field path.
/// A JSON null counts as 'left out' for an optional field.
/// </summary>
public static class ScenarioJson
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 32,
    };

    /// <summary>Reads a scenario; on failure the errors name the field path, the value and what is allowed.</summary>
    public static ScenarioParseOutcome Parse(ReadOnlySpan<byte> utf8Json) => ParseCore(utf8Json, null);

    /// <summary>Reads a municipality's own assumptions: a scenario without 'municipalityCode', which the caller supplies.</summary>
    public static ScenarioParseOutcome ParseAssumptions(ReadOnlySpan<byte> utf8Json, string municipalityCode)
    {
        ArgumentException.ThrowIfNullOrEmpty(municipalityCode);
        return ParseCore(utf8Json, municipalityCode);
    }

    /// <summary>Writes a result exactly as API.md shows it (camelCase, every line key, money to øre).</summary>
    public static byte[] SerializeResult(ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteResult(writer, result);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes a result into an open writer (for hosts that embed it).</summary>
    public static void WriteResult(Utf8JsonWriter writer, ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        writer.WriteStartObject();
        writer.WriteString("municipalityCode", result.MunicipalityCode);
        writer.WriteString("caseId", result.CaseId);
        WriteDate(writer, "startDate", result.StartDate);
        writer.WriteNumber("horizonYears", result.HorizonYears);
        writer.WriteString("currency", result.Currency);
        WriteCohorts(writer, result.Cohorts);
        WriteYears(writer, result.Years);
        WriteKpis(writer, result.Kpis);
        WriteParametersUsed(writer, result.ParametersUsed);
        writer.WriteEndObject();
    }

    private static void WriteCohorts(Utf8JsonWriter writer, IReadOnlyList<Cohort> cohorts)
    {
        writer.WriteStartArray("cohorts");
        foreach (var cohort in cohorts)
        {
            writer.WriteStartObject();
            WriteDate(writer, "startDate", cohort.StartDate);
            writer.WriteNumber("participants", cohort.Participants);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteYears(Utf8JsonWriter writer, IReadOnlyList<YearResult> years)
    {
        writer.WriteStartArray("years");
        foreach (var year in years)
        {
            writer.WriteStartObject();
            writer.WriteNumber("year", year.Year);
            writer.WriteString("firstMonth", year.FirstMonth);
            WriteLines(writer, "baseline", year.Baseline);
            WriteLines(writer, "investment", year.Investment);
            WriteLines(writer, "difference", year.Difference);
            writer.WriteNumber("cumulativeNetDifference", year.CumulativeNetDifference);
            writer.WriteStartObject("selfSupportingAtYearEnd");
            writer.WriteNumber("baseline", year.SelfSupportingAtYearEnd.Baseline);
            writer.WriteNumber("investment", year.SelfSupportingAtYearEnd.Investment);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteKpis(Utf8JsonWriter writer, Kpis k)
    {
        writer.WriteStartObject("kpis");
        writer.WriteNumber("investmentTotal", k.InvestmentTotal);
        writer.WriteNumber("netEffectTotal", k.NetEffectTotal);
        writer.WriteNumber("npv", k.Npv);
        WriteNullable(writer, "returnPerKrone", k.ReturnPerKrone);
        WriteNullable(writer, "paybackMonth", k.PaybackMonth);
        WriteNullable(writer, "breakEvenEffectMultiplier", k.BreakEvenEffectMultiplier);
        writer.WriteStartArray("extraSelfSupportingByYear");
        foreach (var persons in k.ExtraSelfSupportingByYear)
        {
            writer.WriteNumberValue(persons);
        }

        writer.WriteEndArray();
        writer.WriteNumber("benefitMonthsSaved", k.BenefitMonthsSaved);
        writer.WriteEndObject();
    }

    private static void WriteParametersUsed(Utf8JsonWriter writer, IReadOnlyList<ParameterUse> uses)
    {
        writer.WriteStartArray("parametersUsed");
        foreach (var use in uses)
        {
            writer.WriteStartObject();
            writer.WriteString("id", use.Id);
            WriteDate(writer, "validFrom", use.ValidFrom);
            writer.WriteNumber("value", use.Value);
            writer.WriteString("source", use.Source);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteDate(Utf8JsonWriter writer, string name, DateOnly date) =>
        writer.WriteString(name, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    private static void WriteLines(Utf8JsonWriter writer, string name, LineAmounts lines)
    {
        writer.WriteStartObject(name);
        foreach (var code in LineCodes.AllWithNet)
        {
            writer.WriteNumber(code, lines[code]);
        }

        writer.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static ScenarioParseOutcome ParseCore(ReadOnlySpan<byte> utf8Json, string? suppliedMunicipality)
    {
        if (utf8Json.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8Json = utf8Json[3..];
        }

        if (utf8Json.IsEmpty || utf8Json.Trim((ReadOnlySpan<byte>)[0x20, 0x09, 0x0A, 0x0D]).IsEmpty)
        {
            return Fail(new ValidationError("", "Scenariet er tomt; forventede et JSON-objekt som beskrevet i API.md."));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json.ToArray(), DocumentOptions);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (linje {line + 1}, position {(ex.BytePositionInLine ?? 0) + 1})" : string.Empty;
            return Fail(new ValidationError("", $"Scenariet er ikke gyldig JSON{where}: {FirstSentence(ex.Message)}"));
        }
        catch (ArgumentException ex)
        {
            return Fail(new ValidationError("", $"Scenariet kunne ikke læses som UTF-8-kodet JSON: {FirstSentence(ex.Message)}"));
        }

        using (document)
        {
            var reader = new Reader();
            var scenario = reader.ReadScenario(document.RootElement, suppliedMunicipality);
            return reader.Errors.Count > 0 ? new ScenarioParseOutcome(null, reader.Errors) : new ScenarioParseOutcome(scenario, []);
        }
    }

    private static ScenarioParseOutcome Fail(ValidationError error) => new(null, [error]);

    private static string FirstSentence(string message)
    {
        foreach (var marker in new[] { " Path:", " LineNumber:" })
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }

        return message.TrimEnd(' ', '.', '|') + ".";
    }

    /// <summary>Walks the document against the scenario schema, collecting every error with its path.</summary>
    private sealed class Reader
    {
        public List<ValidationError> Errors { get; } = [];

        public ScenarioRequest? ReadScenario(JsonElement root, string? suppliedMunicipality)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                Errors.Add(new("", $"Scenariet skal være et JSON-objekt, ikke {Kind(root)}."));
                return null;
            }

            var fields = Fields(root, "", "municipalityCode", "caseId", "startDate", "horizonYears", "discountRate", "participants",
                "cohorts", "targetGroup", "jobLossMonthlyProbability", "monthlyEarnings", "baseline", "investment", "inJobSupport", "danishTest", "prices");

            string? municipality;
            if (suppliedMunicipality is null)
            {
                municipality = String(fields, "", "municipalityCode", required: true);
            }
            else
            {
                municipality = suppliedMunicipality;
                var given = String(fields, "", "municipalityCode", required: false);
                if (given is not null && !string.Equals(given, suppliedMunicipality, StringComparison.Ordinal))
                {
                    Errors.Add(new("municipalityCode", $"Antagelserne gælder kommune \"{suppliedMunicipality}\", men feltet angiver \"{given}\"; udelad feltet eller angiv \"{suppliedMunicipality}\"."));
                }
            }

            var caseId = String(fields, "", "caseId", required: true);
            var request = new ScenarioRequest
            {
                MunicipalityCode = municipality ?? string.Empty,
                CaseId = caseId ?? string.Empty,
                StartDate = Date(fields, "", "startDate"),
                HorizonYears = Int(fields, "", "horizonYears"),
                DiscountRate = Number(fields, "", "discountRate"),
                Participants = Number(fields, "", "participants"),
                Cohorts = Cohorts(fields, "cohorts"),
                TargetGroup = Object(fields, "", "targetGroup", ReadTargetGroup),
                JobLossMonthlyProbability = Number(fields, "", "jobLossMonthlyProbability"),
                MonthlyEarnings = Number(fields, "", "monthlyEarnings"),
                Baseline = Object(fields, "", "baseline", ReadBaseline),
                Investment = Object(fields, "", "investment", ReadInvestment),
                InJobSupport = Object(fields, "", "inJobSupport", ReadInJobSupport),
                DanishTest = Object(fields, "", "danishTest", ReadDanishTest),
                Prices = Object(fields, "", "prices", ReadPrices),
            };
            return request;
        }

        /// <summary>The intake plan: a list of cohorts, each with exactly a start date and a number of participants.</summary>
        private List<Cohort>? Cohorts(Dictionary<string, JsonElement> fields, string name)
        {
            if (!TryGetGiven(fields, name, out var value))
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.Array)
            {
                Errors.Add(new(name, $"Forventede en liste af hold (objekter med startDate og participants), fik {Kind(value)}."));
                return null;
            }

            var cohorts = new List<Cohort>(value.GetArrayLength());
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                var path = $"{name}[{index++}]";
                if (item.ValueKind != JsonValueKind.Object)
                {
                    Errors.Add(new(path, $"Forventede et hold (et objekt med startDate og participants), fik {Kind(item)}."));
                    continue;
                }

                var f = Fields(item, path, "startDate", "participants");
                var start = Date(f, path, "startDate");
                var participants = Number(f, path, "participants");
                foreach (var (field, missing) in new[] { ("startDate", start is null), ("participants", participants is null) })
                {
                    if (missing && !TryGetGiven(f, field, out _))
                    {
                        Errors.Add(new(Join(path, field), $"Feltet \"{field}\" skal angives for hvert hold."));
                    }
                }

                if (start is { } s && participants is { } n)
                {
                    cohorts.Add(new Cohort(s, n));
                }
            }

            return cohorts;
        }

        private TargetGroupRequest ReadTargetGroup(JsonElement element, string path)
        {
            var f = Fields(element, path, "benefitType", "householdMix", "initialRefusionClockMonths", "programmeEligible", "programmeMonthAtStart");
            return new TargetGroupRequest
            {
                BenefitType = String(f, path, "benefitType", required: false),
                HouseholdMix = NumberMap(f, path, "householdMix"),
                InitialRefusionClockMonths = Int(f, path, "initialRefusionClockMonths"),
                ProgrammeEligible = Bool(f, path, "programmeEligible"),
                ProgrammeMonthAtStart = Int(f, path, "programmeMonthAtStart"),
            };
        }

        private BaselineRequest ReadBaseline(JsonElement element, string path)
        {
            var f = Fields(element, path, "selfSupportShareByYear", "effortCostPerMonth", "effortReimbursementShare");
            return new BaselineRequest
            {
                SelfSupportShareByYear = NumberArray(f, path, "selfSupportShareByYear"),
                EffortCostPerMonth = Number(f, path, "effortCostPerMonth"),
                EffortReimbursementShare = Number(f, path, "effortReimbursementShare"),
            };
        }

        private InvestmentRequest ReadInvestment(JsonElement element, string path)
        {
            var f = Fields(element, path, "extraSelfSupportShareByYear", "oneOffCostPerParticipant", "monthlyCostPerParticipant", "durationMonths", "reimbursementShare");
            return new InvestmentRequest
            {
                ExtraSelfSupportShareByYear = NumberArray(f, path, "extraSelfSupportShareByYear"),
                OneOffCostPerParticipant = Number(f, path, "oneOffCostPerParticipant"),
                MonthlyCostPerParticipant = Number(f, path, "monthlyCostPerParticipant"),
                DurationMonths = Int(f, path, "durationMonths"),
                ReimbursementShare = Number(f, path, "reimbursementShare"),
            };
        }

        private InJobSupportRequest ReadInJobSupport(JsonElement element, string path)
        {
            var f = Fields(element, path, "monthlyCost", "durationMonths");
            return new InJobSupportRequest { MonthlyCost = Number(f, path, "monthlyCost"), DurationMonths = Int(f, path, "durationMonths") };
        }

        private DanishTestRequest ReadDanishTest(JsonElement element, string path)
        {
            var f = Fields(element, path, "month", "baselinePassShare", "investmentPassShare");
            return new DanishTestRequest
            {
                Month = Int(f, path, "month"),
                BaselinePassShare = Number(f, path, "baselinePassShare"),
                InvestmentPassShare = Number(f, path, "investmentPassShare"),
            };
        }

        private PriceOverrides ReadPrices(JsonElement element, string path)
        {
            var f = Fields(element, path, "monthlyBenefit", "refusionShareByClockMonth", "grundtilskudMonthly", "resultattilskudHigh",
                "resultattilskudLow", "resultattilskudDanish", "bonusPerExtraPersonByYear", "personfradragAnnual", "amBidragRate",
                "employmentAllowanceRate", "employmentAllowanceMaxAnnual", "kommuneskatRate");
            Dictionary<int, double>? bonus = null;
            if (NumberMap(f, path, "bonusPerExtraPersonByYear") is { } byYear)
            {
                bonus = [];
                foreach (var (key, value) in byYear)
                {
                    if (key.Length == 4 && int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
                    {
                        bonus[year] = value;
                    }
                    else
                    {
                        Errors.Add(new($"{Join(path, "bonusPerExtraPersonByYear")}.{key}", $"Nøglen \"{key}\" er ikke et årstal; angiv årstal med fire cifre, fx \"2017\"."));
                    }
                }
            }

            return new PriceOverrides
            {
                MonthlyBenefit = Number(f, path, "monthlyBenefit"),
                RefusionShareByClockMonth = NumberArray(f, path, "refusionShareByClockMonth"),
                GrundtilskudMonthly = Number(f, path, "grundtilskudMonthly"),
                ResultattilskudHigh = Number(f, path, "resultattilskudHigh"),
                ResultattilskudLow = Number(f, path, "resultattilskudLow"),
                ResultattilskudDanish = Number(f, path, "resultattilskudDanish"),
                BonusPerExtraPersonByYear = bonus,
                PersonfradragAnnual = Number(f, path, "personfradragAnnual"),
                AmBidragRate = Number(f, path, "amBidragRate"),
                EmploymentAllowanceRate = Number(f, path, "employmentAllowanceRate"),
                EmploymentAllowanceMaxAnnual = Number(f, path, "employmentAllowanceMaxAnnual"),
                KommuneskatRate = Number(f, path, "kommuneskatRate"),
            };
        }

        /// <summary>The object's fields by name; unknown and repeated fields become errors.</summary>
        private Dictionary<string, JsonElement> Fields(JsonElement element, string path, params string[] allowed)
        {
            var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                var fieldPath = Join(path, property.Name);
                if (Array.IndexOf(allowed, property.Name) < 0)
                {
                    var near = allowed.FirstOrDefault(a => string.Equals(a, property.Name, StringComparison.OrdinalIgnoreCase));
                    var hint = near is not null ? $" Mente du \"{near}\"?" : string.Empty;
                    Errors.Add(new(fieldPath, $"Ukendt felt \"{property.Name}\".{hint} Tilladte felter her: {string.Join(", ", allowed)}."));
                    continue;
                }

                if (!fields.TryAdd(property.Name, property.Value))
                {
                    Errors.Add(new(fieldPath, $"Feltet \"{property.Name}\" er angivet mere end én gang."));
                }
            }

            return fields;
        }

        private T? Object<T>(Dictionary<string, JsonElement> fields, string path, string name, Func<JsonElement, string, T> read)
            where T : class
        {
            if (!TryGetGiven(fields, name, out var value))
            {
                return null;
            }

            var fieldPath = Join(path, name);
            if (value.ValueKind != JsonValueKind.Object)
            {
                Errors.Add(new(fieldPath, $"Forventede et JSON-objekt, fik {Kind(value)}."));
                return null;
            }

            return read(value, fieldPath);
        }

        private string? String(Dictionary<string, JsonElement> fields, string path, string name, bool required)
        {
            var fieldPath = Join(path, name);
            if (!TryGetGiven(fields, name, out var value))
            {
                if (required)
                {
                    Errors.Add(new(fieldPath, $"Feltet \"{name}\" skal angives (en tekst)."));
                }

                return null;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                Errors.Add(new(fieldPath, $"Forventede en tekst (i anførselstegn), fik {Kind(value)}."));
                return null;
            }

            return value.GetString();
        }

        private DateOnly? Date(Dictionary<string, JsonElement> fields, string path, string name)
        {
            var text = String(fields, path, name, required: false);
            if (text is null)
            {
                return null;
            }

            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            Errors.Add(new(Join(path, name), $"\"{text}\" er ikke en dato på formen ÅÅÅÅ-MM-DD (fx \"2026-01-01\")."));
            return null;
        }

        private double? Number(Dictionary<string, JsonElement> fields, string path, string name) =>
            fields.TryGetValue(name, out var value) ? Number(value, Join(path, name)) : null;

        private double? Number(JsonElement value, string path)
        {
            if (value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.Number)
            {
                Errors.Add(new(path, $"Forventede et tal, fik {Kind(value)}."));
                return null;
            }

            if (!value.TryGetDouble(out var number) || !double.IsFinite(number))
            {
                Errors.Add(new(path, $"Tallet {Clip(value.GetRawText())} kan ikke repræsenteres (for stort)."));
                return null;
            }

            return number;
        }

        private int? Int(Dictionary<string, JsonElement> fields, string path, string name)
        {
            var fieldPath = Join(path, name);
            var number = Number(fields, path, name);
            if (number is not { } n)
            {
                return null;
            }

            if (n != Math.Floor(n) || n < int.MinValue || n > int.MaxValue)
            {
                Errors.Add(new(fieldPath, $"Forventede et helt tal, fik {Clip(fields[name].GetRawText())}."));
                return null;
            }

            return (int)n;
        }

        private bool? Bool(Dictionary<string, JsonElement> fields, string path, string name)
        {
            if (!TryGetGiven(fields, name, out var value))
            {
                return null;
            }

            if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                return value.GetBoolean();
            }

            Errors.Add(new(Join(path, name), $"Forventede true eller false, fik {Kind(value)}."));
            return null;
        }

        private IReadOnlyList<double>? NumberArray(Dictionary<string, JsonElement> fields, string path, string name)
        {
            if (!TryGetGiven(fields, name, out var value))
            {
                return null;
            }

            var fieldPath = Join(path, name);
            if (value.ValueKind != JsonValueKind.Array)
            {
                Errors.Add(new(fieldPath, $"Forventede en liste af tal, fik {Kind(value)}."));
                return null;
            }

            var result = new List<double>(value.GetArrayLength());
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                var itemPath = $"{fieldPath}[{index++}]";
                if (item.ValueKind == JsonValueKind.Null)
                {
                    Errors.Add(new(itemPath, "Forventede et tal, fik null."));
                    continue;
                }

                if (Number(item, itemPath) is { } n)
                {
                    result.Add(n);
                }
            }

            return result;
        }

        private Dictionary<string, double>? NumberMap(Dictionary<string, JsonElement> fields, string path, string name)
        {
            if (!TryGetGiven(fields, name, out var value))
            {
                return null;
            }

            var fieldPath = Join(path, name);
            if (value.ValueKind != JsonValueKind.Object)
            {
                Errors.Add(new(fieldPath, $"Forventede et JSON-objekt med tal, fik {Kind(value)}."));
                return null;
            }

            var result = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var property in value.EnumerateObject())
            {
                var itemPath = $"{fieldPath}.{property.Name}";
                if (property.Value.ValueKind == JsonValueKind.Null)
                {
                    Errors.Add(new(itemPath, "Forventede et tal, fik null."));
                    continue;
                }

                if (Number(property.Value, itemPath) is { } n && !result.TryAdd(property.Name, n))
                {
                    Errors.Add(new(itemPath, $"Nøglen \"{property.Name}\" er angivet mere end én gang."));
                }
            }

            return result;
        }

        /// <summary>The field's value, when the object gives it: a JSON null counts as left out.</summary>
        private static bool TryGetGiven(Dictionary<string, JsonElement> fields, string name, out JsonElement value) =>
            fields.TryGetValue(name, out value) && value.ValueKind != JsonValueKind.Null;

        private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

        private static string Kind(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => $"teksten {Clip("\"" + value.GetString() + "\"")}",
            JsonValueKind.Number => $"tallet {Clip(value.GetRawText())}",
            JsonValueKind.True or JsonValueKind.False => $"{value.GetRawText()}",
            JsonValueKind.Array => "en liste",
            JsonValueKind.Object => "et objekt",
            JsonValueKind.Null => "null",
            _ => value.ValueKind.ToString(),
        };

        private static string Clip(string text) => text.Length <= 60 ? text : text[..57] + "...";
    }
}

/// <summary>Either a scenario or the reasons it could not be read.</summary>
public sealed record ScenarioParseOutcome(ScenarioRequest? Scenario, IReadOnlyList<ValidationError> Errors);
