using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Pipeline.Ingestion;
using IntegrationCases.Pipeline.Municipalities;

namespace IntegrationCases.Cli.Samples;

/// <summary>One generated sample input: its path under the inputs area and its bytes.</summary>
public sealed record SampleInput(string Path, byte[] Content);

/// <summary>
/// Writes synthetic but realistic inputs for all 98 municipalities in the real formats (docs/ingestion.md
/// 'Sample inputs'): DST CSV with a BOM and BULK without, decimal comma, '..' cells, whole-country and region
/// rows; Jobindsats v2 JSON with municipality names; our target-group extract; a unit-price override; a few
/// municipalities' assumptions, one of them an intake plan. Every file name says 'synthetic'. Pure and deterministic: the same seed gives
/// the same bytes (System.Random with a seed is stable across .NET versions).
/// </summary>
public static class SampleInputsGenerator
{
    private static readonly string[] Months = ["2025M01", "2025M02", "2025M03", "2025M04", "2025M05", "2025M06"];
    private static readonly (string Code, string Name)[] Regions =
        [("081", "Region Nordjylland"), ("082", "Region Midtjylland"), ("083", "Region Syddanmark"), ("084", "Region Hovedstaden"), ("085", "Region Sjælland")];

    private sealed record Profile(Municipality M, double Population, double Refugees, double Reunified, double Other, double Sho, double Cash, double TaxPercent, double ChurchPercent);

    public static IReadOnlyList<SampleInput> Generate(int seed, MunicipalityRegister? register = null)
    {
        register ??= MunicipalityRegister.Default;
        var random = new Random(seed);
        var profiles = register.All.Select(m =>
        {
            // Log-normal population around 45,000 (Læsø about 1,800, København about 650,000).
            var population = Math.Clamp(Math.Round(Math.Exp(Math.Log(45_000) + 0.85 * Normal(random))), 1_800, 650_000);
            var refugees = Math.Round(population * Uniform(random, 0.004, 0.016));
            var reunified = Math.Round(refugees * Uniform(random, 0.25, 0.45));
            var other = Math.Round(population * Uniform(random, 0.005, 0.02));
            // At least a few dozen on each benefit, so that every case has persons in every municipality.
            var sho = Math.Max(40, (refugees + reunified) * Uniform(random, 0.05, 0.12));
            var cash = Math.Max(120, population * Uniform(random, 0.003, 0.01));
            var tax = Math.Round(Uniform(random, 22.8, 26.3), 1);
            var church = Math.Round(Uniform(random, 0.4, 1.3), 2);
            return new Profile(m, population, refugees, reunified, other, sho, cash, tax, church);
        }).ToList();

        return
        [
            new("dst/INDOPH1/2025-synthetic.csv", Utf8(Indoph1(profiles), bom: true)),
            new("dst/FOLK1AM/2025M06-synthetic-bulk.csv", Utf8(Folk1amBulk(profiles, random), bom: false)),
            new("dst/PSKAT/2026-synthetic.csv", Utf8(Pskat(profiles), bom: true)),
            new("jobindsats/Y35A02/2025-synthetic.json", Y35A02(profiles, random)),
            new("jobindsats/Y36A02/2025-synthetic.json", Y36A02(profiles, random)),
            new("target-groups/synthetic-kommunernes-egne-tal-2025.csv", Utf8(OwnExtract(profiles, random), bom: false)),
            new("unit-prices/2026-synthetic-grundtilskud.json", Utf8(UnitPriceOverride(), bom: false)),
            new("assumptions/851/synthetic-mentor.json", Utf8(Assumption("NY-JOB-30", 25, 3500, 1500, 6), bom: false)),
            new("assumptions/851/synthetic-tilgangsplan.json", Utf8(IntakePlan(), bom: false)),
            new("assumptions/461/synthetic-virksomhedspraktik.json", Utf8(Assumption("NY-AKT-30", 30, 4200, 0, 0), bom: false)),
            new("assumptions/101/synthetic-igu.json", Utf8(Assumption("IGU", 40, 2000, 1200, 12), bom: false)),
        ];
    }

    /// <summary>Writes the files below <paramref name="root"/> (existing files are overwritten).</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(string root, int seed, CancellationToken ct)
    {
        var written = new List<string>();
        foreach (var input in Generate(seed))
        {
            var target = Path.Combine(root, input.Path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await File.WriteAllBytesAsync(target, input.Content, ct).ConfigureAwait(false);
            written.Add(target);
        }

        return written;
    }

    private static string Indoph1(List<Profile> profiles)
    {
        // CSV as the API returns it with valuePresentation=Code: the whole country and regions too, 'OPHGR1' 0 = total.
        var sb = new StringBuilder("OMRÅDE;OPHGR1;TID;INDHOLD\n");
        foreach (var year in new[] { 2024, 2025 })
        {
            var factor = year == 2024 ? 0.94 : 1.0;
            var rows = profiles.Select(p => (p.M.Code, p.M.RegionCode, R: Math.Round(p.Refugees * factor), F: Math.Round(p.Reunified * factor), O: Math.Round(p.Other * factor))).ToList();
            void Row(string area, double r, double f, double o, bool suppressSmall)
            {
                sb.Append(CultureInfo.InvariantCulture, $"{area};0;{year};{r + f + o}\n");
                sb.Append(CultureInfo.InvariantCulture, $"{area};13;{year};{Cell(r, suppressSmall)}\n");
                sb.Append(CultureInfo.InvariantCulture, $"{area};14;{year};{Cell(f, suppressSmall)}\n");
                sb.Append(CultureInfo.InvariantCulture, $"{area};15;{year};{o}\n");
            }

            Row("000", rows.Sum(r => r.R), rows.Sum(r => r.F), rows.Sum(r => r.O), false);
            foreach (var (code, _) in Regions)
            {
                var inRegion = rows.Where(r => "1" + r.RegionCode[1..] == "1" + code[1..] || r.RegionCode == "1" + code).ToList();
                Row(code, inRegion.Sum(r => r.R), inRegion.Sum(r => r.F), inRegion.Sum(r => r.O), false);
            }

            foreach (var r in rows)
            {
                Row(r.Code, r.R, r.F, r.O, true);
            }
        }

        return sb.ToString();
    }

    private static string Folk1amBulk(List<Profile> profiles, Random random)
    {
        // BULK: every variable given values (no elimination), no BOM, codes. KØN 1 = men, 2 = women; ALDER IALT.
        var sb = new StringBuilder("OMRÅDE;KØN;ALDER;TID;INDHOLD\n");
        foreach (var month in Months)
        {
            foreach (var p in profiles)
            {
                var total = Math.Round(p.Population * Uniform(random, 0.998, 1.002));
                var men = Math.Round(total * Uniform(random, 0.49, 0.51));
                sb.Append(CultureInfo.InvariantCulture, $"{p.M.Code};1;IALT;{month};{men}\n");
                sb.Append(CultureInfo.InvariantCulture, $"{p.M.Code};2;IALT;{month};{total - men}\n");
            }
        }

        return sb.ToString();
    }

    private static string Pskat(List<Profile> profiles)
    {
        var sb = new StringBuilder("OMRÅDE;SKATTYPE;TID;INDHOLD\n");
        foreach (var year in new[] { 2025, 2026 })
        {
            var shift = year == 2025 ? -0.1 : 0.0;
            sb.Append(CultureInfo.InvariantCulture, $"000;KOMSKAT;{year};{Danish.Fixed(Math.Round(profiles.Average(p => p.TaxPercent + shift), 2), 2)}\n");
            foreach (var p in profiles)
            {
                sb.Append(CultureInfo.InvariantCulture, $"{p.M.Code};KOMSKAT;{year};{Danish.Fixed(p.TaxPercent + shift, 1)}\n");
                sb.Append(CultureInfo.InvariantCulture, $"{p.M.Code};KIRKESKAT;{year};{Danish.Fixed(p.ChurchPercent, 2)}\n");
            }
        }

        return sb.ToString();
    }

    private static byte[] Y35A02(List<Profile> profiles, Random random)
    {
        string[] ages = ["16-29 år", "30-39 år", "40 år og derover"];
        double[] ageShares = [0.3, 0.35, 0.35];
        string[] genders = ["Kvinder", "Mænd"];
        string[] readiness = ["Jobparat", "Aktivitetsparat", "Uoplyst visitationskategori"];
        double[] readinessShares = [0.55, 0.4, 0.05];
        var rows = new List<object?[]>();
        foreach (var month in Months)
        {
            foreach (var p in profiles)
            {
                var level = p.Sho * Uniform(random, 0.95, 1.05);
                for (var a = 0; a < ages.Length; a++)
                for (var g = 0; g < genders.Length; g++)
                for (var r = 0; r < readiness.Length; r++)
                {
                    var persons = level * ageShares[a] * (g == 0 ? 0.48 : 0.52) * readinessShares[r];
                    rows.Add(JobRow(p.M.Name, month, [ages[a], genders[g], readiness[r]], persons, random));
                }
            }
        }

        return JobindsatsJson(["Area", "Periode", "Alder", "Køn", "Visitationskategori", "Antal personer", "Antal fuldtidspersoner"], rows);
    }

    private static byte[] Y36A02(List<Profile> profiles, Random random)
    {
        string[] ages = ["16-29 år", "30 år og derover"];
        double[] ageShares = [0.3, 0.7];
        string[] origins = ["Personer med dansk oprindelse", "Indvandrere fra vestlige lande", "Indvandrere fra ikke-vestlige lande"];
        double[] originShares = [0.58, 0.07, 0.35];
        string[] readiness = ["Jobparat", "Aktivitetsparat", "Uoplyst visitationskategori"];
        double[] readinessShares = [0.35, 0.6, 0.05];
        var rows = new List<object?[]>();
        foreach (var month in Months)
        {
            foreach (var p in profiles)
            {
                var level = p.Cash * Uniform(random, 0.96, 1.04);
                for (var a = 0; a < ages.Length; a++)
                for (var o = 0; o < origins.Length; o++)
                for (var r = 0; r < readiness.Length; r++)
                {
                    rows.Add(JobRow(p.M.Name, month, [ages[a], origins[o], readiness[r]], level * ageShares[a] * originShares[o] * readinessShares[r], random));
                }
            }
        }

        return JobindsatsJson(["Area", "Periode", "Alder", "Oprindelse", "Visitationskategori", "Antal personer", "Antal fuldtidspersoner"], rows);
    }

    // Persons whole; full-time persons a little lower, one decimal. Cells of 1-2 persons are sometimes
    // suppressed (null), as small cells are in published statistics.
    private static object?[] JobRow(string area, string month, string[] dims, double expected, Random random)
    {
        var persons = Math.Max(0, Math.Round(expected * Uniform(random, 0.9, 1.1)));
        var fte = Math.Round(persons * Uniform(random, 0.82, 0.95), 1);
        var suppressed = persons is > 0 and <= 2 && random.NextDouble() < 0.3;
        return [area, month, .. dims, suppressed ? null : persons, suppressed ? null : fte];
    }

    private static byte[] JobindsatsJson(string[] labels, List<object?[]> rows)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartArray();
            w.WriteStartObject();
            w.WriteString("TableID", labels.Contains("Oprindelse") ? "y36a02" : "y35a02");
            w.WriteString("Note", "synthetic: syntetiske data fra generate-sample-inputs, ikke rigtige tal");
            w.WriteStartArray("Variables");
            foreach (var label in labels)
            {
                w.WriteStartObject();
                w.WriteString("Label", label);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("Data");
            foreach (var row in rows)
            {
                w.WriteStartArray();
                foreach (var cell in row)
                {
                    switch (cell)
                    {
                        case null: w.WriteNullValue(); break;
                        case string s: w.WriteStringValue(s); break;
                        case double d: w.WriteNumberValue(d); break;
                    }
                }

                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
        }

        return buffer.ToArray();
    }

    private static string OwnExtract(List<Profile> profiles, Random random)
    {
        var sb = new StringBuilder("# synthetic: syntetiske tal lavet af generate-sample-inputs; skabelonen er beskrevet i docs/data-formats.md\n");
        sb.Append("kommunekode;case_id;periode;fuldtidspersoner;personer;kilde\n");
        foreach (var code in new[] { "167", "461", "851" })
        {
            var p = profiles.Single(x => x.M.Code == code);
            foreach (var caseId in StandardCases.All)
            {
                var baseCount = caseId.StartsWith("KH", StringComparison.Ordinal) ? p.Cash * 0.1 : p.Sho * 0.3;
                var persons = Math.Max(1, Math.Round(baseCount * Uniform(random, 0.8, 1.2)));
                var fte = Math.Round(persons * Uniform(random, 0.8, 0.95), 1);
                sb.Append(CultureInfo.InvariantCulture, $"{code};{caseId};2025;{Danish.Fixed(fte, 1)};{Danish.Fixed(persons, 0)};Jobcenterets egen opgørelse (syntetisk)\n");
            }
        }

        return sb.ToString();
    }

    private static string UnitPriceOverride() =>
        """
        {
          "id": "grundtilskud.maaned",
          "description": "Grundtilskud pr. person pr. måned (synthetic: syntetisk eksempel på en dateret overstyring)",
          "unit": "kr. pr. måned",
          "values": [
            {
              "validFrom": "2026-01-01",
              "value": 3300,
              "source": "Syntetisk eksempel fra generate-sample-inputs (ikke en officiel sats)",
              "estimate": true,
              "note": "synthetic"
            }
          ]
        }

        """;

    /// <summary>The extra self-support trajectory of the samples; cut to (or held at its last value up to) the case's horizon.</summary>
    private static readonly double[] ExtraSelfSupportShares = [0.06, 0.09, 0.09, 0.08, 0.07];

    private static string Assumption(string caseId, double participants, double monthlyCost, double supportCost, int supportMonths)
    {
        // The engine wants one value per year of the case's horizon (IGU: 2 years), so the list follows the catalogue.
        var horizon = IntegrationCases.Engine.Cases.CaseCatalogue.Standard.Cases.Single(c => c.Id == caseId).HorizonYears;
        var shares = string.Join(", ", Enumerable.Range(0, horizon)
            .Select(y => ExtraSelfSupportShares[Math.Min(y, ExtraSelfSupportShares.Length - 1)].ToString(CultureInfo.InvariantCulture)));
        return string.Create(CultureInfo.InvariantCulture, $$"""
        {
          "caseId": "{{caseId}}",
          "participants": {{participants}},
          "investment": {
            "extraSelfSupportShareByYear": [{{shares}}],
            "monthlyCostPerParticipant": {{monthlyCost}},
            "durationMonths": 12
          },
          "inJobSupport": { "monthlyCost": {{supportCost}}, "durationMonths": {{supportMonths}} }
        }

        """);
    }

    /// <summary>
    /// Aalborg's published intake plan for NY-JOB-30 (METHOD.md 3a): four cohorts over three budget years from
    /// January 2027, with its own start date, as ingestion requires of a plan (the run's start moves each year).
    /// </summary>
    private static string IntakePlan() => """
        {
          "caseId": "NY-JOB-30",
          "startDate": "2027-01-01",
          "horizonYears": 5,
          "cohorts": [
            { "startDate": "2027-01-01", "participants": 30 },
            { "startDate": "2027-07-01", "participants": 15 },
            { "startDate": "2028-01-01", "participants": 25 },
            { "startDate": "2029-01-01", "participants": 20 }
          ],
          "investment": {
            "extraSelfSupportShareByYear": [0.06, 0.09, 0.09, 0.08, 0.07],
            "monthlyCostPerParticipant": 3500,
            "durationMonths": 12
          },
          "inJobSupport": { "monthlyCost": 1500, "durationMonths": 6 }
        }

        """;

    private static string Cell(double value, bool suppressSmall) =>
        suppressSmall && value < 5 ? ".." : value.ToString(CultureInfo.InvariantCulture);

    private static byte[] Utf8(string text, bool bom) =>
        bom ? [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)] : Encoding.UTF8.GetBytes(text);

    private static double Uniform(Random random, double from, double to) => from + (to - from) * random.NextDouble();

    // Box-Muller: one standard normal draw.
    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
