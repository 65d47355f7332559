using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using OpenApiClientGenerator.Runtime;

namespace GeneratedClients.Tests.Infrastructure;

/// <summary>The made-up key pair that the AK/SK tests and TestData/aksk_vectors.py sign with.</summary>
public static class TestKeys
{
    public const string AccessKey = "HPUAXLKQ1EXAMPLEAK9Z";
    public const string SecretKey = "sK3x+Example/Secret=Key0123456789abcdefGH";
    public const string ProjectId = "0c8243400d37468bb4aed3cc94c2911d";
    public const string SecurityToken = "gQpzdG9rZW4tZXhhbXBsZQ==";

    public static AkSk Permanent { get; } = new(AccessKey, SecretKey);

    public static AkSk Temporary { get; } = new(AccessKey, SecretKey, ProjectId, SecurityToken);
}

/// <summary>One request of <c>TestData/aksk_vectors.json</c> and what signing it must produce, as the independent Python implementation computed it.</summary>
public sealed record AkSkVector(
    string Name,
    AkSk Credentials,
    string Method,
    Uri Url,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string? ContentType,
    string? Body,
    DateTimeOffset Clock,
    IReadOnlyList<KeyValuePair<string, string>> AddedHeaders,
    string Authorization)
{
    private static readonly Lazy<IReadOnlyList<AkSkVector>> Vectors = new(Load);

    public static IReadOnlyList<AkSkVector> All => Vectors.Value;

    public static AkSkVector Get(string name) => All.Single(vector => vector.Name == name);

    /// <summary>The request as a client builds it, before signing; at <paramref name="baseAddress"/> instead of the vector's host if given.</summary>
    public HttpRequestMessage CreateRequest(Uri? baseAddress = null)
    {
        var url = baseAddress is null ? Url : new Uri(baseAddress, Url.PathAndQuery);
        var request = new HttpRequestMessage(new HttpMethod(Method), url);
        foreach (var header in Headers)
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Body));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }

        return request;
    }

    private static IReadOnlyList<AkSkVector> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "aksk_vectors.json")));
        return document.RootElement.EnumerateArray().Select(vector =>
        {
            var credentials = vector.GetProperty("credentials");
            var expected = vector.GetProperty("expected");
            return new AkSkVector(
                vector.GetProperty("name").GetString()!,
                new AkSk(
                    credentials.GetProperty("accessKey").GetString()!,
                    credentials.GetProperty("secretKey").GetString()!,
                    credentials.TryGetProperty("projectId", out var projectId) ? projectId.GetString() : null,
                    credentials.TryGetProperty("securityToken", out var securityToken) ? securityToken.GetString() : null),
                vector.GetProperty("method").GetString()!,
                new Uri(vector.GetProperty("url").GetString()!),
                Pairs(vector.GetProperty("headers")),
                vector.GetProperty("contentType").GetString(),
                vector.GetProperty("body").GetString(),
                DateTimeOffset.ParseExact(vector.GetProperty("clock").GetString()!, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                Pairs(expected.GetProperty("addedHeaders")),
                expected.GetProperty("authorization").GetString()!);
        }).ToList();
    }

    private static List<KeyValuePair<string, string>> Pairs(JsonElement array)
        => array.EnumerateArray().Select(pair => new KeyValuePair<string, string>(pair[0].GetString()!, pair[1].GetString()!)).ToList();
}
