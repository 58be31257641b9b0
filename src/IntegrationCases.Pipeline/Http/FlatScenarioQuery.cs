using System.Globalization;
using System.Text.Json;
using IntegrationCases.Engine.Evaluation;
using Microsoft.AspNetCore.Http;

namespace IntegrationCases.Pipeline.Http;

/// <summary>
/// Turns the flat query of <c>GET /api/scenarios/evaluate</c> (for Power Query's <c>Web.Contents</c>) into the
/// scenario JSON of API.md, so that a GET and a POST go through one parser and one validation. A query name is
/// the camelCase dotted field path (<c>baseline.effortCostPerMonth=2500</c>); a map entry adds its key
/// (<c>targetGroup.householdMix.ikke_forsoerger=0.6</c>); an array is comma-separated with '.' decimals
/// (<c>baseline.selfSupportShareByYear=0.1,0.25,0.35</c>); an intake plan is comma-separated
/// <c>startDate:participants</c> pairs (<c>cohorts=2027-01-01:40,2028-01-01:35</c>). The key parameter <c>code</c>
/// is not a field.
/// </summary>
public static class FlatScenarioQuery
{
    /// <summary>The kind of JSON value a query parameter becomes.</summary>
    public enum FieldKind
    {
        Text,
        Number,
        Integer,
        Boolean,
        NumberList,
        NumberMap,

        /// <summary>An intake plan: comma-separated <c>startDate:participants</c> pairs, each a cohort of API.md.</summary>
        CohortList,
    }

    /// <summary>Every scalar or array field of a scenario by its dotted path; maps are listed by their prefix.</summary>
    public static readonly IReadOnlyDictionary<string, FieldKind> Fields = new Dictionary<string, FieldKind>(StringComparer.Ordinal)
    {
        ["municipalityCode"] = FieldKind.Text,
        ["caseId"] = FieldKind.Text,
        ["startDate"] = FieldKind.Text,
        ["horizonYears"] = FieldKind.Integer,
        ["discountRate"] = FieldKind.Number,
        ["participants"] = FieldKind.Number,
        ["cohorts"] = FieldKind.CohortList,
        ["targetGroup.benefitType"] = FieldKind.Text,
        ["targetGroup.householdMix"] = FieldKind.NumberMap,
        ["targetGroup.initialRefusionClockMonths"] = FieldKind.Integer,
        ["targetGroup.programmeEligible"] = FieldKind.Boolean,
        ["targetGroup.programmeMonthAtStart"] = FieldKind.Integer,
        ["jobLossMonthlyProbability"] = FieldKind.Number,
        ["monthlyEarnings"] = FieldKind.Number,
        ["baseline.selfSupportShareByYear"] = FieldKind.NumberList,
        ["baseline.effortCostPerMonth"] = FieldKind.Number,
        ["baseline.effortReimbursementShare"] = FieldKind.Number,
        ["investment.extraSelfSupportShareByYear"] = FieldKind.NumberList,
        ["investment.oneOffCostPerParticipant"] = FieldKind.Number,
        ["investment.monthlyCostPerParticipant"] = FieldKind.Number,
        ["investment.durationMonths"] = FieldKind.Integer,
        ["investment.reimbursementShare"] = FieldKind.Number,
        ["inJobSupport.monthlyCost"] = FieldKind.Number,
        ["inJobSupport.durationMonths"] = FieldKind.Integer,
        ["danishTest.month"] = FieldKind.Integer,
        ["danishTest.baselinePassShare"] = FieldKind.Number,
        ["danishTest.investmentPassShare"] = FieldKind.Number,
        ["prices.monthlyBenefit"] = FieldKind.Number,
        ["prices.refusionShareByClockMonth"] = FieldKind.NumberList,
        ["prices.grundtilskudMonthly"] = FieldKind.Number,
        ["prices.resultattilskudHigh"] = FieldKind.Number,
        ["prices.resultattilskudLow"] = FieldKind.Number,
        ["prices.resultattilskudDanish"] = FieldKind.Number,
        ["prices.bonusPerExtraPersonByYear"] = FieldKind.NumberMap,
        ["prices.personfradragAnnual"] = FieldKind.Number,
        ["prices.amBidragRate"] = FieldKind.Number,
        ["prices.employmentAllowanceRate"] = FieldKind.Number,
        ["prices.employmentAllowanceMaxAnnual"] = FieldKind.Number,
        ["prices.kommuneskatRate"] = FieldKind.Number,
    };

    /// <summary>Query names that are not scenario fields and are ignored here (the function key).</summary>
    public static readonly IReadOnlySet<string> ReservedNames = new HashSet<string>(StringComparer.Ordinal) { "code" };

    /// <summary>The scenario JSON, or the errors naming each bad query parameter.</summary>
    public static (byte[]? Json, IReadOnlyList<ValidationError> Errors) ToScenarioJson(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new List<ValidationError>();
        var root = new Node();
        foreach (var (name, values) in query.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (ReservedNames.Contains(name))
            {
                continue;
            }

            if (values.Count != 1)
            {
                errors.Add(new ValidationError(name, $"Parameteren '{Problems.Shorten(name)}' er angivet {values.Count} gange; angiv den én gang."));
                continue;
            }

            var value = values[0] ?? string.Empty;
            if (!TryResolve(name, out var fieldPath, out var kind, out var mapKey))
            {
                errors.Add(new ValidationError(name, $"'{Problems.Shorten(name)}' er ikke et felt i et scenarie. Se docs/api.md for de gyldige navne."));
                continue;
            }

            if (ToValue(name, kind, value, errors) is not { } jsonValue)
            {
                continue;
            }

            var segments = fieldPath.Split('.');
            var node = root;
            foreach (var segment in segments)
            {
                node = node.Child(segment);
            }

            if (mapKey is not null)
            {
                node = node.Child(mapKey);
            }

            node.Value = jsonValue;
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, ApiJsonWriter.Options))
        {
            root.Write(writer);
        }

        return (buffer.ToArray(), []);
    }

    private static bool TryResolve(string name, out string fieldPath, out FieldKind kind, out string? mapKey)
    {
        mapKey = null;
        if (Fields.TryGetValue(name, out kind) && kind != FieldKind.NumberMap)
        {
            fieldPath = name;
            return true;
        }

        var lastDot = name.LastIndexOf('.');
        if (lastDot > 0 && lastDot < name.Length - 1
            && Fields.TryGetValue(name[..lastDot], out kind) && kind == FieldKind.NumberMap)
        {
            fieldPath = name[..lastDot];
            mapKey = name[(lastDot + 1)..];
            kind = FieldKind.Number;
            return true;
        }

        fieldPath = name;
        return false;
    }

    private static Scalar? ToValue(string name, FieldKind kind, string value, List<ValidationError> errors)
    {
        switch (kind)
        {
            case FieldKind.Text:
                return new Scalar(value, null, null, null);
            case FieldKind.CohortList:
                return ToCohorts(name, value, errors) is { } cohorts ? new Scalar(null, null, null, null, cohorts) : null;
            case FieldKind.Boolean:
                if (value is "true" or "false")
                {
                    return new Scalar(null, null, value == "true", null);
                }

                errors.Add(new ValidationError(name, $"'{Problems.Shorten(value)}' er ikke 'true' eller 'false'."));
                return null;
            case FieldKind.Number:
            case FieldKind.Integer:
                if (TryNumber(value, out var number))
                {
                    return new Scalar(null, number, null, null);
                }

                errors.Add(new ValidationError(name, $"'{Problems.Shorten(value)}' er ikke et tal. Brug punktum som decimaltegn, fx 0.25."));
                return null;
            case FieldKind.NumberList:
                var parts = value.Length == 0 ? [] : value.Split(',');
                var list = new double[parts.Length];
                for (var i = 0; i < parts.Length; i++)
                {
                    if (!TryNumber(parts[i].Trim(), out list[i]))
                    {
                        errors.Add(new ValidationError($"{name}[{i}]", $"'{Problems.Shorten(parts[i])}' er ikke et tal. Adskil tal med komma og brug punktum som decimaltegn, fx 0.1,0.25."));
                        return null;
                    }
                }

                return new Scalar(null, null, null, list);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown field kind.");
        }
    }

    /// <summary>
    /// <c>2027-01-01:40,2028-01-01:35</c> as cohorts. The date is passed on as text, so the scenario reader checks
    /// it exactly as in a POST (<c>cohorts[1].startDate</c>); an empty value is an empty plan, which the engine
    /// refuses as a POST's <c>[]</c> is refused.
    /// </summary>
    private static FlatCohort[]? ToCohorts(string name, string value, List<ValidationError> errors)
    {
        var items = value.Length == 0 ? [] : value.Split(',');
        var cohorts = new FlatCohort[items.Length];
        var ok = true;
        for (var i = 0; i < items.Length; i++)
        {
            var parts = items[i].Split(':');
            if (parts.Length != 2 || parts[0].Trim().Length == 0)
            {
                errors.Add(new ValidationError($"{name}[{i}]", $"'{Problems.Shorten(items[i])}' er ikke et hold på formen startdato:deltagere, fx 2027-01-01:40. Adskil holdene med komma."));
                ok = false;
                continue;
            }

            if (!TryNumber(parts[1].Trim(), out var participants))
            {
                errors.Add(new ValidationError($"{name}[{i}].participants", $"'{Problems.Shorten(parts[1])}' er ikke et tal. Brug punktum som decimaltegn, fx 2027-01-01:12.5."));
                ok = false;
                continue;
            }

            cohorts[i] = new FlatCohort(parts[0].Trim(), participants);
        }

        return ok ? cohorts : null;
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value)
        && double.IsFinite(value);

    private sealed record Scalar(string? Text, double? Number, bool? Boolean, double[]? List, FlatCohort[]? Cohorts = null);

    /// <summary>One cohort of a flat query, written as <c>{"startDate": ..., "participants": ...}</c>.</summary>
    private sealed record FlatCohort(string StartDate, double Participants);

    /// <summary>A JSON object under construction: children by name in query order, or a leaf value.</summary>
    private sealed class Node
    {
        private readonly List<KeyValuePair<string, Node>> _children = [];

        public Scalar? Value { get; set; }

        public Node Child(string name)
        {
            foreach (var (key, child) in _children)
            {
                if (key == name)
                {
                    return child;
                }
            }

            var node = new Node();
            _children.Add(new(name, node));
            return node;
        }

        public void Write(Utf8JsonWriter writer)
        {
            if (Value is { } v)
            {
                if (v.Text is not null)
                {
                    writer.WriteStringValue(v.Text);
                }
                else if (v.Number is { } n)
                {
                    writer.WriteNumberValue(n);
                }
                else if (v.Boolean is { } b)
                {
                    writer.WriteBooleanValue(b);
                }
                else if (v.Cohorts is { } cohorts)
                {
                    writer.WriteStartArray();
                    foreach (var cohort in cohorts)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("startDate", cohort.StartDate);
                        writer.WriteNumber("participants", cohort.Participants);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                }
                else
                {
                    writer.WriteStartArray();
                    foreach (var item in v.List!)
                    {
                        writer.WriteNumberValue(item);
                    }

                    writer.WriteEndArray();
                }

                return;
            }

            writer.WriteStartObject();
            foreach (var (key, child) in _children)
            {
                writer.WritePropertyName(key);
                child.Write(writer);
            }

            writer.WriteEndObject();
        }
    }
}
