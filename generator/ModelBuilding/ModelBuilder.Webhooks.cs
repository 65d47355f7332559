using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using OpenApiClientGenerator.Diagnostics;
using OpenApiClientGenerator.Model;
using OpenApiClientGenerator.Reading;

namespace OpenApiClientGenerator.ModelBuilding;

internal sealed partial class ModelBuilder
{
    /// <summary>
    /// The webhooks the spec's metadata asks for (<see cref="OperationSelection"/> has taken the others out): each
    /// operation with a JSON object as its request body gets a payload record, read like a response (the API sends it),
    /// and a reader. One without such a body is reported as info, never skipped in silence. OpenAPI 3.1's
    /// <c>webhooks</c> come from Microsoft.OpenApi; a 3.0 spec's <c>x-webhooks</c> (GitHub's), which it keeps as plain
    /// JSON, are read from the spec's JSON with its schema reader.
    /// </summary>
    private List<WebhookSpec> ParseWebhooks(OpenApiDocument document)
    {
        var webhooks = new List<WebhookSpec>();
        var readerNames = new NameScope();
        foreach (var webhook in document.Webhooks ?? new Dictionary<string, IOpenApiPathItem>())
        {
            var webhookPointer = JsonPointers.Append("/webhooks", webhook.Key);
            foreach (var operationEntry in (webhook.Value.Operations ?? []).OrderBy(o => HttpMethodOrder(o.Key.Method)))
            {
                var operation = operationEntry.Value;
                var body = operation.RequestBody?.Content?.FirstOrDefault(c => IsJsonMediaType(c.Key));
                var noBody = operation.RequestBody is null ? "it has no request body" : "its request body is not JSON";
                AddWebhook(webhooks, readerNames, new WebhookOperation(webhook.Key, operationEntry.Key.Method, webhookPointer, operation.OperationId, Clean(operation.Summary) ?? Clean(operation.Description), body?.Key, body?.Value?.Schema, noBody));
            }
        }

        foreach (var webhook in _document.Root["x-webhooks"] as JsonObject ?? [])
        {
            var webhookPointer = JsonPointers.Append("/x-webhooks", webhook.Key);
            foreach (var method in OperationSelection.Methods.Where(m => (webhook.Value as JsonObject)?[m] is JsonObject))
            {
                var operation = (JsonObject)webhook.Value![method]!;
                var requestBody = JsonPointers.ReferencedBy(operation["requestBody"]) is { } bodyTarget ? JsonPointers.Find(_document.Root, bodyTarget) : operation["requestBody"];
                var body = ((requestBody as JsonObject)?["content"] as JsonObject ?? []).FirstOrDefault(c => IsJsonMediaType(c.Key));
                var bodyPointer = JsonPointers.Append(JsonPointers.Append(JsonPointers.Append(JsonPointers.Append(webhookPointer, method), "requestBody"), "content"), body.Key ?? string.Empty);
                var schema = body.Value?["schema"] is JsonObject schemaNode ? ReadSchemaNode(schemaNode, bodyPointer + "/schema") : null;
                var noBody = requestBody is null ? "it has no request body" : "its request body is not JSON";
                AddWebhook(webhooks, readerNames, new WebhookOperation(webhook.Key, method, webhookPointer, Text(operation["operationId"]), Clean(Text(operation["summary"])) ?? Clean(Text(operation["description"])), body.Key, schema, noBody));
            }
        }

        return webhooks;

        static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : null;
    }

    /// <summary>
    /// A schema from the spec's JSON. Microsoft.OpenApi's fragment reader gives no schema for a reference, so a reference
    /// to a component schema, as webhooks' payloads mostly are, is made here.
    /// </summary>
    private IOpenApiSchema? ReadSchemaNode(JsonObject node, string pointer)
        => JsonPointers.ReferencedBy(node) is { } target && target.StartsWith("/components/schemas/", StringComparison.Ordinal) && target.IndexOf('/', "/components/schemas/".Length) < 0
            ? new OpenApiSchemaReference(JsonPointers.Unescape(target.Substring("/components/schemas/".Length)), _document.Document)
            : OpenApiDocumentLoader.ReadExtensionSchema(_document, node, pointer, _diagnostics);

    private void AddWebhook(List<WebhookSpec> webhooks, NameScope readerNames, WebhookOperation webhook)
    {
        var method = webhook.Method.ToUpperInvariant();
        var pointer = JsonPointers.Append(webhook.Pointer, method.ToLowerInvariant());
        if (webhook.Schema is not { } schema)
        {
            Report(DiagnosticDescriptors.Webhook, LocationOfKey(pointer), $"The webhook '{webhook.Name}' ({method}) gets no typed payload reader", webhook.NoBodyReason);
            return;
        }

        var baseName = PascalCase(webhook.OperationId ?? webhook.Name);
        var bodyPointer = JsonPointers.Append(JsonPointers.Append(JsonPointers.Append(pointer, "requestBody"), "content"), webhook.MediaType!) + "/schema";
        var payload = ResolveType(schema, bodyPointer, baseName + "Payload", Usage.Response, mergePatch: false);
        if (payload.Kind != ValueKind.Object || payload.TypeName is null)
        {
            Report(DiagnosticDescriptors.Webhook, LocationOf(bodyPointer), $"The webhook '{webhook.Name}' ({method}) gets no typed payload reader", "its payload is not an object");
            return;
        }

        webhooks.Add(new WebhookSpec
        {
            Name = webhook.Name,
            HttpMethod = method,
            MethodName = readerNames.Claim("Read" + baseName),
            Payload = payload,
            Description = webhook.Description,
        });
    }

    /// <summary>One operation of a webhook, from either map; <see cref="Schema"/> is its JSON body's schema, or null with <see cref="NoBodyReason"/>.</summary>
    private sealed record WebhookOperation(string Name, string Method, string Pointer, string? OperationId, string? Description, string? MediaType, IOpenApiSchema? Schema, string NoBodyReason);
}
