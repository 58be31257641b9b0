using System.Text.Json;
using System.Text.Json.Serialization;

namespace IntegrationCases.Engine.Cases;

/// <summary>Reads the case documents (one JSON per case, see docs/cases.md); unknown or missing fields are errors.</summary>
internal static class CaseDocumentReader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    public static CaseCatalogue ReadCatalogue(IEnumerable<KeyValuePair<string, string>> documents)
    {
        var read = new List<(int Order, CaseDefinition Case)>();
        foreach (var (name, text) in documents)
        {
            CaseDocument document;
            try
            {
                document = JsonSerializer.Deserialize<CaseDocument>(text, Options)
                    ?? throw new InvalidOperationException($"{name}: empty case document.");
            }
            catch (JsonException ex)
            {
                throw new InvalidOperationException($"{name}: {ex.Path}: {ex.Message}", ex);
            }

            read.Add((document.Order, document.ToDefinition()));
        }

        return new CaseCatalogue(read.OrderBy(r => r.Order).ThenBy(r => r.Case.Id, StringComparer.Ordinal).Select(r => r.Case));
    }

    private sealed record CaseDocument(
        int Order,
        string Id,
        string Name,
        string TargetGroup,
        string TargetGroupLabel,
        string Description,
        double ParticipationShare,
        int HorizonYears,
        string BenefitType,
        Dictionary<string, double> HouseholdMix,
        int InitialRefusionClockMonths,
        bool ProgrammeEligible,
        int ProgrammeMonthAtStart,
        double JobLossMonthlyProbability,
        double MonthlyEarnings,
        double[] BaselineSelfSupportShareByYear,
        double BaselineEffortCostPerMonth,
        double? BaselineEffortReimbursementShare,
        double[] InvestmentExtraSelfSupportShareByYear,
        double InvestmentOneOffCostPerParticipant,
        double InvestmentMonthlyCostPerParticipant,
        int InvestmentDurationMonths,
        double? InvestmentReimbursementShare,
        double InJobSupportMonthlyCost,
        int InJobSupportDurationMonths,
        int DanishTestMonth,
        double DanishTestBaselinePassShare,
        double DanishTestInvestmentPassShare,
        CaseUncertaintyRanges UncertaintyRanges,
        Dictionary<string, string> Rationale)
    {
        public CaseDefinition ToDefinition() => new()
        {
            Id = Id,
            Name = Name,
            TargetGroup = TargetGroup,
            TargetGroupLabel = TargetGroupLabel,
            Description = Description,
            ParticipationShare = ParticipationShare,
            HorizonYears = HorizonYears,
            BenefitType = BenefitType,
            HouseholdMix = HouseholdMix,
            InitialRefusionClockMonths = InitialRefusionClockMonths,
            ProgrammeEligible = ProgrammeEligible,
            ProgrammeMonthAtStart = ProgrammeMonthAtStart,
            JobLossMonthlyProbability = JobLossMonthlyProbability,
            MonthlyEarnings = MonthlyEarnings,
            BaselineSelfSupportShareByYear = BaselineSelfSupportShareByYear,
            BaselineEffortCostPerMonth = BaselineEffortCostPerMonth,
            BaselineEffortReimbursementShare = BaselineEffortReimbursementShare,
            InvestmentExtraSelfSupportShareByYear = InvestmentExtraSelfSupportShareByYear,
            InvestmentOneOffCostPerParticipant = InvestmentOneOffCostPerParticipant,
            InvestmentMonthlyCostPerParticipant = InvestmentMonthlyCostPerParticipant,
            InvestmentDurationMonths = InvestmentDurationMonths,
            InvestmentReimbursementShare = InvestmentReimbursementShare,
            InJobSupportMonthlyCost = InJobSupportMonthlyCost,
            InJobSupportDurationMonths = InJobSupportDurationMonths,
            DanishTestMonth = DanishTestMonth,
            DanishTestBaselinePassShare = DanishTestBaselinePassShare,
            DanishTestInvestmentPassShare = DanishTestInvestmentPassShare,
            UncertaintyRanges = UncertaintyRanges,
            Rationale = Rationale,
        };
    }
}
