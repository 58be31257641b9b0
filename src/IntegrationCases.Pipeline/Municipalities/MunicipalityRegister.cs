using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace IntegrationCases.Pipeline.Municipalities;

/// <summary>
/// The 98 municipalities (kommuner.csv, embedded). Joins are on code, never on name; names are looked up only
/// where a source gives names (Jobindsats, DST with labels). 411 Christiansø, 000 (the whole country), regions and
/// landsdele are not municipalities: <see cref="Resolve"/> tells them apart from unknown areas.
/// </summary>
public sealed class MunicipalityRegister
{
    private readonly FrozenDictionary<string, Municipality> _byCode;
    private readonly FrozenDictionary<string, Municipality> _byName;

    private MunicipalityRegister(IReadOnlyList<Municipality> all)
    {
        All = all;
        _byCode = all.ToFrozenDictionary(m => m.Code, StringComparer.Ordinal);
        var byName = all.ToDictionary(m => NormaliseName(m.Name), StringComparer.Ordinal);
        foreach (var (variant, code) in MunicipalityNameVariants.Synonyms)
        {
            byName.TryAdd(NormaliseName(variant), _byCode[code]);
        }

        _byName = byName.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static MunicipalityRegister Default { get; } = Load();

    /// <summary>All 98, ordered by code.</summary>
    public IReadOnlyList<Municipality> All { get; }

    public bool TryGetByCode(string code, out Municipality municipality) =>
        _byCode.TryGetValue(code, out municipality!);

    /// <summary>
    /// By name or a known variant: case, 'Kommune'/'Regionskommune', hyphens, 'æ/ø/å' against 'ae/oe/aa'
    /// ('Århus' = 'Aarhus', 'Åbenrå' = 'Aabenraa') and a genitive 's' ('Københavns Kommune') are folded.
    /// </summary>
    public bool TryGetByName(string name, out Municipality municipality)
    {
        var key = NormaliseName(name);
        if (_byName.TryGetValue(key, out municipality!))
        {
            return true;
        }

        // 'Vesthimmerlands' for 'Vesthimmerland', 'Nordfyn' for 'Nordfyns'.
        return key.Length > 1 && key.EndsWith('s')
            ? _byName.TryGetValue(key[..^1], out municipality!)
            : _byName.TryGetValue(key + "s", out municipality!);
    }

    /// <summary>
    /// Reads an area as a source writes it (a DST code such as <c>101</c>, a DAGI code such as <c>0101</c>, or a
    /// name) and says whether it is one of the 98, an area that is not a municipality, or unknown.
    /// </summary>
    public AreaResolution Resolve(ReadOnlySpan<char> area)
    {
        var s = area.Trim();
        if (s.IsEmpty)
        {
            return AreaResolution.Unknown;
        }

        if (IsDigits(s))
        {
            return ResolveCode(s);
        }

        var text = s.ToString();
        if (TryGetByName(text, out var byName))
        {
            return new AreaResolution(AreaKind.Municipality, byName);
        }

        return MunicipalityNameVariants.IsNonMunicipalName(NormaliseName(text))
            ? AreaResolution.NotMunicipality
            : AreaResolution.Unknown;
    }

    private AreaResolution ResolveCode(ReadOnlySpan<char> digits)
    {
        // DAGI writes municipalities as 4 digits ('0101') and regions as 1081-1085.
        if (digits.Length == 4 && digits[0] == '0')
        {
            digits = digits[1..];
        }

        if (digits.Length == 3 && _byCode.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(digits, out var m))
        {
            return new AreaResolution(AreaKind.Municipality, m);
        }

        var code = digits.ToString();
        return MunicipalityNameVariants.IsNonMunicipalCode(code) ? AreaResolution.NotMunicipality : AreaResolution.Unknown;
    }

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Lower case; 'Kommune' and 'Regionskommune' dropped; 'æ/ø/å' folded to 'ae/oe/aa' (so 'Århus' is 'aarhus');
    /// spaces, hyphens and dots folded to one space.
    /// </summary>
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

        var sb = new StringBuilder(s.Length + 4);
        var lastSpace = true;
        foreach (var c in s)
        {
            switch (c)
            {
                case 'æ': sb.Append("ae"); lastSpace = false; break;
                case 'ø': sb.Append("oe"); lastSpace = false; break;
                case 'å': sb.Append("aa"); lastSpace = false; break;
                case ' ' or '-' or '.' or '\u00A0' or '\t':
                    if (!lastSpace)
                    {
                        sb.Append(' ');
                    }

                    lastSpace = true;
                    break;
                default: sb.Append(c); lastSpace = false; break;
            }
        }

        return sb.ToString().TrimEnd();
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

/// <summary>What an area in a source is.</summary>
public enum AreaKind
{
    /// <summary>One of the 98.</summary>
    Municipality,

    /// <summary>The whole country (000), a region, a landsdel or 411 Christiansø: skipped, not an error.</summary>
    NotMunicipality,

    /// <summary>Neither: an error in the file.</summary>
    Unknown,
}

/// <summary>The outcome of <see cref="MunicipalityRegister.Resolve"/>.</summary>
public readonly record struct AreaResolution(AreaKind Kind, Municipality? Municipality)
{
    public static AreaResolution Unknown => new(AreaKind.Unknown, null);

    public static AreaResolution NotMunicipality => new(AreaKind.NotMunicipality, null);
}
