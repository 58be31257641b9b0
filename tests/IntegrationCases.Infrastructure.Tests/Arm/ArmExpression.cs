using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace IntegrationCases.Infrastructure.Tests.Arm;

/// <summary>
/// A small evaluator of ARM template language expressions ("[parameters('x')]"), enough to read the values a
/// compiled template promises before anything is deployed. Values known only at deployment (reference, listKeys)
/// evaluate to <see cref="Unknown"/>; uniqueString and guid are stand-ins with the real output's shape, not ARM's hash.
/// </summary>
public static class ArmExpression
{
    private const string UnknownPrefix = "\u22a5unknown: ";

    public static bool IsExpression(string text) =>
        text.Length >= 2 && text[0] == '[' && !text.StartsWith("[[", StringComparison.Ordinal) && text[^1] == ']';

    public static bool IsUnknown(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && text.StartsWith(UnknownPrefix, StringComparison.Ordinal);

    public static JsonNode Unknown(string why) => JsonValue.Create(UnknownPrefix + why);

    /// <summary>Evaluates a template value: literal, expression string, or object/array holding expressions.</summary>
    public static JsonNode? Evaluate(JsonNode? node, ArmScope scope) => node switch
    {
        null => null,
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Evaluate(p.Value, scope)))),
        JsonArray array => new JsonArray(array.Select(item => Evaluate(item, scope)).ToArray()),
        JsonValue value when value.TryGetValue<string>(out var text) => EvaluateString(text, scope),
        _ => node.DeepClone(),
    };

    private static JsonNode? EvaluateString(string text, ArmScope scope)
    {
        if (IsExpression(text))
        {
            var parser = new Parser(text[1..^1], scope);
            var result = parser.ParseExpression();
            parser.ExpectEnd();
            return result;
        }

        return JsonValue.Create(text.StartsWith("[[", StringComparison.Ordinal) ? text[1..] : text);
    }

    private sealed class Parser(string text, ArmScope scope)
    {
        private int _position;

        public JsonNode? ParseExpression()
        {
            var value = ParsePrimary();
            while (true)
            {
                SkipSpace();
                if (Peek('.'))
                {
                    _position++;
                    var name = ReadIdentifier();
                    value = Member(value, name);
                }
                else if (Peek('['))
                {
                    _position++;
                    var index = ParseExpression();
                    Expect(']');
                    value = Index(value, index);
                }
                else
                {
                    return value;
                }
            }
        }

        public void ExpectEnd()
        {
            SkipSpace();
            if (_position != text.Length)
            {
                throw new FormatException($"Unexpected '{text[_position..]}' in expression [{text}].");
            }
        }

        private JsonNode? ParsePrimary()
        {
            SkipSpace();
            if (Peek('\''))
            {
                return JsonValue.Create(ReadString());
            }

            if (_position < text.Length && (char.IsDigit(text[_position]) || text[_position] == '-'))
            {
                var start = _position++;
                while (_position < text.Length && char.IsDigit(text[_position]))
                {
                    _position++;
                }

                return JsonValue.Create(long.Parse(text[start.._position], CultureInfo.InvariantCulture));
            }

            var name = ReadIdentifier();
            Expect('(');
            var arguments = new List<JsonNode?>();
            SkipSpace();
            if (!Peek(')'))
            {
                do
                {
                    arguments.Add(ParseExpression());
                    SkipSpace();
                }
                while (TryConsume(','));
            }

            Expect(')');
            return ArmFunctions.Call(name, arguments, scope);
        }

        private string ReadString()
        {
            Expect('\'');
            var builder = new StringBuilder();
            while (true)
            {
                if (_position >= text.Length)
                {
                    throw new FormatException($"Unterminated string in [{text}].");
                }

                var c = text[_position++];
                if (c == '\'')
                {
                    if (Peek('\''))
                    {
                        builder.Append('\'');
                        _position++;
                        continue;
                    }

                    return builder.ToString();
                }

                builder.Append(c);
            }
        }

        private string ReadIdentifier()
        {
            SkipSpace();
            var start = _position;
            while (_position < text.Length && (char.IsLetterOrDigit(text[_position]) || text[_position] == '_'))
            {
                _position++;
            }

            if (start == _position)
            {
                throw new FormatException($"Identifier expected at {start} in [{text}].");
            }

            return text[start.._position];
        }

        private void SkipSpace()
        {
            while (_position < text.Length && char.IsWhiteSpace(text[_position]))
            {
                _position++;
            }
        }

        private bool Peek(char c) => _position < text.Length && text[_position] == c;

        private bool TryConsume(char c)
        {
            SkipSpace();
            if (!Peek(c))
            {
                return false;
            }

            _position++;
            return true;
        }

        private void Expect(char c)
        {
            if (!TryConsume(c))
            {
                throw new FormatException($"'{c}' expected at {_position} in [{text}].");
            }
        }

        private static JsonNode? Member(JsonNode? value, string name) => value switch
        {
            _ when IsUnknown(value) => value,
            JsonObject obj => obj.TryGetPropertyValue(name, out var member) ? member?.DeepClone() : Unknown($"no property {name}"),
            _ => Unknown($"property {name} of a non-object"),
        };

        private static JsonNode? Index(JsonNode? value, JsonNode? index)
        {
            if (IsUnknown(value) || IsUnknown(index))
            {
                return Unknown("index");
            }

            return (value, index) switch
            {
                (JsonArray array, JsonValue i) when i.TryGetValue<long>(out var n) => array[(int)n]?.DeepClone(),
                (JsonObject obj, JsonValue key) when key.TryGetValue<string>(out var k) => Member(obj, k),
                _ => Unknown("index of an unsupported value"),
            };
        }
    }
}

/// <summary>Where an expression is evaluated: a template's parameter values, its variables and the copy index.</summary>
public sealed class ArmScope(JsonObject template, IReadOnlyDictionary<string, JsonNode?> parameterValues, int? copyIndex = null)
{
    public JsonObject Template { get; } = template;

    public int? CopyIndex { get; } = copyIndex;

    public ArmScope WithCopyIndex(int index) => new(Template, parameterValues, index);

    public JsonNode? Parameter(string name)
    {
        if (parameterValues.TryGetValue(name, out var value))
        {
            return value?.DeepClone();
        }

        var definition = Template["parameters"]?[name] ?? throw new KeyNotFoundException($"Template has no parameter {name}.");
        return definition is JsonObject d && d.TryGetPropertyValue("defaultValue", out var defaultValue)
            ? ArmExpression.Evaluate(defaultValue, this)
            : ArmExpression.Unknown($"parameter {name} has no value");
    }

    public JsonNode? Variable(string name)
    {
        var definition = Template["variables"]?[name] ?? throw new KeyNotFoundException($"Template has no variable {name}.");
        return ArmExpression.Evaluate(definition, this);
    }
}

internal static class ArmFunctions
{
    private const string SubscriptionId = "00000000-0000-0000-0000-000000000001";
    private const string ResourceGroupName = "rg-infra-tests";

    public static JsonNode? Call(string name, List<JsonNode?> args, ArmScope scope)
    {
        switch (name.ToLowerInvariant())
        {
            case "parameters":
                return scope.Parameter(Text(args[0]));
            case "variables":
                return scope.Variable(Text(args[0]));
            case "copyindex":
                return scope.CopyIndex is { } i ? JsonValue.Create((long)i + (args.Count > 0 && args[^1] is JsonValue v && v.TryGetValue<long>(out var offset) ? offset : 0)) : ArmExpression.Unknown("copyIndex outside a copy loop");
            case "if":
                return IsUnknown(args[0]) ? ArmExpression.Unknown("if") : (Bool(args[0]) ? args[1] : args[2]);
        }

        if (args.Any(ArmExpression.IsUnknown))
        {
            return ArmExpression.Unknown($"{name} of an unknown value");
        }

        return name.ToLowerInvariant() switch
        {
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            "null" => null,
            "empty" => JsonValue.Create(args[0] switch
            {
                null => true,
                JsonArray a => a.Count == 0,
                JsonObject o => o.Count == 0,
                _ => Text(args[0]).Length == 0,
            }),
            "not" => JsonValue.Create(!Bool(args[0])),
            "and" => JsonValue.Create(args.All(Bool)),
            "or" => JsonValue.Create(args.Any(Bool)),
            "equals" => JsonValue.Create(JsonNode.DeepEquals(args[0], args[1])),
            "length" => JsonValue.Create((long)(args[0] switch { JsonArray a => a.Count, JsonObject o => o.Count, _ => Text(args[0]).Length })),
            "format" => JsonValue.Create(string.Format(CultureInfo.InvariantCulture, Text(args[0]), args.Skip(1).Select(Display).ToArray())),
            "concat" => args.All(a => a is JsonArray)
                ? new JsonArray(args.SelectMany(a => ((JsonArray)a!).Select(x => x?.DeepClone())).ToArray())
                : JsonValue.Create(string.Concat(args.Select(Display))),
            "tolower" => JsonValue.Create(Text(args[0]).ToLowerInvariant()),
            "take" => args[0] is JsonArray arr
                ? new JsonArray(arr.Take((int)Long(args[1])).Select(x => x?.DeepClone()).ToArray())
                : JsonValue.Create(new string(Text(args[0]).Take((int)Long(args[1])).ToArray())),
            "json" => JsonNode.Parse(Text(args[0])),
            "bool" => JsonValue.Create(Bool(args[0])),
            "string" => JsonValue.Create(Display(args[0])),
            "mul" => JsonValue.Create(args.Aggregate(1L, (product, a) => product * Long(a))),
            "sub" => JsonValue.Create(Long(args[0]) - Long(args[1])),
            "add" => JsonValue.Create(Long(args[0]) + Long(args[1])),
            "createobject" => new JsonObject(Enumerable.Range(0, args.Count / 2).Select(i => KeyValuePair.Create(Text(args[2 * i]), args[(2 * i) + 1]?.DeepClone()))),
            "createarray" => new JsonArray(args.Select(a => a?.DeepClone()).ToArray()),
            "union" => Union(args),
            "items" => new JsonArray(((JsonObject)args[0]!).Select(p => (JsonNode)new JsonObject { ["key"] = p.Key, ["value"] = p.Value?.DeepClone() }).ToArray()),
            "uniquestring" => JsonValue.Create(StandIn(args, 13)),
            "guid" => JsonValue.Create(new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("|", args.Select(Display))))[..16]).ToString()),
            "subscription" => new JsonObject { ["id"] = $"/subscriptions/{SubscriptionId}", ["subscriptionId"] = SubscriptionId },
            "resourcegroup" => new JsonObject
            {
                ["id"] = $"/subscriptions/{SubscriptionId}/resourceGroups/{ResourceGroupName}",
                ["name"] = ResourceGroupName,
                ["location"] = "westeurope",
            },
            "tenant" => new JsonObject { ["tenantId"] = "00000000-0000-0000-0000-00000000000a" },
            "environment" => new JsonObject
            {
                ["name"] = "AzureCloud",
                ["suffixes"] = new JsonObject { ["sqlServerHostname"] = ".database.windows.net", ["storage"] = "core.windows.net" },
            },
            "resourceid" => JsonValue.Create(ResourceId($"/subscriptions/{SubscriptionId}/resourceGroups/{ResourceGroupName}", args)),
            "subscriptionresourceid" => JsonValue.Create(ResourceId($"/subscriptions/{SubscriptionId}", args)),
            _ => ArmExpression.Unknown($"{name}(...) is known only at deployment"),
        };
    }

    private static bool IsUnknown(JsonNode? node) => ArmExpression.IsUnknown(node);

    private static string Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s)
        ? s
        : throw new FormatException($"A string was expected, not {node?.ToJsonString() ?? "null"}.");

    private static long Long(JsonNode? node) => node is JsonValue v && v.TryGetValue<long>(out var n)
        ? n
        : node is JsonValue w && w.TryGetValue<int>(out var m) ? m : throw new FormatException($"An integer was expected, not {node?.ToJsonString()}.");

    private static bool Bool(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<string>(out var s) => bool.Parse(s),
        _ => throw new FormatException($"A boolean was expected, not {node?.ToJsonString()}."),
    };

    private static string Display(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "True" : "False",
        _ => node.ToJsonString(),
    };

    private static string StandIn(List<JsonNode?> args, int length)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("|", args.Select(Display))));
        return new string(hash.Take(length).Select(b => alphabet[b % alphabet.Length]).ToArray());
    }

    private static JsonNode Union(List<JsonNode?> args)
    {
        var result = new JsonObject();
        foreach (var obj in args.OfType<JsonObject>())
        {
            foreach (var (key, value) in obj)
            {
                result[key] = value?.DeepClone();
            }
        }

        return result;
    }

    private static string ResourceId(string prefix, List<JsonNode?> args)
    {
        var type = Text(args[0]);
        var names = args.Skip(1).Select(Text).ToList();
        var typeSegments = type.Split('/');
        var path = new StringBuilder($"{prefix}/providers/{typeSegments[0]}/{typeSegments[1]}/{names[0]}");
        for (var i = 1; i < names.Count; i++)
        {
            path.Append('/').Append(typeSegments[i + 1]).Append('/').Append(names[i]);
        }

        return path.ToString();
    }
}
