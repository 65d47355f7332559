using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using GeneratedClients.Tests.Infrastructure;
using HuaweiCloud.DataArtsFabric;
using HuaweiCloud.GaussDBForOpenGauss;
using HuaweiCloud.ModelArts;
using OpenApiClientGenerator.Runtime;
using OpenApiClientGenerator.Testing;
using Xunit.Abstractions;

namespace GeneratedClients.Tests;

/// <summary>
/// Issue 14 §5: what a third-party server says about the generated clients. Stoplight Prism 5.16.0 (npm
/// <c>@stoplight/prism-cli</c>, pinned in tests/prism/package.json) mocks each curated spec in dynamic mode: it checks
/// every request against the spec and answers with a random valid response. The five page requests must be accepted,
/// and every random response must read into its typed result, pass the strict response check and write back as the
/// same JSON. Opt-in, since installing Prism takes about 30 s: <c>OPENAPI_PRISM=1 dotnet test
/// tests/GeneratedClients.Tests --filter PrismTests</c>; <c>OPENAPI_PRISM_RESPONSES=n</c> sets the random responses per
/// operation (100 by default).
/// </summary>
public sealed class PrismTests(PrismTests.PrismServers prism, ITestOutputHelper output) : IClassFixture<PrismTests.PrismServers>
{
    private static readonly Operation[] Operations =
    [
        new("UpdatePlugin", "modelarts.openapi.yaml", async (http, check) => (await new ModelArtsClient(http) { ResponseValidation = ResponseValidation.Log, OnResponseMismatch = check }.UpdatePluginAsync(PageRequests.UpdatePlugin())).Body.ToJson()),
        new("PatchService", "modelarts.openapi.yaml", async (http, check) => (await new ModelArtsClient(http) { ResponseValidation = ResponseValidation.Log, OnResponseMismatch = check }.PatchServiceAsync(PageRequests.PatchService())).Body.ToJson()),
        new("UpdateServiceInstance", "dataarts-fabric.openapi.yaml", async (http, check) => (await new DataArtsFabricClient(http) { ResponseValidation = ResponseValidation.Log, OnResponseMismatch = check }.UpdateServiceInstanceAsync(PageRequests.UpdateServiceInstance())).Body.ToJson()),
        new("UpdateEndpoint", "dataarts-fabric.openapi.yaml", async (http, check) => (await new DataArtsFabricClient(http) { ResponseValidation = ResponseValidation.Log, OnResponseMismatch = check }.UpdateEndpointAsync(PageRequests.UpdateEndpoint())).Body.ToJson()),
        new("InstallKernelPlugin", "gaussdb-opengauss.openapi.yaml", async (http, check) => (await new GaussDBForOpenGaussClient(http) { ResponseValidation = ResponseValidation.Log, OnResponseMismatch = check }.InstallKernelPluginAsync(PageRequests.InstallKernelPlugin())).Body.ToJson()),
    ];

    private delegate Task<byte[]> Call(HttpClient http, Action<ResponseMismatch> check);

    [PrismFact]
    public async Task The_five_page_requests_are_accepted_and_every_random_response_reads_checks_and_writes_back_equal()
    {
        var perOperation = int.TryParse(Environment.GetEnvironmentVariable("OPENAPI_PRISM_RESPONSES"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 100;
        var failures = new List<string>();
        var responses = 0;
        foreach (var operation in Operations)
        {
            var recorder = new BodyRecorder { InnerHandler = new SocketsHttpHandler() };
            using var http = new HttpClient(recorder) { BaseAddress = prism.BaseAddressOf(operation.Spec) };
            for (var i = 0; i < perOperation; i++)
            {
                var mismatches = new List<ResponseMismatch>();
                try
                {
                    var written = await operation.Call(http, mismatches.Add);
                    responses++;
                    var sent = JsonNode.Parse(recorder.LastBody);
                    var back = JsonNode.Parse(written);
                    if (!JsonNode.DeepEquals(sent, back))
                    {
                        failures.Add($"{operation.Name} #{i}: written back differently at {JsonAssert.FirstDifference(sent, back, "$")}");
                    }

                    failures.AddRange(mismatches.Select(m => $"{operation.Name} #{i}: the strict check reports {m.Error} in {JsonAssert.Text(recorder.LastBody)}"));
                }
                catch (Exception exception) when (exception is ApiException or RequestValidationException)
                {
                    // Prism answers a request that breaks the spec with 422 and the violations in the body.
                    failures.Add($"{operation.Name} #{i}: {exception.GetType().Name}: {exception.Message} {(exception as ApiException)?.ResponseBody}");
                    break;
                }
            }
        }

        output.WriteLine($"Prism 5.16.0 (-d): {Operations.Length} page requests, {responses} random responses read, checked and written back; {failures.Count} failures.");
        foreach (var failure in failures.Take(50))
        {
            output.WriteLine(failure);
        }

        Assert.Empty(failures);
        Assert.Equal(Operations.Length * perOperation, responses);
    }

    private sealed record Operation(string Name, string Spec, Call Call);

    /// <summary>Keeps the body of the last response, as the server sent it, before the client reads it.</summary>
    private sealed class BodyRecorder : DelegatingHandler
    {
        public byte[] LastBody { get; private set; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            LastBody = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return response;
        }
    }

    /// <summary>A test that runs only with <c>OPENAPI_PRISM=1</c> and node and npm on the PATH; skipped, with the reason, otherwise.</summary>
    private sealed class PrismFactAttribute : FactAttribute
    {
        public PrismFactAttribute() => Skip = PrismServers.SkipReason;
    }

    /// <summary>
    /// One <c>prism mock -d</c> per curated spec, each on a free port of 127.0.0.1, installed first with <c>npm ci</c>
    /// into tests/prism/node_modules (git-ignored) when it is not there yet; stopped with the test class.
    /// </summary>
    public sealed class PrismServers : IAsyncLifetime
    {
        private static readonly string PrismFolder = Repository.PathOf("tests", "prism");
        private static readonly string PrismScript = Path.Combine(PrismFolder, "node_modules", "@stoplight", "prism-cli", "dist", "index.js");
        private readonly ConcurrentDictionary<string, Uri> _baseAddresses = new(StringComparer.Ordinal);
        private readonly List<Process> _servers = [];

        public static string? SkipReason { get; } =
            Environment.GetEnvironmentVariable("OPENAPI_PRISM") != "1"
                ? "Runs against Stoplight Prism 5.16.0 only with OPENAPI_PRISM=1 (npm installs it into tests/prism/node_modules, about 30 s the first time)."
                : FindOnPath("node") is null || FindOnPath("npm") is null
                    ? "OPENAPI_PRISM=1, but node and npm are not both on the PATH, so Prism cannot be installed or run."
                    : null;

        public Uri BaseAddressOf(string spec) => _baseAddresses[spec];

        public async Task InitializeAsync()
        {
            if (SkipReason is not null)
            {
                return;
            }

            if (!File.Exists(PrismScript))
            {
                await RunToEndAsync(FindOnPath("npm")!, ["ci", "--no-audit", "--no-fund"], PrismFolder, TimeSpan.FromMinutes(5));
            }

            foreach (var spec in SpecDocuments.CuratedFiles)
            {
                _baseAddresses[spec] = await StartAsync(Repository.PathOf("specs", spec));
            }
        }

        public Task DisposeAsync()
        {
            foreach (var server in _servers)
            {
                if (!server.HasExited)
                {
                    server.Kill(entireProcessTree: true);
                }

                server.Dispose();
            }

            return Task.CompletedTask;
        }

        private async Task<Uri> StartAsync(string spec)
        {
            var port = FreePort();
            var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var log = new ConcurrentQueue<string>();
            var server = new Process { StartInfo = StartInfo(FindOnPath("node")!, [PrismScript, "mock", "-d", "-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), spec], PrismFolder) };
            server.OutputDataReceived += (_, e) =>
            {
                if (e.Data is { } line)
                {
                    log.Enqueue(line);
                    if (line.Contains("Prism is listening", StringComparison.Ordinal))
                    {
                        listening.TrySetResult();
                    }
                }
            };
            server.ErrorDataReceived += (_, e) => log.Enqueue(e.Data ?? string.Empty);
            server.Start();
            _servers.Add(server);
            server.BeginOutputReadLine();
            server.BeginErrorReadLine();
            if (await Task.WhenAny(listening.Task, Task.Delay(TimeSpan.FromSeconds(60))) != listening.Task)
            {
                throw new InvalidOperationException("Prism did not start on " + spec + ":" + Environment.NewLine + string.Join(Environment.NewLine, log));
            }

            return new Uri("http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture) + "/");
        }

        private static async Task RunToEndAsync(string fileName, string[] arguments, string workingDirectory, TimeSpan timeout)
        {
            using var process = new Process { StartInfo = StartInfo(fileName, arguments, workingDirectory) };
            process.Start();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var cancellation = new CancellationTokenSource(timeout);
            await process.WaitForExitAsync(cancellation.Token);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{Path.GetFileName(fileName)} {string.Join(' ', arguments)} failed ({process.ExitCode}):{Environment.NewLine}{await stdout}{await stderr}");
            }
        }

        private static ProcessStartInfo StartInfo(string fileName, string[] arguments, string workingDirectory)
        {
            var info = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in arguments)
            {
                info.ArgumentList.Add(argument);
            }

            return info;
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        private static string? FindOnPath(string tool)
            => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .SelectMany(directory => OperatingSystem.IsWindows() ? new[] { Path.Combine(directory, tool + ".exe"), Path.Combine(directory, tool + ".cmd") } : [Path.Combine(directory, tool)])
                .FirstOrDefault(File.Exists);
    }
}
