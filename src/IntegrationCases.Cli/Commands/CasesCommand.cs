using System.CommandLine;
using System.Text.Json;
using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Cases;

namespace IntegrationCases.Cli.Commands;

/// <summary><c>cases [--format table|json]</c>: the standard catalogue with every default and its argument.</summary>
internal static class CasesCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "table eller json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("cases", "Vis standardkatalogets cases med deres standardværdier.");
        command.Options.Add(format);
        command.SetAction(parseResult => Run(parseResult.GetValue(format)!, parseResult.InvocationConfiguration.Output));
        return command;
    }

    public static int Run(string format, TextWriter output)
    {
        var catalogue = CaseCatalogue.Standard;
        if (format == "json")
        {
            var options = new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            output.WriteLine(JsonSerializer.Serialize(catalogue.Cases, options));
            return ExitCodes.Ok;
        }

        foreach (var c in catalogue.Cases)
        {
            output.WriteLine($"{c.Id}: {c.Name}");
            output.WriteLine($"  Målgruppe: {c.TargetGroupLabel} ({c.TargetGroup}); deltagerandel {Danish.Number(c.ParticipationShare)}");
            output.WriteLine($"  {c.Description}");
            output.WriteLine($"  Ydelse: {c.BenefitType}; husstande: {string.Join(", ", c.HouseholdMix.Select(h => $"{h.Key} {Danish.Number(h.Value)}"))}");
            output.WriteLine($"  Refusionsur ved start: {c.InitialRefusionClockMonths} mdr.; i programmet: {(c.ProgrammeEligible ? "ja" : "nej")} (programmåned ved start {c.ProgrammeMonthAtStart}); horisont {c.HorizonYears} år");
            output.WriteLine($"  Selvforsørgende, basis (år 1-10): {string.Join(" ", c.BaselineSelfSupportShareByYear.Select(Danish.Number))}");
            output.WriteLine($"  Ekstra ved investering (år 1-10): {string.Join(" ", c.InvestmentExtraSelfSupportShareByYear.Select(Danish.Number))}");
            output.WriteLine($"  Investering: {Danish.Number(c.InvestmentMonthlyCostPerParticipant)} kr./md. i {c.InvestmentDurationMonths} mdr. + {Danish.Number(c.InvestmentOneOffCostPerParticipant)} kr. én gang; ordinær indsats {Danish.Number(c.BaselineEffortCostPerMonth)} kr./md.");
            output.WriteLine($"  Løn i job: {Danish.Number(c.MonthlyEarnings)} kr./md.; støtte i job {Danish.Number(c.InJobSupportMonthlyCost)} kr./md. i {c.InJobSupportDurationMonths} mdr.; jobtab {Danish.Number(c.JobLossMonthlyProbability)} pr. md.");
            var u = c.UncertaintyRanges;
            output.WriteLine($"  Usikkerhed (trekant, typeværdi 1): effekt {Range(u.EffectMultiplier)}; investeringens udgift {Range(u.CostMultiplier)}; løn {Range(u.EarningsMultiplier)}; ordinær indsats {Range(u.EffortCostMultiplier)}");
            foreach (var (field, why) in c.Rationale.OrderBy(r => r.Key, StringComparer.Ordinal)
                .Concat([new("uncertaintyRanges.effectMultiplier", u.EffectMultiplier.Rationale), new("uncertaintyRanges.costMultiplier", u.CostMultiplier.Rationale),
                    new("uncertaintyRanges.earningsMultiplier", u.EarningsMultiplier.Rationale), new("uncertaintyRanges.effortCostMultiplier", u.EffortCostMultiplier.Rationale)]))
            {
                output.WriteLine($"    - {field}: {why}");
            }

            output.WriteLine();
        }

        return ExitCodes.Ok;
    }

    private static string Range(CaseFactorRange range) => $"{Danish.Number(range.Low)}-{Danish.Number(range.High)}";
}
