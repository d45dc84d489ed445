using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using LowCode.Engine.Metadata;

namespace LowCode.Engine.Benchmarks.Forms;

/// <summary>
/// The issue's large form: 500 fields, 200 of them conditional (visibleWhen or requiredWhen), 50 computed (one a
/// column of a 100-row table, five reading the whole table, three more built on those), and data that fills every
/// field. Deterministic, so every run measures the same work.
/// </summary>
internal static class GeneratedForm
{
    public const int FieldCount = 500;
    public const int RowCount = 100;

    public static FormDefinition Definition { get; } = DefinitionJson.Parse<FormDefinition>(Json())!;

    /// <summary>The data a client would submit: every input filled in, 100 rows.</summary>
    public static JsonObject Data() => JsonNode.Parse(DataJson())!.AsObject();

    /// <summary>How many fields have a visibleWhen or requiredWhen, and how many are computed, counted from the definition.</summary>
    public static (int Fields, int Conditional, int Computed) Count()
    {
        var all = Definition.Fields.SelectMany(f => f.Fields.Prepend(f)).ToList();
        return (all.Count, all.Count(f => f.VisibleWhen is not null || f.RequiredWhen is not null), all.Count(f => f.Computed is not null));
    }

    private static string Json()
    {
        var fields = new List<string>();
        for (var k = 0; k < 40; k++)
        {
            fields.Add($$"""{ "key": "b{{k}}", "type": "boolean" }""");
        }

        for (var k = 0; k < 120; k++)
        {
            // The second half is required only while its partner in the first half is large: 60 conditionals.
            var when = k >= 60 ? $$""", "requiredWhen": "n{{k - 60}} > 500" """ : string.Empty;
            fields.Add($$"""{ "key": "n{{k}}", "type": "number", "min": 0, "max": 1000{{when}} }""");
        }

        for (var k = 0; k < 40; k++)
        {
            fields.Add($$"""{ "key": "i{{k}}", "type": "integer", "min": 0 }""");
        }

        for (var k = 0; k < 120; k++)
        {
            // Shown only while their boolean is ticked: 120 conditionals.
            fields.Add($$"""{ "key": "t{{k}}", "type": "text", "maxLength": 200, "visibleWhen": "b{{k % 40}}", "requiredWhen": "b{{k % 40}} && n{{k}} > 900" }""");
        }

        for (var k = 0; k < 20; k++)
        {
            // 18 conditionals.
            var when = k < 18 ? $$""", "visibleWhen": "s{{k}} === 'a' || s{{k}} === 'b'" """ : string.Empty;
            fields.Add($$"""{ "key": "d{{k}}", "type": "date", "minDate": "2000-01-01"{{when}} }""");
        }

        for (var k = 0; k < 30; k++)
        {
            fields.Add($$"""{ "key": "s{{k}}", "type": "select", "options": [ { "value": "a" }, { "value": "b" }, { "value": "c" }, { "value": "d" } ] }""");
        }

        for (var k = 0; k < 10; k++)
        {
            fields.Add($$"""{ "key": "e{{k}}", "type": "email" }""");
        }

        fields.Add("""
            {
              "key": "rows", "type": "repeating", "maxRows": 200,
              "fields": [
                { "key": "qty", "type": "integer", "min": 1, "required": true },
                { "key": "price", "type": "number", "min": 0, "required": true },
                { "key": "category", "type": "select", "options": [ { "value": "goods" }, { "value": "services" }, { "value": "other" } ] },
                { "key": "note", "type": "text", "visibleWhen": "category === 'other'", "requiredWhen": "category === 'other'" },
                { "key": "discount", "type": "number", "min": 0, "max": 100, "visibleWhen": "qty > 10" },
                { "key": "lineTotal", "type": "computed", "computed": "qty * price * (1 - coalesce(discount, 0) / 100)" }
              ]
            }
            """);

        var computed = new List<string>();
        for (var k = 0; k < 15; k++)
        {
            computed.Add($"n{k} * 2 + i{k}");
        }

        for (var k = 15; k < 30; k++)
        {
            computed.Add($"c{k - 1} + n{k}");
        }

        for (var k = 30; k < 40; k++)
        {
            computed.Add($"b{k} ? n{k} + c{k - 30} : 0");
        }

        computed.AddRange([
            "round(sum(rows, 'lineTotal'), 2)",
            "rows.length",
            "sum(rows, 'qty')",
            "c41 > 0 ? round(c40 / c41, 2) : 0",
            "c40 > 10000 ? 'large' : 'small'",
            "rows.filter(function (r) { return r.category === 'other'; }).length",
            "c42 > 500 ? 'bulk' : 'normal'",
            "round(avg(rows, 'price'), 2)",
            "c40 + c29",
        ]);
        for (var k = 0; k < computed.Count; k++)
        {
            fields.Add($$"""{ "key": "c{{k}}", "type": "computed", "computed": "{{computed[k]}}" }""");
        }

        var filler = FieldCount - fields.Count - 6;
        for (var k = 0; k < filler; k++)
        {
            fields.Add($$"""{ "key": "x{{k}}", "type": "textarea", "maxLength": 2000 }""");
        }

        return $$"""{ "key": "generated-form", "name": "Generated form", "fields": [ {{string.Join(",\n", fields)}} ] }""";
    }

    private static string DataJson()
    {
        var data = new StringBuilder("{");
        void Add(string key, string value) => data.Append(CultureInfo.InvariantCulture, $"\"{key}\": {value},");
        for (var k = 0; k < 40; k++)
        {
            Add($"b{k}", k % 2 == 0 ? "true" : "false");
        }

        for (var k = 0; k < 120; k++)
        {
            Add($"n{k}", ((k * 37) % 1000).ToString(CultureInfo.InvariantCulture));
        }

        for (var k = 0; k < 40; k++)
        {
            Add($"i{k}", k.ToString(CultureInfo.InvariantCulture));
        }

        for (var k = 0; k < 120; k++)
        {
            Add($"t{k}", $"\"text value {k}\"");
        }

        for (var k = 0; k < 20; k++)
        {
            Add($"d{k}", $"\"2026-0{1 + (k % 9)}-1{k % 10}\"");
        }

        for (var k = 0; k < 30; k++)
        {
            Add($"s{k}", $"\"{"abcd"[k % 4]}\"");
        }

        for (var k = 0; k < 10; k++)
        {
            Add($"e{k}", $"\"person{k}@example.com\"");
        }

        for (var k = 0; k < 62; k++)
        {
            Add($"x{k}", "\"a longer answer written over several lines\\nsecond line\"");
        }

        data.Append("\"rows\": [");
        for (var r = 0; r < RowCount; r++)
        {
            var category = (r % 4) switch { 0 => "goods", 1 => "services", 2 => "goods", _ => "other" };
            var qty = 1 + (r % 20);
            data.Append(CultureInfo.InvariantCulture, $"{{\"qty\": {qty}, \"price\": {10 + (r % 7) * 2.5}, \"category\": \"{category}\"");
            if (category == "other")
            {
                data.Append(CultureInfo.InvariantCulture, $", \"note\": \"row {r}\"");
            }

            if (qty > 10)
            {
                data.Append(", \"discount\": 5");
            }

            data.Append(r == RowCount - 1 ? "}" : "},");
        }

        return data.Append("] }").ToString();
    }
}
