using System.Text;
using IntegrationCases.Pipeline.Ingestion;

namespace IntegrationCases.Pipeline.Tests.Ingestion;

/// <summary>
/// 10,000 mutated small files of every kind (fixed seed, so a failure names a reproducible case): no exception
/// escapes, and every file is either accepted whole (curated data, no errors) or rejected with at least one error.
/// </summary>
public sealed class IngestionFuzzTests
{
    private const int Cases = 10_000;

    private static readonly (string Path, byte[] Content)[] Seeds =
    [
        ("dst/INDOPH1/2025.csv", U("\uFEFFOMRÅDE;OPHGR1;TID;INDHOLD\n000;13;2025;62755\n101;13;2025;7120\n101;14;2025;2301\n851;13;2025;..\n")),
        ("dst/FOLK1AM/2025.csv", U("OMRÅDE;KØN;ALDER;TID;INDHOLD\n101;1;IALT;2025M01;320000\n101;2;IALT;2025M01;330000\nAarhus;1;IALT;2025M01;180000\n")),
        ("dst/PSKAT/2026.csv", U("OMRÅDE;SKATTYPE;TID;INDHOLD\n101;KOMSKAT;2026;23,40\n101;KIRKESKAT;2026;0,80\n851;KOMSKAT;2026;26,3\n")),
        ("jobindsats/Y35A02/2025.json", U("""[{"Variables":[{"Label":"Area"},{"Label":"Periode"},{"Label":"Alder"},{"Label":"Køn"},{"Label":"Visitationskategori"},{"Label":"Antal personer"},{"Label":"Antal fuldtidspersoner"}],"Data":[["Aarhus","2025M01","30-39 år","Kvinder","Jobparat",10,8.5],["Odense","2025M01","16-29 år","Mænd","Aktivitetsparat",6,"5,5"],["Vejle","2025M02","40 år og derover","Kvinder","Jobparat",null,null]]}]""")),
        ("jobindsats/Y36A02/2025.json", U("""[{"Variables":[{"Label":"Area"},{"Label":"Periode"},{"Label":"Alder"},{"Label":"Oprindelse"},{"Label":"Visitationskategori"},{"Label":"Antal fuldtidspersoner"}],"Data":[["Odense","2025M03","30 år og derover","Indvandrere fra ikke-vestlige lande","Jobparat",12.5]]}]""")),
        ("target-groups/x.csv", U("# kommentar\nkommunekode;case_id;periode;fuldtidspersoner;personer;kilde\n851;NY-JOB-30;2025;41,5;52;Jobcenter\n101;IGU;2025M06;12;;\n")),
        ("unit-prices/2026.json", U("""{"id":"grundtilskud.maaned","description":"d","unit":"kr. pr. måned","values":[{"validFrom":"2026-01-01","value":3300,"source":"s","estimate":true}]}""")),
        ("assumptions/851/a.json", U("""{"caseId":"NY-JOB-30","participants":25,"investment":{"extraSelfSupportShareByYear":[0.06,0.09,0.09,0.08,0.07],"monthlyCostPerParticipant":3500}}""")),
    ];

    private static readonly byte[][] Fragments =
        [U(";"), U(","), U("."), U(".."), U("\n"), U("\r\n"), U("\""), U("-"), U("9999999999999"), U("\uFEFF"), U("ø"), [0xC3], [0xFF], [0x00], U("{"), U("]"), U("null"), U("1.234,5"), U("I alt"), U("000"), U("411")];

    [Fact]
    public async Task Ten_thousand_mutated_files_never_throw_and_are_accepted_whole_or_rejected_with_an_error()
    {
        var random = new Random(20260);
        var accepted = 0;
        for (var i = 0; i < Cases; i++)
        {
            var (path, seed) = Seeds[random.Next(Seeds.Length)];
            var content = Mutate(seed, random);
            IngestionOutcome outcome;
            try
            {
                outcome = await Ingest.Bytes(path, content);
            }
            catch (Exception e)
            {
                Assert.Fail($"case {i} ({path}, {Convert.ToBase64String(content)}) threw {e}");
                return;
            }

            if (outcome.Accepted)
            {
                accepted++;
                Assert.True(outcome.Curated is not null && outcome.ErrorCount == 0 && outcome.Errors.Count == 0, $"case {i}: accepted with errors");
            }
            else
            {
                Assert.True(outcome.Curated is null && outcome.ErrorCount >= 1 && outcome.Errors.Count >= 1, $"case {i}: rejected without an error");
            }
        }

        // The mutations must exercise both sides, or the property says little.
        Assert.InRange(accepted, Cases / 20, Cases - Cases / 20);
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = new List<byte>(seed);
        var count = random.Next(1, 4);
        for (var m = 0; m < count; m++)
        {
            var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(8))
            {
                case 0 when bytes.Count > 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes.InsertRange(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 2 when bytes.Count > 0:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(1, 12)));
                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at); // truncate
                    break;
                case 4:
                    var lines = SplitLines(bytes);
                    if (lines.Count > 1)
                    {
                        var line = lines[random.Next(1, lines.Count)];
                        bytes.AddRange(line); // a duplicated row
                    }

                    break;
                case 5 when bytes.Count > 0:
                    var digit = bytes.FindIndex(at, b => b is >= (byte)'0' and <= (byte)'9');
                    if (digit >= 0)
                    {
                        bytes[digit] = (byte)random.Next('0', '9' + 1);
                    }

                    break;
                case 6:
                    bytes.InsertRange(at, Enumerable.Repeat((byte)'7', random.Next(1, 300)));
                    break;
                default:
                    // Swap two lines: order must not matter for what is accepted.
                    var all = SplitLines(bytes);
                    if (all.Count > 2)
                    {
                        var (a, b) = (random.Next(1, all.Count), random.Next(1, all.Count));
                        (all[a], all[b]) = (all[b], all[a]);
                        bytes = [.. all.SelectMany(l => l)];
                    }

                    break;
            }
        }

        return [.. bytes];
    }

    private static List<List<byte>> SplitLines(List<byte> bytes)
    {
        var lines = new List<List<byte>>();
        var current = new List<byte>();
        foreach (var b in bytes)
        {
            current.Add(b);
            if (b == '\n')
            {
                lines.Add(current);
                current = [];
            }
        }

        if (current.Count > 0)
        {
            lines.Add(current);
        }

        return lines;
    }

    private static byte[] U(string s) => Encoding.UTF8.GetBytes(s);
}
