using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace IntegrationCases.Pipeline.Municipalities;

/// <summary>
/// The 98 municipalities (kommuner.csv, embedded). Joins are on code, never on name; names are looked up only
/// where a source gives names (Jobindsats). 411 Christiansø, 000 (the whole country), regions and landsdele are
/// not municipalities.
/// </summary>
public sealed class MunicipalityRegister
{
    private readonly FrozenDictionary<string, Municipality> _byCode;
    private readonly FrozenDictionary<string, Municipality> _byName;

    private MunicipalityRegister(IReadOnlyList<Municipality> all)
    {
        All = all;
        _byCode = all.ToFrozenDictionary(m => m.Code, StringComparer.Ordinal);
        _byName = all.ToFrozenDictionary(m => NormaliseName(m.Name), StringComparer.Ordinal);
    }

    public static MunicipalityRegister Default { get; } = Load();

    /// <summary>All 98, ordered by code.</summary>
    public IReadOnlyList<Municipality> All { get; }

    public bool TryGetByCode(string code, out Municipality municipality) =>
        _byCode.TryGetValue(code, out municipality!);

    public bool TryGetByName(string name, out Municipality municipality) =>
        _byName.TryGetValue(NormaliseName(name), out municipality!);

    /// <summary>Lower case, 'Kommune' and 'Regionskommune' dropped, 'Århus' as 'Aarhus', spaces and hyphens folded.</summary>
    internal static string NormaliseName(string name)
    {
        var s = name.Trim().ToLower(CultureInfo.GetCultureInfo("da-DK")).Normalize(NormalizationForm.FormC);
        foreach (var suffix in new[] { " regionskommune", " kommune" })
        {
            if (s.EndsWith(suffix, StringComparison.Ordinal))
            {
                s = s[..^suffix.Length];
            }
        }

        s = s.Replace('-', ' ').Replace("  ", " ", StringComparison.Ordinal);
        return s.StartsWith("århus", StringComparison.Ordinal) ? "aarhus" + s[5..] : s;
    }

    private static MunicipalityRegister Load()
    {
        using var stream = typeof(MunicipalityRegister).Assembly.GetManifestResourceStream("kommuner.csv")
            ?? throw new InvalidOperationException("The embedded municipality register is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var list = new List<Municipality>();
        reader.ReadLine(); // header: code;name;region_code;region_name
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var f = line.Split(';');
            list.Add(new Municipality(f[0], f[1], f[2], f[3]));
        }

        return new MunicipalityRegister([.. list.OrderBy(m => m.Code, StringComparer.Ordinal)]);
    }
}
