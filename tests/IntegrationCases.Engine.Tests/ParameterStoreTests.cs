using IntegrationCases.Engine.Parameters;

namespace IntegrationCases.Engine.Tests;

public sealed class ParameterStoreTests
{
    private const string OneSeries = """
        { "id": "test.sats", "description": "En testsats", "unit": "kr. pr. måned",
          "values": [
            { "validFrom": "2020-01-01", "value": 100, "source": "kilde A", "estimate": false },
            { "validFrom": "2022-07-01", "value": 120, "source": "kilde B", "estimate": true, "note": "skøn" } ] }
        """;

    private static ParameterStore Parse(params (string Name, string Text)[] documents) =>
        ParameterStore.Parse(documents.Select(d => new KeyValuePair<string, string>(d.Name, d.Text)));

    [Fact]
    public void The_value_in_force_is_the_last_one_dated_on_or_before_the_date()
    {
        var store = Parse(("a.json", OneSeries));
        Assert.Null(store.ValueAt("test.sats", new DateOnly(2019, 12, 31)));
        Assert.Equal(100, store.ValueAt("test.sats", new DateOnly(2020, 1, 1))!.Value);
        Assert.Equal(100, store.ValueAt("test.sats", new DateOnly(2022, 6, 30))!.Value);
        Assert.Equal(120, store.ValueAt("test.sats", new DateOnly(2022, 7, 1))!.Value);
        Assert.Equal(120, store.ValueAt("test.sats", new DateOnly(2040, 1, 1))!.Value); // the last value holds
        Assert.True(store.ValueAt("test.sats", new DateOnly(2023, 1, 1))!.IsEstimate);
        Assert.Null(store.ValueAt("unknown", new DateOnly(2023, 1, 1)));
    }

    [Fact]
    public void An_override_replaces_the_values_from_its_first_date_on()
    {
        var store = Parse(("a.json", OneSeries));
        var overrides = Parse(("o.json", """
            { "id": "test.sats", "description": "Ny sats", "unit": "kr. pr. måned",
              "values": [ { "validFrom": "2021-01-01", "value": 110, "source": "kommunens skøn", "estimate": true } ] }
            """));
        var merged = store.WithOverrides(overrides);
        Assert.Equal(100, merged.ValueAt("test.sats", new DateOnly(2020, 6, 1))!.Value);
        Assert.Equal(110, merged.ValueAt("test.sats", new DateOnly(2021, 1, 1))!.Value);
        Assert.Equal(110, merged.ValueAt("test.sats", new DateOnly(2023, 1, 1))!.Value); // 2022-07 value is replaced
        Assert.NotEqual(store.ContentHash, merged.ContentHash);
        Assert.Equal(100, store.ValueAt("test.sats", new DateOnly(2020, 6, 1))!.Value); // the original is unchanged
    }

    [Theory]
    [InlineData("{", "$")]
    [InlineData("[]", "$")]
    [InlineData("""{ "id": "x", "description": "d", "unit": "u", "values": [], "extra": 1 }""", "$.extra")]
    [InlineData("""{ "id": "x", "description": "d", "unit": "u", "values": [] }""", "$.values")]
    [InlineData("""{ "id": "X Y", "description": "d", "unit": "u", "values": [ { "validFrom": "2020-01-01", "value": 1, "source": "s", "estimate": false } ] }""", "$.id")]
    [InlineData("""{ "id": "x", "description": "d", "unit": "u", "values": [ { "validFrom": "2020-13-01", "value": 1, "source": "s", "estimate": false } ] }""", "$.values[0].validFrom")]
    [InlineData("""{ "id": "x", "description": "d", "unit": "u", "values": [ { "validFrom": "2020-01-01", "value": "1", "source": "s", "estimate": false } ] }""", "$.values[0].value")]
    [InlineData("""{ "id": "x", "description": "d", "unit": "u", "values": [ { "validFrom": "2020-01-01", "value": 1, "source": "", "estimate": false } ] }""", "$.values[0].source")]
    [InlineData("""{ "id": "x", "description": "d", "unit": "u", "values": [ { "validFrom": "2020-01-01", "value": 1, "source": "s" } ] }""", "$.values[0].estimate")]
    [InlineData("""{ "id": "x", "description": "d", "unit": "u", "values": [ { "validFrom": "2020-01-01", "value": 1, "source": "s", "estimate": false }, { "validFrom": "2020-01-01", "value": 2, "source": "s", "estimate": false } ] }""", "$.values")]
    [InlineData("""{ "parameters": [ { "id": "x", "description": "d", "unit": "u", "values": [ { "validFrom": "2020-01-01", "value": 1, "source": "s", "estimate": false } ] }, { "id": "x", "description": "d", "unit": "u", "values": [ { "validFrom": "2020-01-01", "value": 1, "source": "s", "estimate": false } ] } ] }""", "$.parameters[1]")]
    public void A_bad_parameter_document_is_rejected_naming_the_document_and_path(string text, string path)
    {
        var ex = Assert.Throws<ParameterFormatException>(() => Parse(("bad.json", text)));
        Assert.Equal("bad.json", ex.Document);
        Assert.Equal(path, ex.Path);
    }

    [Fact]
    public void The_same_id_in_two_documents_is_rejected_whatever_their_order()
    {
        var a = Assert.Throws<ParameterFormatException>(() => Parse(("a.json", OneSeries), ("b.json", OneSeries)));
        var b = Assert.Throws<ParameterFormatException>(() => Parse(("b.json", OneSeries), ("a.json", OneSeries)));
        Assert.Equal(a.Message, b.Message);
    }

    [Fact]
    public void Every_built_in_series_has_a_source_and_covers_january_2016()
    {
        var store = ParameterStore.Default;
        Assert.NotEmpty(store.Series);
        foreach (var series in store.Series)
        {
            Assert.All(series.Values, v => Assert.False(string.IsNullOrWhiteSpace(v.Source)));
            if (series.Id != "bonus.ekstra_person")
            {
                Assert.True(store.ValueAt(series.Id, new DateOnly(2016, 1, 1)) is not null, $"{series.Id} has no value on 2016-01-01");
            }
        }
    }

    [Theory]
    [InlineData("personfradrag.aar", "2016-01-01", 44000)]
    [InlineData("personfradrag.aar", "2026-01-01", 54100)]
    [InlineData("beskaeftigelsesfradrag.sats", "2025-06-01", 0.123)]
    [InlineData("beskaeftigelsesfradrag.loft", "2026-01-01", 63300)]
    [InlineData("am_bidrag.sats", "2026-01-01", 0.08)]
    [InlineData("kommuneskat.gennemsnit", "2018-05-01", 0.24913)]
    [InlineData("refusion.trappe.uge_01_04", "2016-01-01", 0.8)]
    [InlineData("refusion.trappe.uge_53_plus", "2030-01-01", 0.2)]
    [InlineData("resultattilskud.job_uddannelse.hoej", "2024-03-01", 88817)]
    [InlineData("resultattilskud.job_uddannelse.lav", "2024-03-01", 59210)]
    [InlineData("resultattilskud.danskproeve", "2024-03-01", 37895)]
    [InlineData("grundtilskud.maaned", "2024-03-01", 3127)]
    [InlineData("grundtilskud.maaned", "2020-03-01", 2858)]
    [InlineData("bonus.ekstra_person", "2017-12-01", 25000)]
    [InlineData("bonus.ekstra_person", "2019-12-01", 0)]
    [InlineData("ydelse.integrationsydelse.enlig_forsoerger", "2018-07-01", 11993)]
    [InlineData("ydelse.integrationsydelse.hjemmeboende_under_30", "2021-01-01", 2679)]
    [InlineData("ydelse.kontanthjaelp.forsoerger", "2023-01-01", 15874)]
    [InlineData("ydelse.kontanthjaelp.ikke_forsoerger", "2024-01-01", 12326)]
    public void A_sourced_unit_price_has_its_published_value(string id, string date, double expected)
    {
        Assert.Equal(expected, ParameterStore.Default.ValueAt(id, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture))!.Value);
    }
}
