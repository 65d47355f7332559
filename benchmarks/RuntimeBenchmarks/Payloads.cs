using System.IO;

namespace RuntimeBenchmarks;

/// <summary>Page 004's examples (UpdateEndpoint), as UTF-8 JSON.</summary>
public static class Payloads
{
    public static byte[] UpdateEndpointRequest { get; } = Read("update-endpoint-request.json");

    public static byte[] UpdateEndpointResponse202 { get; } = Read("update-endpoint-response-202.json");

    private static byte[] Read(string name)
    {
        using var stream = typeof(Payloads).Assembly.GetManifestResourceStream("Payloads." + name)
            ?? throw new FileNotFoundException("Embedded payload missing: " + name);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
