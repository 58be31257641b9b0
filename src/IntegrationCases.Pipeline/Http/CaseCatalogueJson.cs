using System.Text.Json;
using IntegrationCases.Engine.Cases;

namespace IntegrationCases.Pipeline.Http;

/// <summary>
/// <c>GET /api/cases</c>: each case of the standard catalogue with its defaults in the shape of a scenario
/// (API.md field names, trajectories for all ten years) and the catalogue's argument for each default, keyed by
/// the scenario field path it argues. A client (the calculation tool) can so show every default next to its
/// field with the reason, and send back exactly what it shows.
/// </summary>
public static class CaseCatalogueJson
{
    /// <summary>The catalogue's rationale keys that are not a scenario field path of their own.</summary>
    private static readonly Dictionary<string, string> ReasonPaths = new(StringComparer.Ordinal)
    {
        ["participationShare"] = "participants",
        ["benefitType"] = "targetGroup.benefitType",
        ["householdMix"] = "targetGroup.householdMix",
        ["initialRefusionClockMonths"] = "targetGroup.initialRefusionClockMonths",
        ["programmeEligible"] = "targetGroup.programmeEligible",
        ["programmeMonthAtStart"] = "targetGroup.programmeMonthAtStart",
        ["baselineSelfSupportShareByYear"] = "baseline.selfSupportShareByYear",
        ["baselineEffortCostPerMonth"] = "baseline.effortCostPerMonth",
        ["baselineEffortReimbursementShare"] = "baseline.effortReimbursementShare",
        ["investmentExtraSelfSupportShareByYear"] = "investment.extraSelfSupportShareByYear",
        ["investmentReimbursementShare"] = "investment.reimbursementShare",
    };

    public static void Write(Utf8JsonWriter w, CaseCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(catalogue);
        w.WriteStartArray();
        foreach (var c in catalogue.Cases)
        {
            w.WriteStartObject();
            w.WriteString("caseId", c.Id);
            w.WriteString("name", c.Name);
            w.WriteString("targetGroup", c.TargetGroup);
            w.WriteString("targetGroupLabel", c.TargetGroupLabel);
            w.WriteString("description", c.Description);
            w.WriteNumber("participationShare", c.ParticipationShare);
            w.WriteNumber("horizonYears", c.HorizonYears);
            WriteDefaults(w, c);
            w.WriteStartObject("reasons");
            foreach (var (key, reason) in c.Rationale.OrderBy(r => ReasonPath(r.Key), StringComparer.Ordinal))
            {
                w.WriteString(ReasonPath(key), reason);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>The scenario field path a rationale key argues (the key itself where it already is one).</summary>
    public static string ReasonPath(string rationaleKey) =>
        ReasonPaths.TryGetValue(rationaleKey, out var path) ? path : rationaleKey;

    /// <summary>The case's defaults as a scenario (without municipality, case and participants, which data gives).</summary>
    private static void WriteDefaults(Utf8JsonWriter w, CaseDefinition c)
    {
        w.WriteStartObject("defaults");
        w.WriteNumber("horizonYears", c.HorizonYears);
        w.WriteNumber("discountRate", 0.0);
        w.WriteStartObject("targetGroup");
        w.WriteString("benefitType", c.BenefitType);
        w.WriteStartObject("householdMix");
        foreach (var (household, share) in c.HouseholdMix.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            w.WriteNumber(household, share);
        }

        w.WriteEndObject();
        w.WriteNumber("initialRefusionClockMonths", c.InitialRefusionClockMonths);
        w.WriteBoolean("programmeEligible", c.ProgrammeEligible);
        w.WriteNumber("programmeMonthAtStart", c.ProgrammeMonthAtStart);
        w.WriteEndObject();
        w.WriteNumber("jobLossMonthlyProbability", c.JobLossMonthlyProbability);
        w.WriteNumber("monthlyEarnings", c.MonthlyEarnings);
        w.WriteStartObject("baseline");
        Numbers(w, "selfSupportShareByYear", c.BaselineSelfSupportShareByYear);
        w.WriteNumber("effortCostPerMonth", c.BaselineEffortCostPerMonth);
        NullableNumber(w, "effortReimbursementShare", c.BaselineEffortReimbursementShare);
        w.WriteEndObject();
        w.WriteStartObject("investment");
        Numbers(w, "extraSelfSupportShareByYear", c.InvestmentExtraSelfSupportShareByYear);
        w.WriteNumber("oneOffCostPerParticipant", c.InvestmentOneOffCostPerParticipant);
        w.WriteNumber("monthlyCostPerParticipant", c.InvestmentMonthlyCostPerParticipant);
        w.WriteNumber("durationMonths", c.InvestmentDurationMonths);
        NullableNumber(w, "reimbursementShare", c.InvestmentReimbursementShare);
        w.WriteEndObject();
        w.WriteStartObject("inJobSupport");
        w.WriteNumber("monthlyCost", c.InJobSupportMonthlyCost);
        w.WriteNumber("durationMonths", c.InJobSupportDurationMonths);
        w.WriteEndObject();
        w.WriteStartObject("danishTest");
        w.WriteNumber("month", c.DanishTestMonth);
        w.WriteNumber("baselinePassShare", c.DanishTestBaselinePassShare);
        w.WriteNumber("investmentPassShare", c.DanishTestInvestmentPassShare);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Numbers(Utf8JsonWriter w, string name, IReadOnlyList<double> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteNumberValue(v);
        }

        w.WriteEndArray();
    }

    // Null: the parameter store decides month by month (the case has no default of its own).
    private static void NullableNumber(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
