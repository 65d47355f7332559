using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Threading.Tasks;
using GeneratedClients.Tests.Infrastructure;
using HuaweiCloud.Media;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using OpenApiClientGenerator.Runtime;

namespace GeneratedClients.Tests;

/// <summary>
/// Runs alone: the memory bound is measured as what the whole process allocates (client and server), which tests
/// running beside it would add to.
/// </summary>
[CollectionDefinition(nameof(LargeBodyTests), DisableParallelization = true)]
public sealed class LargeBodyCollection
{
}

/// <summary>
/// The 100 MB, each way and as a multipart file part (<c>OPENAPI_LARGE_BODY_MB</c> sets another size). Measured
/// at 100 MB: the upload allocates about 2.6 MB in the whole process, the multipart upload 2.8 MB, the download 1.6 MB;
/// the bound each test holds is 8 MB, a twelfth of the body.
/// </summary>
[Collection(nameof(LargeBodyTests))]
public sealed class LargeBodyTests
{
    /// <summary>
    /// The upload streams: the client reads the caller's stream as it sends, so what the whole process allocates (client
    /// and server) stays far below the body's size.
    /// </summary>
    [Fact]
    public async Task A_large_upload_streams_with_bounded_memory()
    {
        var (megabytes, size) = BodySize();
        string? serverHash = null;
        long serverLength = 0;
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                serverLength += read;
            }

            serverHash = Convert.ToHexString(hash.GetHashAndReset());
            context.Response.StatusCode = 201;
            await context.Response.WriteAsJsonAsync(new { name = "big" });
        });
        using var http = server.CreateHttpClient();
        var client = new MediaClient(http);
        await client.PutBlobAsync(new PutBlobRequest { Name = "warm-up", Body = new byte[] { 1 } });

        serverLength = 0;
        using var source = new MediaTypeTests.PatternStream(size);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        await client.PutBlobAsync(new PutBlobRequest { Name = "big", Body = source });
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(size, serverLength);
        Assert.Equal(MediaTypeTests.PatternSha256(size), serverHash);
        Assert.True(allocated < 8 * 1024 * 1024, $"{megabytes} MB upload allocated {allocated:N0} bytes in the process (bound: 8 MB)");
    }

    /// <summary>
    /// A multipart file part streams too: the server reads the sections as they arrive with ASP.NET Core's
    /// <see cref="MultipartReader"/>, and what the process allocates stays far below the file's size.
    /// </summary>
    [Fact]
    public async Task A_large_multipart_file_part_streams_with_bounded_memory()
    {
        var (megabytes, size) = BodySize();
        var sections = new List<(string Name, string? FileName, long Length, string Hash)>();
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            sections.Clear();
            var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(context.Request.ContentType).Boundary).Value!;
            var reader = new MultipartReader(boundary, context.Request.Body);
            while (await reader.ReadNextSectionAsync() is { } section)
            {
                var disposition = section.GetContentDispositionHeader()!;
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[81920];
                long length = 0;
                int read;
                while ((read = await section.Body.ReadAsync(buffer)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    length += read;
                }

                sections.Add((disposition.Name.Value!, disposition.FileName.Value, length, Convert.ToHexString(hash.GetHashAndReset())));
            }

            context.Response.StatusCode = 201;
            await context.Response.WriteAsJsonAsync(new { name = "big" });
        });
        using var http = server.CreateHttpClient();
        var client = new MediaClient(http);
        await client.UploadFileAsync(new UploadFileRequest { Body = new UploadFileParts { File = new FilePart([1], "warm-up.bin"), Purpose = "batch" } });

        using var source = new MediaTypeTests.PatternStream(size);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        await client.UploadFileAsync(new UploadFileRequest { Body = new UploadFileParts { File = new FilePart(source, "big.bin"), Purpose = "batch" } });
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(2, sections.Count);
        Assert.Equal(("file", "big.bin", size, MediaTypeTests.PatternSha256(size)), sections[0]);
        Assert.Equal(("purpose", null, 5L), (sections[1].Name, sections[1].FileName, sections[1].Length));
        Assert.True(allocated < 8 * 1024 * 1024, $"{megabytes} MB multipart upload allocated {allocated:N0} bytes in the process (bound: 8 MB)");
    }

    /// <summary>The download streams: the caller reads the body from the socket, and nothing buffers it whole.</summary>
    [Fact]
    public async Task A_large_download_streams_with_bounded_memory()
    {
        var (megabytes, size) = BodySize();
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/octet-stream";
            context.Response.ContentLength = size;
            var chunk = new byte[81920];
            for (long sent = 0; sent < size; sent += chunk.Length)
            {
                for (var i = 0; i < chunk.Length; i++)
                {
                    chunk[i] = (byte)((sent + i) % 251);
                }

                await context.Response.Body.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, size - sent)));
            }
        });
        using var http = server.CreateHttpClient();
        var client = new MediaClient(http);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        long received = 0;
        string hash;
        using (var file = await client.DownloadAsync(new DownloadRequest { Name = "big" }))
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            int read;
            while ((read = await file.Content.ReadAsync(buffer)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                received += read;
            }

            hash = Convert.ToHexString(sha.GetHashAndReset());
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.Equal(size, received);
        Assert.Equal(MediaTypeTests.PatternSha256(size), hash);
        Assert.True(allocated < 8 * 1024 * 1024, $"{megabytes} MB download allocated {allocated:N0} bytes in the process (bound: 8 MB)");
    }

    private static (int Megabytes, long Bytes) BodySize()
    {
        var megabytes = int.TryParse(Environment.GetEnvironmentVariable("OPENAPI_LARGE_BODY_MB"), out var configured) ? configured : 100;
        return (megabytes, megabytes * 1024L * 1024L);
    }
}
