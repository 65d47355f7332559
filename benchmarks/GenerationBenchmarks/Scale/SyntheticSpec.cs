using System;
using System.Globalization;
using System.Text.Json.Nodes;

namespace GenerationBenchmarks.Scale;

/// <summary>
/// A synthetic spec of a given number of operations, with schemas in proportion: the size sweep's workload. Operations
/// come in resources of five (list, create, get, replace, delete), each resource with its own tag, an item schema and a
/// create-request schema, so a spec of N operations has N / 5 resources and 2N / 5 + 1 schemas. An item schema has the
/// members real specs have: constrained strings, a pattern, an integer range, an enum, a date-time, a list, an inline
/// object, and a reference to another resource's item (resource k refers to resource (k − 1) / 2, a tree of depth
/// log₂ N as real specs' references are shallow, not a chain of depth N).
/// </summary>
public static class SyntheticSpec
{
    public const int OperationsPerResource = 5;

    public static int SchemaCount(int operations) => (2 * Resources(operations)) + 1;

    public static string Create(int operations)
    {
        var resources = Resources(operations);
        var paths = new JsonObject();
        var schemas = new JsonObject { ["Error"] = ErrorSchema() };
        var tags = new JsonArray();
        for (var k = 0; k < resources; k++)
        {
            var name = Name(k);
            tags.Add(new JsonObject { ["name"] = name, ["description"] = $"Operations on {name} items." });
            schemas[name] = ItemSchema(k);
            schemas[name + "Create"] = CreateSchema(k);
            var collection = new JsonObject
            {
                ["get"] = Operation(k, "list", "Lists the items, a page at a time.", ListParameters(), null, new JsonObject { ["type"] = "array", ["items"] = Ref(name), ["maxItems"] = 1000 }),
                ["post"] = Operation(k, "create", "Creates an item.", new JsonArray(), Ref(name + "Create"), Ref(name)),
            };
            var item = new JsonObject
            {
                ["parameters"] = new JsonArray(new JsonObject
                {
                    ["name"] = "id",
                    ["in"] = "path",
                    ["required"] = true,
                    ["description"] = "The item's identifier.",
                    ["schema"] = new JsonObject { ["type"] = "string", ["minLength"] = 1, ["maxLength"] = 64 },
                }),
                ["get"] = Operation(k, "get", "Returns one item.", new JsonArray(), null, Ref(name)),
                ["put"] = Operation(k, "replace", "Replaces an item.", new JsonArray(), Ref(name + "Create"), Ref(name)),
                ["delete"] = Operation(k, "delete", "Deletes an item.", new JsonArray(), null, null),
            };
            paths["/" + Plural(k)] = collection;
            paths["/" + Plural(k) + "/{id}"] = item;
        }

        var document = new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject { ["title"] = "Synthetic", ["version"] = "1.0.0", ["description"] = $"A synthetic API of {resources * OperationsPerResource} operations." },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = "https://api.example.com/v1" }),
            ["tags"] = tags,
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = schemas },
        };
        return ScaleSpecs.Write(document);
    }

    private static int Resources(int operations) => Math.Max(1, operations / OperationsPerResource);

    private static string Name(int k) => "Resource" + k.ToString("D4", CultureInfo.InvariantCulture);

    private static string Plural(int k) => "resources" + k.ToString("D4", CultureInfo.InvariantCulture);

    private static JsonObject Ref(string schema) => new() { ["$ref"] = "#/components/schemas/" + schema };

    private static JsonObject Operation(int k, string verb, string summary, JsonArray parameters, JsonObject? body, JsonObject? response)
    {
        var operation = new JsonObject
        {
            ["operationId"] = verb + Name(k),
            ["tags"] = new JsonArray(Name(k)),
            ["summary"] = summary,
            ["parameters"] = parameters,
        };
        if (body is not null)
        {
            operation["requestBody"] = new JsonObject { ["required"] = true, ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = body } } };
        }

        var responses = new JsonObject();
        responses[response is null ? "204" : "200"] = response is null
            ? new JsonObject { ["description"] = "Done." }
            : new JsonObject { ["description"] = "The result.", ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = response } } };
        responses["default"] = new JsonObject { ["description"] = "An error.", ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = Ref("Error") } } };
        operation["responses"] = responses;
        return operation;
    }

    private static JsonArray ListParameters()
        => new(
            new JsonObject { ["name"] = "limit", ["in"] = "query", ["description"] = "Items per page.", ["schema"] = new JsonObject { ["type"] = "integer", ["format"] = "int32", ["minimum"] = 1, ["maximum"] = 100 } },
            new JsonObject { ["name"] = "cursor", ["in"] = "query", ["description"] = "Where the page starts.", ["schema"] = new JsonObject { ["type"] = "string", ["maxLength"] = 256 } },
            new JsonObject { ["name"] = "X-Request-Id", ["in"] = "header", ["description"] = "Traces the request.", ["schema"] = new JsonObject { ["type"] = "string", ["format"] = "uuid" } });

    private static JsonObject ItemSchema(int k)
    {
        var properties = new JsonObject
        {
            ["id"] = new JsonObject { ["type"] = "string", ["description"] = "The identifier.", ["minLength"] = 1, ["maxLength"] = 64 },
            ["name"] = new JsonObject { ["type"] = "string", ["description"] = "The display name.", ["maxLength"] = 128, ["pattern"] = "^[A-Za-z][A-Za-z0-9_-]*$" },
            ["count"] = new JsonObject { ["type"] = "integer", ["format"] = "int64", ["description"] = "How many there are.", ["minimum"] = 0, ["maximum"] = 1000000 },
            ["status"] = new JsonObject { ["type"] = "string", ["description"] = "The lifecycle state.", ["enum"] = new JsonArray("active", "suspended", "deleted") },
            ["created_at"] = new JsonObject { ["type"] = "string", ["format"] = "date-time", ["description"] = "When it was created." },
            ["labels"] = new JsonObject { ["type"] = "array", ["description"] = "Free-form labels.", ["maxItems"] = 20, ["items"] = new JsonObject { ["type"] = "string", ["maxLength"] = 63 } },
            ["settings"] = new JsonObject
            {
                ["type"] = "object",
                ["description"] = "Settings of the item.",
                ["properties"] = new JsonObject
                {
                    ["enabled"] = new JsonObject { ["type"] = "boolean" },
                    ["ratio"] = new JsonObject { ["type"] = "number", ["format"] = "double", ["minimum"] = 0, ["maximum"] = 1 },
                },
            },
        };
        if (k > 0)
        {
            properties["parent"] = Ref(Name((k - 1) / 2));
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["description"] = $"An item of {Name(k)}.",
            ["required"] = new JsonArray("id", "name", "status"),
            ["properties"] = properties,
        };
    }

    private static JsonObject CreateSchema(int k)
        => new()
        {
            ["type"] = "object",
            ["description"] = $"What creating or replacing an item of {Name(k)} takes.",
            ["required"] = new JsonArray("name"),
            ["properties"] = new JsonObject
            {
                ["name"] = new JsonObject { ["type"] = "string", ["maxLength"] = 128, ["pattern"] = "^[A-Za-z][A-Za-z0-9_-]*$" },
                ["status"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("active", "suspended") },
                ["labels"] = new JsonObject { ["type"] = "array", ["maxItems"] = 20, ["items"] = new JsonObject { ["type"] = "string", ["maxLength"] = 63 } },
            },
        };

    private static JsonObject ErrorSchema()
        => new()
        {
            ["type"] = "object",
            ["description"] = "What went wrong.",
            ["required"] = new JsonArray("code", "message"),
            ["properties"] = new JsonObject
            {
                ["code"] = new JsonObject { ["type"] = "string" },
                ["message"] = new JsonObject { ["type"] = "string" },
            },
        };
}
