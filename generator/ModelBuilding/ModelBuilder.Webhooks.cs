using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using OpenApiClientGenerator.Diagnostics;
using OpenApiClientGenerator.Model;
using OpenApiClientGenerator.Reading;

namespace OpenApiClientGenerator.ModelBuilding;

internal sealed partial class ModelBuilder
{
    /// <summary>
    /// The webhooks (OpenAPI 3.1): each operation with a JSON object as its request body gets a payload record, read like
    /// a response (the API sends it), and a reader. One without such a body is reported as info, never skipped in silence.
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
                var method = operationEntry.Key.Method.ToUpperInvariant();
                var operation = operationEntry.Value;
                var pointer = JsonPointers.Append(webhookPointer, method.ToLowerInvariant());
                var body = operation.RequestBody?.Content?.FirstOrDefault(c => IsJsonMediaType(c.Key));
                if (body?.Value?.Schema is not { } schema)
                {
                    Report(DiagnosticDescriptors.Webhook, LocationOfKey(pointer), webhook.Key, method, operation.RequestBody is null ? "it has no request body" : "its request body is not JSON");
                    continue;
                }

                var baseName = IdentifierNames.ToPascalCase(operation.OperationId ?? webhook.Key);
                var bodyPointer = JsonPointers.Append(JsonPointers.Append(JsonPointers.Append(pointer, "requestBody"), "content"), body.Value.Key) + "/schema";
                var payload = ResolveType(schema, bodyPointer, baseName + "Payload", Usage.Response, mergePatch: false);
                if (payload.Kind != ValueKind.Object || payload.TypeName is null)
                {
                    Report(DiagnosticDescriptors.Webhook, LocationOf(bodyPointer), webhook.Key, method, "its payload is not an object");
                    continue;
                }

                webhooks.Add(new WebhookSpec
                {
                    Name = webhook.Key,
                    HttpMethod = method,
                    MethodName = readerNames.Claim("Read" + baseName),
                    Payload = payload,
                    Description = Clean(operation.Summary) ?? Clean(operation.Description),
                });
            }
        }

        return webhooks;
    }
}
