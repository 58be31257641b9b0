using IntegrationCases.Pipeline.Municipalities;

namespace IntegrationCases.Pipeline.Tests.Municipalities;

public sealed class MunicipalityRegisterTests
{
    private static readonly MunicipalityRegister Register = MunicipalityRegister.Default;

    [Fact]
    public void The_register_holds_the_98_municipalities_in_five_regions_without_Christiansoe()
    {
        Assert.Equal(98, Register.All.Count);
        Assert.DoesNotContain(Register.All, m => m.Code == "411");
        Assert.Equal(
            new Dictionary<string, int> { ["1081"] = 11, ["1082"] = 19, ["1083"] = 22, ["1084"] = 29, ["1085"] = 17 },
            Register.All.GroupBy(m => m.RegionCode).ToDictionary(g => g.Key, g => g.Count()));
    }

    [Fact]
    public void Every_name_folds_to_a_distinct_key_so_no_two_municipalities_collide()
    {
        var keys = Register.All.Select(m => MunicipalityRegister.NormaliseName(m.Name)).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.All(Register.All, m => Assert.True(Register.TryGetByName(m.Name, out var found) && found.Code == m.Code, m.Name));
    }

    [Theory]
    [InlineData("Århus", "751")]
    [InlineData("Aarhus", "751")]
    [InlineData("Aarhus Kommune", "751")]
    [InlineData("Københavns Kommune", "101")]
    [InlineData("KØBENHAVN", "101")]
    [InlineData("Koebenhavn", "101")]
    [InlineData("Høje Taastrup", "169")]
    [InlineData("Hoeje-Taastrup Kommune", "169")]
    [InlineData("Bornholms Regionskommune", "400")]
    [InlineData("Vesthimmerlands", "820")]
    [InlineData("Vesthimmerlands Kommune", "820")]
    [InlineData("Nordfyn", "480")]
    [InlineData("Åbenrå", "580")]
    [InlineData("Ålborg", "851")]
    [InlineData("Lyngby Taarbæk", "173")]
    [InlineData("Ringkøbing Skjern", "760")]
    [InlineData("Frederiksværk-Hundested", "260")]
    [InlineData("Brønderslev-Dronninglund", "810")]
    [InlineData("  Ærø  ", "492")]
    public void Name_variants_that_sources_use_map_to_the_right_code(string name, string code)
    {
        Assert.True(Register.TryGetByName(name, out var m), name);
        Assert.Equal(code, m.Code);
    }

    [Theory]
    [InlineData("000")]
    [InlineData("081")]
    [InlineData("085")]
    [InlineData("1084")]
    [InlineData("411")]
    [InlineData("01")]
    [InlineData("Hele landet")]
    [InlineData("Region Hovedstaden")]
    [InlineData("Landsdel Byen København")]
    [InlineData("Christiansø")]
    public void The_whole_country_regions_landsdele_and_Christiansoe_are_not_municipalities(string area) =>
        Assert.Equal(AreaKind.NotMunicipality, Register.Resolve(area).Kind);

    [Theory]
    [InlineData("999")]
    [InlineData("086")]
    [InlineData("1234")]
    [InlineData("Atlantis")]
    [InlineData("")]
    [InlineData("10 1")]
    public void Unknown_codes_and_names_are_unknown(string area) =>
        Assert.Equal(AreaKind.Unknown, Register.Resolve(area).Kind);

    [Theory]
    [InlineData("101", "101")]
    [InlineData("0101", "101")]
    [InlineData("0851", "851")]
    [InlineData("Aalborg", "851")]
    public void DST_codes_DAGI_codes_and_names_resolve_to_the_municipality(string area, string code)
    {
        var r = Register.Resolve(area);
        Assert.Equal(AreaKind.Municipality, r.Kind);
        Assert.Equal(code, r.Municipality!.Code);
    }

    [Fact]
    public void Code_lookup_stays_exact()
    {
        Assert.True(Register.TryGetByCode("751", out var aarhus));
        Assert.Equal("Aarhus", aarhus.Name);
        Assert.False(Register.TryGetByCode("0751", out _));
    }
}
