using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using GeneratedClients.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using OpenApiClientGenerator.Runtime;

namespace GeneratedClients.Tests;

/// <summary>
/// <see cref="HuaweiCloudSigningHandler.SignAsync"/> on requests built by hand: the signature equals the one an
/// independent implementation computed (TestData/aksk_vectors.py), and each rule of the algorithm holds on its own.
/// </summary>
public sealed class AkSkSigningTests
{
    private static readonly DateTimeOffset Clock = new(2019, 11, 15, 3, 36, 55, TimeSpan.Zero);
    private static readonly AkSk Credentials = TestKeys.Permanent;

    public static TheoryData<string> VectorNames() => new(AkSkVector.All.Select(vector => vector.Name));

    [Theory]
    [MemberData(nameof(VectorNames))]
    public async Task The_signature_is_the_one_the_independent_implementation_computes(string name)
    {
        var vector = AkSkVector.Get(name);
        using var request = vector.CreateRequest();
        var handler = new HuaweiCloudSigningHandler(vector.Credentials, new FakeTimeProvider(vector.Clock));

        await handler.SignAsync(request, CancellationToken.None);

        Assert.Equal(vector.Authorization, Header(request, "Authorization"));
        Assert.All(vector.AddedHeaders, added => Assert.Equal(added.Value, Header(request, added.Key)));
    }

    [Fact]
    public async Task X_Sdk_Date_is_the_clocks_time_in_UTC()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://modelarts.ap-southeast-1.myhuaweicloud.com/v1/services");
        var clock = new FakeTimeProvider(new DateTimeOffset(2019, 11, 15, 11, 36, 55, TimeSpan.FromHours(8)));

        await new HuaweiCloudSigningHandler(Credentials, clock).SignAsync(request, CancellationToken.None);

        Assert.Equal("20191115T033655Z", Header(request, "X-Sdk-Date"));
        Assert.Equal("modelarts.ap-southeast-1.myhuaweicloud.com", request.Headers.Host);
    }

    [Fact]
    public async Task Signing_again_takes_a_fresh_date_but_keeps_a_date_the_caller_gave()
    {
        var clock = new FakeTimeProvider(Clock);
        var handler = new HuaweiCloudSigningHandler(Credentials, clock);
        using var dated = new HttpRequestMessage(HttpMethod.Get, "https://modelarts.ap-southeast-1.myhuaweicloud.com/v1/services");
        using var given = new HttpRequestMessage(HttpMethod.Get, "https://modelarts.ap-southeast-1.myhuaweicloud.com/v1/services");
        given.Headers.TryAddWithoutValidation("X-Sdk-Date", "20240229T235959Z");

        await handler.SignAsync(dated, CancellationToken.None);
        await handler.SignAsync(given, CancellationToken.None);
        var firstSignature = Header(dated, "Authorization");
        clock.Advance(TimeSpan.FromMinutes(5));
        await handler.SignAsync(dated, CancellationToken.None);
        await handler.SignAsync(given, CancellationToken.None);

        Assert.Equal("20191115T034155Z", Header(dated, "X-Sdk-Date"));
        Assert.NotEqual(firstSignature, Header(dated, "Authorization"));
        Assert.Equal("20240229T235959Z", Header(given, "X-Sdk-Date"));
        Assert.Single(dated.Headers.GetValues("Authorization"));
    }

    [Fact]
    public async Task A_header_whose_name_has_an_underscore_is_sent_but_not_signed()
    {
        using var request = AkSkVector.Get("underscore-header").CreateRequest();

        await new HuaweiCloudSigningHandler(Credentials, new FakeTimeProvider(Clock)).SignAsync(request, CancellationToken.None);

        Assert.Contains("SignedHeaders=host;x-custom;x-sdk-date,", Header(request, "Authorization"), StringComparison.Ordinal);
        Assert.Equal("not-signed", Header(request, "X-Trace_Id"));
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_not_read_and_the_payload_is_declared_unsigned()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "https://obs.ap-southeast-1.myhuaweicloud.com/v1/objects/blob.bin")
        {
            Content = new StreamContent(new UnreadableStream()),
        };
        request.Content.Headers.ContentType = new("multipart/form-data");

        await new HuaweiCloudSigningHandler(Credentials, new FakeTimeProvider(Clock)).SignAsync(request, CancellationToken.None);

        Assert.Equal("UNSIGNED-PAYLOAD", Header(request, "X-Sdk-Content-Sha256"));
        Assert.Contains("SignedHeaders=host;x-sdk-content-sha256;x-sdk-date,", Header(request, "Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_JSON_body_hashes_to_the_same_signature_whatever_content_type_carries_it()
    {
        var vector = AkSkVector.Get("post-json");
        using var request = vector.CreateRequest();
        var streamed = new CountingJsonContent(Encoding.UTF8.GetBytes(vector.Body!), vector.ContentType!);
        request.Content = streamed;

        await new HuaweiCloudSigningHandler(vector.Credentials, new FakeTimeProvider(vector.Clock)).SignAsync(request, CancellationToken.None);

        Assert.Equal(vector.Authorization, Header(request, "Authorization"));
        Assert.Equal(1, streamed.Serializations);
    }

    [Fact]
    public async Task A_request_without_an_absolute_URI_is_refused_with_a_message_free_of_secrets()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("v1/services", UriKind.Relative));

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => new HuaweiCloudSigningHandler(Credentials).SignAsync(request, CancellationToken.None));

        Assert.Contains("absolute request URI", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestKeys.AccessKey, exception.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(TestKeys.SecretKey, exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_handler_takes_the_headers_it_added_off_the_request_once_the_response_is_in()
    {
        using var invoker = new HttpMessageInvoker(new HuaweiCloudSigningHandler(TestKeys.Temporary, new FakeTimeProvider(Clock)) { InnerHandler = new AnsweringHandler() });
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://modelarts.ap-southeast-1.myhuaweicloud.com/v1/services");
        request.Headers.TryAddWithoutValidation("X-Language", "en-us");

        using var response = await invoker.SendAsync(request, CancellationToken.None);

        Assert.Equal("SDK-HMAC-SHA256", response.Headers.GetValues("X-Seen-Authorization").Single().Split(' ')[0]);
        Assert.Equal(["X-Language"], request.Headers.Select(header => header.Key));
        Assert.DoesNotContain(TestKeys.SecurityToken, request.ToString(), StringComparison.Ordinal);
    }

    private static string Header(HttpRequestMessage request, string name) => string.Join(", ", request.Headers.GetValues(name));

    /// <summary>A JSON body that is not in memory: it counts how often it is serialized.</summary>
    private sealed class CountingJsonContent : HttpContent
    {
        private readonly byte[] _body;

        public CountingJsonContent(byte[] body, string contentType)
        {
            _body = body;
            Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        public int Serializations { get; private set; }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            Serializations++;
            await stream.WriteAsync(_body);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }

    /// <summary>A body that fails the test if anyone reads it.</summary>
    private sealed class UnreadableStream : MemoryStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("The body was read.");

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => throw new InvalidOperationException("The body was read.");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => throw new InvalidOperationException("The body was read.");
    }

    /// <summary>Answers in place of the network and echoes the Authorization header it received.</summary>
    private sealed class AnsweringHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request };
            response.Headers.TryAddWithoutValidation("X-Seen-Authorization", request.Headers.GetValues("Authorization"));
            return Task.FromResult(response);
        }
    }
}
