using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenApiClientGenerator.Tests.Infrastructure;

/// <summary>
/// A mutated spec: its file name, its text, and what was done to it, to put in an assertion message; and its tree when
/// the mutation was done on the tree.
/// </summary>
internal sealed record MutatedSpec(string FileName, string Text, string Description, JsonNode? Tree = null);

/// <summary>
/// Breaks a valid spec in one or a few random ways, on the JSON tree (delete, duplicate, retype, set, rename, nest deeply,
/// blow up a string, add odd Unicode, then write it as YAML or JSON) or on the raw text (truncate, delete, insert, duplicate
/// or swap lines, re-indent). Everything depends on the seed only, so a case reproduces from its seed.
/// </summary>
internal sealed class SpecMutator
{
    /// <summary>Characters that break names and texts: lone surrogates, bidi controls, zero-width ones, NUL, emoji, line separators.</summary>
    public static readonly string[] OddTexts =
    [
        "\uD800", "\uDFFF", "a\uD83Dz", "\u202E", "\u200F", "\u200B", "\u200D", "\uFEFF", "\0", "\u0001", "\u007F", "😀", "👨‍👩‍👧",
        "\u2028", "\u2029", "\u0085", "e\u0301", "\u0000\u0000", "名称", "größe", "ǅ", "\u00A0", "\t", "\r", "\r\n", "İ", "ß",
    ];

    /// <summary>Names C# cannot take as they are, or that collide once PascalCased.</summary>
    private static readonly string[] OddNames =
    [
        "class", "namespace", "event", "object", "string", "_", "__", "1abc", "123", "$", "$ref", "a-b", "a.b", "a b", "a$b", "max_num",
        "maxNum", "MaxNum", "Validate", "ToJson", "FromJson", "WriteTo", "Equals", "GetHashCode", "Value", "Item", "名称", "größe", "",
        " ", "@", "@class", "x-", "properties", "type", "required", "/", "~", "~1", "%", "a/b", "default", "Task", "System", "Optional",
    ];

    private static readonly string[] TypeNames = ["string", "integer", "number", "boolean", "array", "object", "null", "file", "String", ""];

    private static readonly string[] Formats = ["int32", "int64", "float", "double", "date-time", "date", "uuid", "byte", "binary", "email", "uri", "password"];

    private static readonly string[] Patterns =
    [
        "^[a-z$", "(", ")", "[", "*", "^[a-z]+$", "^[\\w-]{1,10}$", "^\\p{L}+$", "^(a+)+$", "\\", "^[^\\s]*$", "(?<x>a)", "\\k<y>", "^\\u00e9$",
        "[z-a]", "^[a-z]{5,2}$", "^.{0,2147483648}$", "a{2147483647}", "(?i)abc", "^$", "", "[\uD800]",
        // Unicode properties, scripts and code points (issue "correctness" §4), and other dialects' classes.
        "\\p{Letter}cole", "^\\p{digit}+$", "^\\p{Script=Greek}+$", "^[\\p{sc=Latn}\\p{scx=Grek}\\d]*$", "^\\P{gc=L}$", "^\\u{1F600}\\p{Any}?$",
        "^[^\\p{Lu}]{1,3}$", "\\p{Print}", "^\\p{XDigit}+$", "[\\p{all}]", "\\p{IsGreek}", "\\p{Letter", "\\u{110000}", "^[a-z\\_]+$",
        // Word boundaries and backreferences, to groups that did or did not take part, named, forward and missing.
        "^a\\b", "\\Bcole\\b", "^(?:(a)|b)\\1$", "^\\1(a)$", "^(?<w>\\w)\\k<w>$", "(a)\\2", "^(a)|\\b\\1*$",
    ];

    private static readonly string[] TextInsertions =
    [
        ":", ": ", "-", "- ", "[", "]", "{", "}", "\"", "'", "#", "&a ", "*a", "!!str ", "!!int ", "|", ">", "%", "@", "`", "\t", "\n", " ",
        "  ", ",", "?", "? ", "---\n", "...\n", "<<: ", "&anchor", "*anchor", "\\", "\"\\x\"", "\\u", "0x", ".inf", "~",
    ];

    private readonly Random _random;
    private readonly List<string> _steps = [];

    /// <summary>Every node of the tree being mutated, collected once per mutation.</summary>
    private List<NodeSlot> _slots = [];

    public SpecMutator(int seed) => _random = new Random(seed);

    /// <summary>Mutates a spec given as its file name and its JSON tree, read from the repository's YAML.</summary>
    public MutatedSpec Mutate(string fileName, JsonNode original, string originalYaml, MutationScale scale)
    {
        var baseName = fileName.Substring(0, fileName.IndexOf(".openapi.", StringComparison.Ordinal));
        switch (scale)
        {
            case MutationScale.DeepNesting:
                return Emit(baseName, MutateTree(original.DeepClone(), DeepNesting));
            case MutationScale.HugeString:
                return Emit(baseName, MutateTree(original.DeepClone(), HugeString));
        }

        if (_random.NextDouble() < 0.35)
        {
            var asJson = _random.NextDouble() < 0.3;
            var text = asJson ? SpecTree.ToEscapedJson(original) : originalYaml;
            var steps = 1 + _random.Next(3);
            for (var i = 0; i < steps; i++)
            {
                text = MutateText(text);
            }

            return new MutatedSpec(baseName + (asJson ? ".openapi.json" : ".openapi.yaml"), text, $"{fileName}, text of the {(asJson ? "JSON" : "YAML")}: " + string.Join("; ", _steps));
        }

        var tree = original.DeepClone();
        var count = 1 + (_random.NextDouble() < 0.3 ? _random.Next(4) : 0);
        for (var i = 0; i < count; i++)
        {
            tree = MutateTree(tree, PickTreeMutation());
        }

        return Emit(baseName, tree);
    }

    private MutatedSpec Emit(string baseName, JsonNode tree)
    {
        var format = _random.Next(3);
        if (format == 0)
        {
            try
            {
                return new MutatedSpec(baseName + ".openapi.yaml", SpecTree.ToYaml(tree), "tree, as YAML: " + string.Join("; ", _steps), tree);
            }
            catch (Exception exception) when (exception is YamlDotNet.Core.YamlException or ArgumentException or InvalidOperationException)
            {
                _steps.Add("(YAML emitter failed: " + exception.GetType().Name + ", so escaped JSON)");
                format = 2;
            }
        }

        if (format == 1)
        {
            try
            {
                return new MutatedSpec(baseName + ".openapi.json", SpecTree.ToJson(tree), "tree, as JSON: " + string.Join("; ", _steps), tree);
            }
            catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
            {
                _steps.Add("(JSON writer failed: " + exception.GetType().Name + ", so escaped JSON)");
            }
        }

        return new MutatedSpec(baseName + ".openapi.json", SpecTree.ToEscapedJson(tree), "tree, as escaped JSON: " + string.Join("; ", _steps), tree);
    }

    private Func<JsonNode, NodeSlot, JsonNode> PickTreeMutation()
    {
        var roll = _random.Next(100);
        return roll switch
        {
            < 8 => Delete,
            < 13 => Duplicate,
            < 22 => Retype,
            < 30 => SetValue,
            < 35 => Rename,
            < 40 => OddUnicode,
            < 46 => Reference,
            < 50 => Graft,
            < 66 => RenameName,
            < 76 => SetNameValue,
            < 88 => SetConstraint,
            < 94 => AddProperty,
            _ => Compose,
        };
    }

    /// <summary>Names the spec chooses freely (properties, schemas, paths, responses) become odd ones: the spec stays valid, the C# names get hard.</summary>
    private JsonNode RenameName(JsonNode root, NodeSlot ignored)
    {
        var names = _slots.Where(s => s.Parent is JsonObject && IsNameMap(ParentPointer(s.Pointer))).ToList();
        if (names.Count == 0)
        {
            return root;
        }

        var slot = names[_random.Next(names.Count)];
        var mapping = (JsonObject)slot.Parent!;
        var name = _random.Next(4) switch
        {
            0 => RandomText(1 + _random.Next(12)),
            1 => Splice(slot.Key!, OddTexts[_random.Next(OddTexts.Length)]),
            2 => ToSnakeOrCamelTwin(mapping),
            _ => OddNames[_random.Next(OddNames.Length)],
        };
        if (mapping.ContainsKey(name))
        {
            _steps.Add($"left {slot.Pointer} as it was, since '{Escape(name)}' is taken");
            return root;
        }

        _steps.Add($"renamed {slot.Pointer} to '{Escape(name)}'");
        mapping.Remove(slot.Key!);
        mapping[name] = slot.Node;
        return root;
    }

    /// <summary>A name that differs from one of the map's names only in a way PascalCase ignores: max_num for maxNum.</summary>
    private string ToSnakeOrCamelTwin(JsonObject mapping)
    {
        var existing = mapping.Select(m => m.Key).ToList();
        var name = existing[_random.Next(existing.Count)];
        return name.Contains('_', StringComparison.Ordinal)
            ? string.Concat(name.Split('_').Select((part, i) => i == 0 || part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part.Substring(1)))
            : name + "_";
    }

    /// <summary>Values that become C# names or literals: operation ids, titles, parameter names, enum values, descriptions.</summary>
    private JsonNode SetNameValue(JsonNode root, NodeSlot ignored)
    {
        var slots = NodeSlot.All(root)
            .Where(s => s.Node is JsonValue value && value.GetValueKind() == JsonValueKind.String
                && (s.Key is "operationId" or "title" or "name" or "description" or "summary" or "default" or "format" or "pattern" or "x-operation-id-property"
                    || ParentPointer(s.Pointer).EndsWith("/enum", StringComparison.Ordinal)))
            .ToList();
        if (slots.Count == 0)
        {
            return root;
        }

        var slot = slots[_random.Next(slots.Count)];
        var text = slot.Key == "pattern" ? Patterns[_random.Next(Patterns.Length)]
            : _random.Next(3) switch
            {
                0 => OddNames[_random.Next(OddNames.Length)],
                1 => Splice(((JsonValue)slot.Node!).GetValue<string>(), OddTexts[_random.Next(OddTexts.Length)]),
                _ => RandomText(1 + _random.Next(30)),
            };
        _steps.Add($"set {slot.Pointer} to '{Escape(text)}'");
        return slot.Replace(root, JsonValue.Create(text));
    }

    private JsonNode SetConstraint(JsonNode root, NodeSlot ignored)
    {
        var schemas = _slots.Where(s => s.Node is JsonObject schema && schema["type"] is JsonValue).ToList();
        if (schemas.Count == 0)
        {
            return root;
        }

        var slot = schemas[_random.Next(schemas.Count)];
        var schema = (JsonObject)slot.Node!;
        var keyword = new[] { "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minItems", "maxItems", "pattern", "enum", "format", "nullable", "default", "uniqueItems", "minProperties" }[_random.Next(16)];
        JsonNode? value = keyword switch
        {
            "pattern" => JsonValue.Create(Patterns[_random.Next(Patterns.Length)]),
            "enum" => new JsonArray(JsonValue.Create(OddNames[_random.Next(OddNames.Length)]), JsonValue.Create(OddNames[_random.Next(OddNames.Length)]), JsonValue.Create(RandomText(5))),
            "format" => JsonValue.Create(Formats[_random.Next(Formats.Length)]),
            "exclusiveMinimum" or "exclusiveMaximum" or "nullable" or "uniqueItems" => _random.Next(4) == 0 ? JsonValue.Create(1) : JsonValue.Create(_random.Next(2) == 0),
            "default" => _random.Next(2) == 0 ? JsonValue.Create(RandomText(4)) : JsonValue.Create(_random.Next(-5, 5)),
            "multipleOf" => JsonValue.Create(new[] { 0m, -1m, 0.01m, 3m, 1e-10m }[_random.Next(5)]),
            _ => _random.Next(6) switch
            {
                0 => JsonValue.Create(-1),
                1 => JsonValue.Create(2.5m),
                2 => JsonValue.Create("x"),
                3 => JsonValue.Create(long.MaxValue),
                _ => JsonValue.Create(_random.Next(0, 20)),
            },
        };
        _steps.Add($"set {slot.Pointer}/{keyword} to {Show(value)}");
        schema[keyword] = value;
        return root;
    }

    /// <summary>
    /// A schema becomes a composition real specs write: an allOf of a component and itself (inheritance), with a member
    /// re-declared with another type or constraint; an allOf wrapper, made nullable; a oneOf/anyOf of it and null; a
    /// union of it and a component or a primitive; or a oneOf of components with a discriminator, whose mapping may name
    /// a schema that is no variant; a oneOf or anyOf of bare types (which Microsoft.OpenApi reads as a type list); an
    /// object with it as a member and a oneOf beside; or an allOf of a component given a discriminator (a discriminated
    /// base, which a reference elsewhere then reads by it).
    /// </summary>
    private JsonNode Compose(JsonNode root, NodeSlot ignored)
    {
        var schemas = _slots.Where(s => s.Node is JsonObject schema && (schema["type"] is JsonValue || schema["$ref"] is JsonValue) && s.Parent is not null).ToList();
        if (schemas.Count == 0)
        {
            return root;
        }

        var slot = schemas[_random.Next(schemas.Count)];
        var components = SpecTree.ComponentSchemas(root)?.Select(c => c.Key).ToList() ?? [];
        var original = slot.Node!.DeepClone();
        JsonNode ComponentReference() => new JsonObject { ["$ref"] = "#/components/schemas/" + components[_random.Next(components.Count)].Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal) };
        var unionKeyword = _random.Next(2) == 0 ? "oneOf" : "anyOf";
        JsonNode composed = _random.Next(11) switch
        {
            8 => new JsonObject { [unionKeyword] = new JsonArray(new JsonObject { ["type"] = "string" }, new JsonObject { ["type"] = TypeNames[_random.Next(TypeNames.Length)] }), ["nullable"] = _random.Next(2) == 0 },
            9 => new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject { ["a"] = original, ["b"] = new JsonObject { ["type"] = "string" } },
                [unionKeyword] = new JsonArray(new JsonObject { ["required"] = new JsonArray("a") }, components.Count > 0 && _random.Next(2) == 0 ? ComponentReference() : new JsonObject { ["required"] = new JsonArray("b") }),
            },
            10 when components.Count > 0 => Derived(),
            5 => new JsonObject
            {
                [unionKeyword] = new JsonArray(original, components.Count > 0 && _random.Next(2) == 0 ? ComponentReference() : new JsonObject { ["type"] = TypeNames[_random.Next(TypeNames.Length)], ["maxLength"] = 3 }),
                ["description"] = RandomText(8),
            },
            6 when components.Count > 0 => new JsonObject
            {
                ["oneOf"] = new JsonArray(ComponentReference(), ComponentReference()),
                ["discriminator"] = new JsonObject
                {
                    ["propertyName"] = _random.Next(2) == 0 ? "type" : OddNames[_random.Next(OddNames.Length)],
                    ["mapping"] = new JsonObject { [OddNames[_random.Next(OddNames.Length)]] = ComponentReference() },
                },
            },
            7 => new JsonObject { [unionKeyword] = new JsonArray(new JsonObject { ["type"] = "string" }, new JsonObject { ["type"] = "integer" }, new JsonObject { ["type"] = "array", ["items"] = original }, new JsonObject { ["type"] = "null" }) },
            0 when components.Count > 0 => new JsonObject { ["allOf"] = new JsonArray(ComponentReference(), original) },
            1 when components.Count > 0 => new JsonObject
            {
                ["allOf"] = new JsonArray(ComponentReference(), new JsonObject { ["required"] = new JsonArray(OddNames[_random.Next(OddNames.Length)]), ["properties"] = new JsonObject { [OddNames[_random.Next(OddNames.Length)]] = new JsonObject { ["type"] = TypeNames[_random.Next(TypeNames.Length)], ["maxLength"] = 3 } } }),
            },
            2 => new JsonObject { ["allOf"] = new JsonArray(original), ["nullable"] = true, ["description"] = RandomText(8) },
            3 => new JsonObject { [_random.Next(2) == 0 ? "oneOf" : "anyOf"] = new JsonArray(original, new JsonObject { ["type"] = "null" }) },
            _ => new JsonObject { ["allOf"] = new JsonArray(original, new JsonObject { ["minLength"] = 2, ["maximum"] = 10 }) },
        };
        _steps.Add($"composed {slot.Pointer} into {Show(composed)}");
        return slot.Replace(root, composed);

        // The component extended gets a discriminator, unless it has one or is no object with members.
        JsonNode Derived()
        {
            var name = components[_random.Next(components.Count)];
            if (SpecTree.ComponentSchemas(root)![name] is JsonObject baseSchema && baseSchema["properties"] is JsonObject && baseSchema["discriminator"] is null)
            {
                baseSchema["discriminator"] = new JsonObject { ["propertyName"] = _random.Next(2) == 0 ? "type" : OddNames[_random.Next(OddNames.Length)] };
                _steps.Add($"gave /components/schemas/{name} a discriminator");
            }

            var reference = new JsonObject { ["$ref"] = "#/components/schemas/" + name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal) };
            return new JsonObject { ["allOf"] = new JsonArray(reference, new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["own"] = original } }) };
        }
    }

    /// <summary>A new property with an odd name and a simple schema, in an object schema.</summary>
    private JsonNode AddProperty(JsonNode root, NodeSlot ignored)
    {
        var maps = _slots.Where(s => s.Key == "properties" && s.Node is JsonObject).ToList();
        if (maps.Count == 0)
        {
            return root;
        }

        var slot = maps[_random.Next(maps.Count)];
        var properties = (JsonObject)slot.Node!;
        var name = _random.Next(3) == 0 && properties.Count > 0 ? ToSnakeOrCamelTwin(properties) : OddNames[_random.Next(OddNames.Length)];
        if (properties.ContainsKey(name))
        {
            return root;
        }

        var components = SpecTree.ComponentSchemas(root)?.Select(c => c.Key).ToList() ?? [];
        JsonNode schema = _random.Next(7) switch
        {
            0 => new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(JsonValue.Create(OddNames[_random.Next(OddNames.Length)]), JsonValue.Create(RandomText(3))) },
            1 => new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "integer", ["format"] = "int32" } },
            2 => new JsonObject { ["type"] = "object", ["additionalProperties"] = new JsonObject { ["type"] = "number" } },
            3 when components.Count > 0 => new JsonObject { ["$ref"] = "#/components/schemas/" + components[_random.Next(components.Count)].Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal) },
            4 => new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { [OddNames[_random.Next(OddNames.Length)]] = new JsonObject { ["type"] = "boolean" } } },
            _ => new JsonObject { ["type"] = "string", ["pattern"] = "^[a-z]+$", ["maxLength"] = 5 },
        };
        _steps.Add($"added the property '{Escape(name)}' to {slot.Pointer}: {Show(schema)}");
        properties[name] = schema;
        return root;
    }

    private static bool IsNameMap(string pointer)
        => pointer.EndsWith("/properties", StringComparison.Ordinal) || pointer is "/components/schemas" or "/paths" || pointer.EndsWith("/responses", StringComparison.Ordinal)
            || pointer.EndsWith("/headers", StringComparison.Ordinal) || pointer.EndsWith("/x-json-patch-paths", StringComparison.Ordinal);

    private static string ParentPointer(string pointer) => pointer.Substring(0, Math.Max(pointer.LastIndexOf('/'), 0));

    /// <summary>Applies a mutation at a random node; nodes inside examples are picked less often, since the generator reads them less.</summary>
    private JsonNode MutateTree(JsonNode root, Func<JsonNode, NodeSlot, JsonNode> mutation)
    {
        var slots = _slots = NodeSlot.All(root);
        var preferred = slots.Where(s => !s.Pointer.Contains("/example", StringComparison.Ordinal)).ToList();
        var pool = preferred.Count > 0 && _random.NextDouble() < 0.9 ? preferred : slots;
        var slot = pool[_random.Next(pool.Count)];
        return mutation(root, slot);
    }

    private JsonNode Delete(JsonNode root, NodeSlot slot)
    {
        if (slot.Parent is null)
        {
            _steps.Add("emptied the root");
            return new JsonObject();
        }

        _steps.Add("deleted " + slot.Pointer);
        slot.Remove();
        return root;
    }

    private JsonNode Duplicate(JsonNode root, NodeSlot slot)
    {
        switch (slot.Parent)
        {
            case JsonObject mapping:
                var name = slot.Key + _random.Next(3) switch { 0 => "_copy", 1 => "Copy", _ => "2" };
                if (!mapping.ContainsKey(name))
                {
                    mapping[name] = slot.Node?.DeepClone();
                }

                _steps.Add($"duplicated {slot.Pointer} as '{name}'");
                return root;
            case JsonArray sequence:
                sequence.Add(slot.Node?.DeepClone());
                _steps.Add($"duplicated {slot.Pointer} at the end of its array");
                return root;
            default:
                _steps.Add("wrapped the root in an array");
                return new JsonArray(root.DeepClone(), root.DeepClone());
        }
    }

    private JsonNode Retype(JsonNode root, NodeSlot slot)
    {
        var (replacement, kind) = _random.Next(8) switch
        {
            0 => (JsonValue.Create("x"), "string"),
            1 => (JsonValue.Create(_random.Next(2) == 0 ? -1 : 1.5m), "number"),
            2 => (new JsonObject(), "empty object"),
            3 => (new JsonObject { ["type"] = "string" }, "object"),
            4 => (new JsonArray(), "empty array"),
            5 => (new JsonArray(JsonValue.Create(1), JsonValue.Create("a")), "array"),
            6 => (JsonValue.Create(_random.Next(2) == 0), "bool"),
            _ => ((JsonNode?)null, "null"),
        };
        _steps.Add($"retyped {slot.Pointer} to {kind}");
        return slot.Replace(root, replacement);
    }

    private JsonNode SetValue(JsonNode root, NodeSlot slot)
    {
        JsonNode? value = _random.Next(10) switch
        {
            0 => JsonValue.Create(TypeNames[_random.Next(TypeNames.Length)]),
            1 => JsonValue.Create(Formats[_random.Next(Formats.Length)]),
            2 => JsonValue.Create(Patterns[_random.Next(Patterns.Length)]),
            3 => JsonValue.Create(new[] { 0L, -1, 1, int.MaxValue, (long)int.MaxValue + 1, long.MinValue, long.MaxValue }[_random.Next(7)]),
            4 => JsonValue.Create(new[] { 0.5m, -0.0m, 1e-28m, 79228162514264337593543950335m, 1.1m }[_random.Next(5)]),
            5 => JsonValue.Create(new[] { 1e308, -1e308, 5e-324, double.Epsilon }[_random.Next(4)]),
            6 => JsonValue.Create(OddNames[_random.Next(OddNames.Length)]),
            7 => JsonValue.Create(RandomText(1 + _random.Next(20))),
            8 => new JsonArray(JsonValue.Create("a"), JsonValue.Create("a"), null),
            _ => JsonValue.Create(new[] { "3.0.0", "3.1.0", "2.0", "4.0.0", "3.0.3" }[_random.Next(5)]),
        };
        _steps.Add($"set {slot.Pointer} to {Show(value)}");
        return slot.Replace(root, value);
    }

    private JsonNode Rename(JsonNode root, NodeSlot slot)
    {
        if (slot.Parent is not JsonObject mapping)
        {
            return SetValue(root, slot);
        }

        var name = _random.Next(3) == 0 ? RandomText(1 + _random.Next(12)) : OddNames[_random.Next(OddNames.Length)];
        if (mapping.ContainsKey(name))
        {
            _steps.Add($"left {slot.Pointer} as it was, since '{Escape(name)}' is taken");
            return root;
        }

        _steps.Add($"renamed {slot.Pointer} to '{Escape(name)}'");
        var value = slot.Node;
        mapping.Remove(slot.Key!);
        mapping[name] = value;
        return root;
    }

    private JsonNode OddUnicode(JsonNode root, NodeSlot slot)
    {
        var odd = OddTexts[_random.Next(OddTexts.Length)];
        if (slot.Parent is JsonObject mapping && _random.Next(2) == 0)
        {
            var name = Splice(slot.Key!, odd);
            if (!mapping.ContainsKey(name))
            {
                var value = slot.Node;
                mapping.Remove(slot.Key!);
                mapping[name] = value;
                _steps.Add($"renamed {slot.Pointer} to '{Escape(name)}'");
                return root;
            }
        }

        var text = slot.Node is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.String ? scalar.GetValue<string>() : "name";
        var spliced = Splice(text, odd);
        _steps.Add($"set {slot.Pointer} to '{Escape(spliced)}'");
        return slot.Replace(root, JsonValue.Create(spliced));
    }

    /// <summary>Points the node at a component, possibly one that contains it, or at something that is no schema.</summary>
    private JsonNode Reference(JsonNode root, NodeSlot slot)
    {
        var components = SpecTree.ComponentSchemas(root)?.Select(c => "#/components/schemas/" + c.Key).ToList() ?? [];
        var ancestors = AncestorSchemas(slot.Pointer);
        var candidates = components.Concat(ancestors).Concat(["#/components/schemas/Missing", "#/paths", "#", "#/info/title", "other.yaml#/X", "#/components/schemas/", "#components"]).ToList();
        var target = candidates[_random.Next(candidates.Count)];
        _steps.Add($"replaced {slot.Pointer} with a $ref to '{target}'");
        return slot.Replace(root, new JsonObject { ["$ref"] = target });
    }

    /// <summary>Copies a random subtree into another place, where it likely means something else.</summary>
    private JsonNode Graft(JsonNode root, NodeSlot slot)
    {
        var slots = _slots;
        var donor = slots[_random.Next(slots.Count)];
        if (donor.Pointer.StartsWith(slot.Pointer, StringComparison.Ordinal))
        {
            return Duplicate(root, slot);
        }

        _steps.Add($"replaced {slot.Pointer} with a copy of {donor.Pointer}");
        return slot.Replace(root, donor.Node?.DeepClone());
    }

    private JsonNode DeepNesting(JsonNode root, NodeSlot slot)
    {
        var depth = new[] { 60, 120, 200, 300, 500 }[_random.Next(5)];
        var shape = _random.Next(4);
        JsonNode nested = new JsonObject { ["type"] = "string" };
        for (var i = 0; i < depth; i++)
        {
            nested = shape switch
            {
                0 => new JsonObject { ["a"] = nested },
                1 => new JsonArray(nested),
                2 => new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["a"] = nested } },
                _ => new JsonObject { ["type"] = "array", ["items"] = nested },
            };
        }

        var shapeName = new[] { "objects", "arrays", "object schemas", "array schemas" }[shape];
        _steps.Add($"replaced {slot.Pointer} with {depth} nested {shapeName}");
        return slot.Replace(root, nested);
    }

    private JsonNode HugeString(JsonNode root, NodeSlot slot)
    {
        var unit = _random.Next(3) switch { 0 => "a", 1 => "名", _ => "😀" };
        var huge = new StringBuilder(1 << 20).Insert(0, unit, (1 << 20) / unit.Length).ToString();
        if (slot.Parent is JsonObject mapping && _random.Next(3) == 0)
        {
            var value = slot.Node;
            mapping.Remove(slot.Key!);
            mapping[huge] = value;
            _steps.Add($"renamed {slot.Pointer} to a 1 MB name of '{unit}'");
            return root;
        }

        _steps.Add($"set {slot.Pointer} to a 1 MB string of '{unit}'");
        return slot.Replace(root, JsonValue.Create(huge));
    }

    private string MutateText(string text)
    {
        if (text.Length == 0)
        {
            _steps.Add("(text empty)");
            return text;
        }

        var at = _random.Next(text.Length);
        switch (_random.Next(10))
        {
            case 9:
                var (lineBreak, name) = new[] { ("\r\n", "CRLF"), ("\r", "CR"), ("\u2028", "LS"), ("\u0085", "NEL") }[_random.Next(4)];
                var bom = _random.Next(2) == 0;
                _steps.Add($"made every line break {name}{(bom ? " and put a byte order mark first" : string.Empty)}");
                return (bom ? "\uFEFF" : string.Empty) + text.Replace("\n", lineBreak, StringComparison.Ordinal);
            case 0:
                _steps.Add($"truncated at {at}");
                return text.Substring(0, at);
            case 1:
                var length = 1 + _random.Next(Math.Min(20, text.Length - at));
                _steps.Add($"deleted {length} characters at {at} ('{Escape(text.Substring(at, length))}')");
                return text.Remove(at, length);
            case 2:
            case 3:
                var insertion = _random.Next(4) == 0 ? OddTexts[_random.Next(OddTexts.Length)] : TextInsertions[_random.Next(TextInsertions.Length)];
                _steps.Add($"inserted '{Escape(insertion)}' at {at}");
                return text.Insert(at, insertion);
            case 4:
                var replacement = TextInsertions[_random.Next(TextInsertions.Length)];
                _steps.Add($"replaced the character at {at} ('{Escape(text.Substring(at, 1))}') with '{Escape(replacement)}'");
                return text.Remove(at, 1).Insert(at, replacement);
            default:
                return MutateLines(text);
        }
    }

    private string MutateLines(string text)
    {
        var lines = text.Split('\n').ToList();
        var index = _random.Next(lines.Count);
        switch (_random.Next(4))
        {
            case 0:
                lines.Insert(index, lines[index]);
                _steps.Add($"duplicated line {index + 1} ('{Escape(lines[index])}')");
                break;
            case 1 when index + 1 < lines.Count:
                (lines[index], lines[index + 1]) = (lines[index + 1], lines[index]);
                _steps.Add($"swapped lines {index + 1} and {index + 2}");
                break;
            case 2:
                var shift = _random.Next(1, 5);
                var indented = _random.Next(2) == 0 ? new string(' ', shift) + lines[index] : lines[index].Substring(Math.Min(shift, lines[index].Length - lines[index].TrimStart(' ').Length));
                _steps.Add($"re-indented line {index + 1} to '{Escape(indented)}'");
                lines[index] = indented;
                break;
            default:
                _steps.Add($"deleted line {index + 1} ('{Escape(lines[index])}')");
                lines.RemoveAt(index);
                break;
        }

        return string.Join("\n", lines);
    }

    private string RandomText(int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(_random.Next(6) switch
            {
                0 => (char)_random.Next(0x20, 0x7F),
                1 => "abcxyzABCXYZ"[_random.Next(12)],
                2 => "_-.$ /~{}"[_random.Next(9)],
                3 => "0123456789"[_random.Next(10)],
                4 => (char)_random.Next(0xA0, 0x3000),
                _ => OddTexts[_random.Next(OddTexts.Length)][0],
            });
        }

        return builder.ToString();
    }

    private string Splice(string text, string insertion)
    {
        var at = _random.Next(text.Length + 1);
        return text.Insert(at, insertion);
    }

    private static IEnumerable<string> AncestorSchemas(string pointer)
    {
        const string prefix = "/components/schemas/";
        if (!pointer.StartsWith(prefix, StringComparison.Ordinal))
        {
            yield break;
        }

        var segments = pointer.Substring(prefix.Length).Split('/');
        var current = "#" + prefix + segments[0];
        yield return current;
        for (var i = 1; i + 1 < segments.Length; i += 2)
        {
            current += "/" + segments[i] + "/" + segments[i + 1];
            yield return current;
        }
    }

    private static string Show(JsonNode? value)
        => value is null ? "null" : Escape(value.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));

    /// <summary>Makes a text printable in a test message: control characters, surrogates and invisible characters as \uXXXX.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, 200));
        foreach (var c in text.Length > 200 ? text.Substring(0, 200) : text)
        {
            var category = char.GetUnicodeCategory(c);
            if (c < ' ' || char.IsSurrogate(c) || category is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Control)
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return text.Length > 200 ? builder + $"...({text.Length} characters)" : builder.ToString();
    }
}

internal enum MutationScale
{
    Small,
    DeepNesting,
    HugeString,
}

/// <summary>A node of a JSON tree with its parent, so that it can be replaced or removed.</summary>
internal sealed record NodeSlot(string Pointer, JsonNode? Node, JsonNode? Parent, string? Key, int Index)
{
    public static List<NodeSlot> All(JsonNode root)
    {
        var slots = new List<NodeSlot>();
        Collect(root, null, null, -1, string.Empty, slots);
        return slots;
    }

    public void Remove()
    {
        switch (Parent)
        {
            case JsonObject mapping:
                mapping.Remove(Key!);
                break;
            case JsonArray sequence:
                sequence.RemoveAt(Index);
                break;
        }
    }

    /// <summary>Puts <paramref name="replacement"/> in this node's place; returns the root, which is the replacement when this node was the root.</summary>
    public JsonNode Replace(JsonNode root, JsonNode? replacement)
    {
        switch (Parent)
        {
            case JsonObject mapping:
                mapping[Key!] = replacement;
                return root;
            case JsonArray sequence:
                sequence[Index] = replacement;
                return root;
            default:
                return replacement ?? new JsonObject();
        }
    }

    private static void Collect(JsonNode? node, JsonNode? parent, string? key, int index, string pointer, List<NodeSlot> slots)
    {
        slots.Add(new NodeSlot(pointer, node, parent, key, index));
        switch (node)
        {
            case JsonObject mapping:
                foreach (var member in mapping.ToList())
                {
                    Collect(member.Value, mapping, member.Key, -1, pointer + "/" + member.Key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal), slots);
                }

                break;
            case JsonArray sequence:
                for (var i = 0; i < sequence.Count; i++)
                {
                    Collect(sequence[i], sequence, null, i, pointer + "/" + i.ToString(CultureInfo.InvariantCulture), slots);
                }

                break;
        }
    }
}
