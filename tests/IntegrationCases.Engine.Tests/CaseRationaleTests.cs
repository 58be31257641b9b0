using IntegrationCases.Engine.Cases;

namespace IntegrationCases.Engine.Tests;

/// <summary>
/// The bar for the catalogue: every default of every standard case is argued in its rationale (a source or a
/// stated assumption), under the key of the field it argues (grouped keys for the investment, the support in a
/// job and the Danish test), and no rationale argues a field that does not exist.
/// </summary>
public sealed class CaseRationaleTests
{
    /// <summary>One rationale key per default, or per group of defaults that are argued together.</summary>
    private static readonly string[] ArguedDefaults =
    [
        "participationShare", "horizonYears", "benefitType", "householdMix", "initialRefusionClockMonths",
        "programmeEligible", "programmeMonthAtStart", "jobLossMonthlyProbability", "monthlyEarnings",
        "baselineSelfSupportShareByYear", "baselineEffortCostPerMonth", "baselineEffortReimbursementShare",
        "investmentExtraSelfSupportShareByYear", "investment", "investmentReimbursementShare", "inJobSupport", "danishTest",
    ];

    /// <summary>Keys that argue a rule the case relies on rather than one field (IGU: the result grant in IGU).</summary>
    private static readonly string[] ArguedRules = ["resultattilskud"];

    public static TheoryData<string> CaseIds => [.. CaseCatalogue.Standard.Cases.Select(c => c.Id)];

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Every_default_of_the_case_is_argued_in_its_rationale(string caseId)
    {
        Assert.True(CaseCatalogue.Standard.TryGet(caseId, out var definition));
        var missing = ArguedDefaults.Where(key => !definition.Rationale.TryGetValue(key, out var why) || string.IsNullOrWhiteSpace(why)).ToList();
        Assert.True(missing.Count == 0, $"{caseId} does not argue: {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Every_rationale_of_the_case_argues_a_default_or_a_rule_it_relies_on(string caseId)
    {
        Assert.True(CaseCatalogue.Standard.TryGet(caseId, out var definition));
        var unknown = definition.Rationale.Keys.Except(ArguedDefaults).Except(ArguedRules).ToList();
        Assert.True(unknown.Count == 0, $"{caseId} argues unknown fields: {string.Join(", ", unknown)}");
    }

    [Fact]
    public void The_IGU_case_starts_where_the_2018_example_did_six_months_into_the_programme_with_the_refusion_clock_at_six()
    {
        Assert.True(CaseCatalogue.Standard.TryGet("IGU", out var igu));
        Assert.Equal(6, igu.ProgrammeMonthAtStart);
        Assert.Equal(igu.ProgrammeMonthAtStart, igu.InitialRefusionClockMonths);
        Assert.Equal("integrationsydelse", igu.BenefitType);
        Assert.Equal(2, igu.HorizonYears);

        // From integrationsydelse into IGU: nearly everyone is self-supporting at the end of the first IGU year.
        Assert.InRange(igu.BaselineSelfSupportShareByYear[0] + igu.InvestmentExtraSelfSupportShareByYear[0], 0.9, 1.0);
    }
}
