using IntegrationCases.Engine.Results;

namespace IntegrationCases.Pipeline.Tests.Support;

/// <summary>Hand-built engine results with awkward money (øre, negatives, large values) for writer tests.</summary>
internal static class SampleResults
{
    public static ScenarioResult Result(string municipality, string caseId, int years = 3, decimal scale = 1m)
    {
        var list = new List<YearResult>();
        decimal cumulative = 0;
        for (var year = 1; year <= years; year++)
        {
            var baseline = Lines(-123_456.78m * scale * year, 0.01m * year);
            var investment = Lines(-98_765.43m * scale * year, -0.05m * year);
            var difference = Diff(investment, baseline);
            cumulative += difference.Net;
            list.Add(new YearResult(year, $"{2025 + year}-01", baseline, investment, difference, cumulative,
                new SelfSupportingAtYearEnd(1.25 * year, 2.5 * year + 0.1)));
        }

        return new ScenarioResult(municipality, caseId, new DateOnly(2026, 1, 1), years, "DKK", list,
            new Kpis(decimal.Round(250_000.01m * scale, 2), cumulative, cumulative - 0.99m, 1.75, Payback(years), null, [.. Enumerable.Range(1, years).Select(i => 0.5 * i)], 42.125),
            [new ParameterUse("ydelse.integrationsydelse.enlig", new DateOnly(2026, 1, 1), 12_345.67, "Bekendtgørelse om satser 2026")]);

        static int? Payback(int years) => years > 2 ? 17 : null;
    }

    private static LineAmounts Lines(decimal ydelse, decimal small)
    {
        ydelse = decimal.Round(ydelse, 2);
        var refusion = decimal.Round(-ydelse * 0.4m, 2);
        var skat = 1_234.56m + small;
        decimal[] parts = [ydelse, refusion, skat, -2_500.00m, 3_127.00m, -36_000.00m, 0m, 88_817.00m, 0.01m, -0.01m];
        return new LineAmounts(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6], parts[7], parts[8], parts[9], parts.Sum());
    }

    private static LineAmounts Diff(LineAmounts a, LineAmounts b) => new(
        a.Ydelse - b.Ydelse, a.Refusion - b.Refusion, a.Kommuneskat - b.Kommuneskat, a.Indsats - b.Indsats, a.Grundtilskud - b.Grundtilskud,
        a.Investering - b.Investering, a.StoetteIJob - b.StoetteIJob, a.Resultattilskud - b.Resultattilskud,
        a.ResultattilskudDansk - b.ResultattilskudDansk, a.Bonus - b.Bonus, a.Net - b.Net);
}
