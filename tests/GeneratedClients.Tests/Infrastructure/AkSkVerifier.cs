using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace GeneratedClients.Tests.Infrastructure;

/// <summary>
/// The server's side of AK/SK signing, as Huawei's API Gateway checks it: recomputes the signature from the request as
/// ASP.NET parsed it (method, decoded path and query, headers, body) and compares. Written apart from the runtime's
/// signer, which it shares no code with, so that a mistake in one is not repeated in the other.
/// </summary>
public static partial class AkSkVerifier
{
    /// <summary>A check for <see cref="RecordingServer.Authenticate"/> that knows one access key pair.</summary>
    public static Func<HttpRequest, byte[], bool> Accepting(string accessKey, string secretKey)
        => (request, body) => Verify(request, body, accessKey, secretKey);

    public static bool Verify(HttpRequest request, byte[] body, string accessKey, string secretKey)
    {
        var match = AuthorizationPattern().Match(request.Headers.Authorization.ToString());
        if (!match.Success || match.Groups["access"].Value != accessKey)
        {
            return false;
        }

        var signedNames = match.Groups["headers"].Value.Split(';');
        if (!signedNames.Contains("host") || !signedNames.Contains("x-sdk-date") || signedNames.Any(name => !request.Headers.ContainsKey(name)))
        {
            return false;
        }

        // Kestrel decodes the path except %2F; no test path has an encoded slash.
        var path = string.Join("/", (request.PathBase + request.Path).Value!.Split('/').Select(Uri.EscapeDataString));
        var query = string.Join("&", request.Query
            .SelectMany(parameter => parameter.Value.Select(value => (Name: parameter.Key, Value: value ?? string.Empty)))
            .OrderBy(parameter => parameter.Name, StringComparer.Ordinal)
            .ThenBy(parameter => parameter.Value, StringComparer.Ordinal)
            .Select(parameter => Uri.EscapeDataString(parameter.Name) + "=" + Uri.EscapeDataString(parameter.Value)));
        var headers = string.Concat(signedNames.Select(name => name + ":" + request.Headers[name].ToString().Trim() + "\n"));
        var payloadHash = request.Headers["X-Sdk-Content-Sha256"] == "UNSIGNED-PAYLOAD"
            ? "UNSIGNED-PAYLOAD"
            : Convert.ToHexStringLower(SHA256.HashData(body));
        var canonicalRequest = string.Join("\n", request.Method, path.EndsWith('/') ? path : path + "/", query, headers, match.Groups["headers"].Value, payloadHash);
        var stringToSign = "SDK-HMAC-SHA256\n" + request.Headers["X-Sdk-Date"] + "\n" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)));
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(stringToSign));
        return CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(match.Groups["signature"].Value));
    }

    [GeneratedRegex("^SDK-HMAC-SHA256 Access=(?<access>[^,]+), SignedHeaders=(?<headers>[a-z0-9;_-]+), Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationPattern();
}
