using IntegrationCases.Engine.Cases;
using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Results;
using IntegrationCases.Pipeline.Mart;

namespace IntegrationCases.Cli.Output;

/// <summary>The readable Danish table of <c>evaluate --format table</c>.</summary>
internal static class ResultTableWriter
{
    public static void Write(TextWriter writer, ScenarioResult result, CaseDefinition? definition, string? municipalityName)
    {
        writer.WriteLine($"Business case {result.CaseId}{(definition is null ? string.Empty : " - " + definition.Name)}");
        writer.WriteLine($"Kommune {result.MunicipalityCode}{(municipalityName is null ? string.Empty : " " + municipalityName)} · start {Danish.Date(result.StartDate)} · {result.HorizonYears} år · beløb i kr. (kommunens side: indtægt +, udgift -)");
        writer.WriteLine();
        WritePlan(writer, result);

        var headers = new List<string> { "Forskel (investering - basis)" };
        headers.AddRange(result.Years.Select(y => $"År {y.Year} ({y.FirstMonth})"));
        var difference = new TextTable([.. headers]);
        foreach (var line in LineCatalogue.AllWithNet)
        {
            difference.Row([line.Label, .. result.Years.Select(y => Danish.Kroner(y.Difference[line.Code]))]);
        }

        difference.Row(["Akkumuleret netto", .. result.Years.Select(y => Danish.Kroner(y.CumulativeNetDifference))]);
        difference.Row(["Selvforsørgende ved årets udgang, basis", .. result.Years.Select(y => Danish.Grouped(y.SelfSupportingAtYearEnd.Baseline, 1))]);
        difference.Row(["Selvforsørgende ved årets udgang, investering", .. result.Years.Select(y => Danish.Grouped(y.SelfSupportingAtYearEnd.Investment, 1))]);
        difference.WriteTo(writer);
        writer.WriteLine();

        var net = new TextTable([.. headers.Skip(1).Prepend("Netto pr. forløb")]);
        net.Row(["Basisforløb", .. result.Years.Select(y => Danish.Kroner(y.Baseline.Net))]);
        net.Row(["Investeringsforløb", .. result.Years.Select(y => Danish.Kroner(y.Investment.Net))]);
        net.WriteTo(writer);
        writer.WriteLine();

        var k = result.Kpis;
        var kpis = new TextTable("Nøgletal", "Værdi");
        kpis.Row("Investering i alt", Danish.Kroner(k.InvestmentTotal));
        kpis.Row("Nettoeffekt i alt", Danish.Kroner(k.NetEffectTotal));
        kpis.Row("Nutidsværdi", Danish.Kroner(k.Npv));
        kpis.Row("Gevinst pr. investeret krone", k.ReturnPerKrone is { } rpk ? Danish.Grouped(rpk, 2) : "-");
        kpis.Row("Tilbagebetalt fra måned", k.PaybackMonth is { } pb ? pb.ToString(System.Globalization.CultureInfo.InvariantCulture) : "ikke inden for horisonten");
        kpis.Row("Break-even-effektmultiplikator", k.BreakEvenEffectMultiplier is { } be ? Danish.Grouped(be, 4) : "-");
        kpis.Row("Ekstra selvforsørgende pr. år (personer)", string.Join(" / ", k.ExtraSelfSupportingByYear.Select(p => Danish.Grouped(p, 1))));
        kpis.Row("Sparede ydelsesmåneder (personmåneder)", Danish.Grouped(k.BenefitMonthsSaved, 1));
        kpis.WriteTo(writer);
        writer.WriteLine();
        writer.WriteLine("Bemærk: Kun kommunens direkte budgeteffekter. Udligning og generelle tilskud (bloktilskud) er ikke medregnet.");
        writer.WriteLine("Skatten er regnet i det år, indkomsten tjenes; en kommune på statsgaranti mærker den senere og delvist udlignet.");
        writer.WriteLine($"Beregnet med {result.ParametersUsed.Count} daterede enhedspriser; se dem med --format json (parametersUsed).");
    }

    /// <summary>
    /// Who starts when: one line for a single cohort on the start date; for an intake plan (METHOD.md 3a) each
    /// cohort, and the persons and cohorts starting in each year with the years across as in the tables below.
    /// </summary>
    private static void WritePlan(TextWriter writer, ScenarioResult result)
    {
        var cohorts = result.Cohorts;
        if (cohorts.Count == 1 && cohorts[0].StartDate == result.StartDate)
        {
            writer.WriteLine($"Deltagere: {Danish.Grouped(cohorts[0].Participants, 1)} fuldtidspersoner, der starter {Danish.Date(result.StartDate)}.");
            writer.WriteLine();
            return;
        }

        var intake = IntakeYear.Of(result);
        var plan = new TextTable("Tilgangsplan: hold", "Startdato", "År", "Personer") { LeftAligned = [0, 1] };
        for (var i = 0; i < cohorts.Count; i++)
        {
            plan.Row($"Hold {i + 1}", Danish.Date(cohorts[i].StartDate), Danish.Number(IntakeYear.YearOf(result.StartDate, cohorts[i])), Danish.Grouped(cohorts[i].Participants, 1));
        }

        plan.Row("I alt", string.Empty, string.Empty, Danish.Grouped(intake.Sum(y => y.Persons), 1));
        plan.WriteTo(writer);
        writer.WriteLine();

        var years = new TextTable([.. result.Years.Select(y => $"År {y.Year} ({y.FirstMonth})").Prepend("Tilgang pr. år")]);
        IntakeYear? In(int year) => intake.FirstOrDefault(y => y.Year == year);
        years.Row([.. result.Years.Select(y => Danish.Grouped(In(y.Year)?.Persons ?? 0, 1)).Prepend("Personer, der starter")]);
        years.Row([.. result.Years.Select(y => Danish.Number(In(y.Year)?.Cohorts ?? 0)).Prepend("Hold, der starter")]);
        years.WriteTo(writer);
        writer.WriteLine();
    }
}
