using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using RevBot.IntegrationTests.Deals;
using RevBot.Testing.Deals;

namespace RevBot.IntegrationTests.Security;

/// <summary>
/// PATCH /api/deals/{id} with the deal's real version, so only the input stands between the request and a change:
/// NUL, text that is not UTF-8 and bodies past 64 KiB (chunked too) are refused and the deal stays at its version.
/// </summary>
public sealed class DealApiInputTests(DealApiHost host) : IClassFixture<DealApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<byte[]> NotText => new()
    {
        Utf8("{\"nextStep\":\"call\\u0000back\"}"),
        Utf8("{\"nextStep\":\"\\uD83D\"}"),
        Around("{\"nextStep\":\"call ", [0xFF, 0xFE], "\"}"),
        Around("{\"stage\":\"", [0xED, 0xA0, 0x80], "\"}"),
        Around("{\"next", [0xC0, 0xAF], "\":\"x\"}"),
    };

    [Theory]
    [MemberData(nameof(NotText))]
    public async Task Text_that_is_not_storable_is_400_and_changes_nothing(byte[] body)
    {
        var (version, _) = await host.GetAsync(DealWorld.AcmeRenewal);
        using var response = await Patch(new ByteArrayContent(body), version);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(version, (await host.GetAsync(DealWorld.AcmeRenewal)).Version);
    }

    [Theory]
    [InlineData(false, 100_000)]
    [InlineData(true, 100_000)]
    [InlineData(true, 3_000_000)]
    public async Task A_padded_body_past_64_KiB_is_413_and_not_applied(bool chunked, int size)
    {
        var (version, _) = await host.GetAsync(DealWorld.AcmeRenewal);
        var body = Utf8("{\"nextStep\":\"padded\"" + new string(' ', size) + "}");
        HttpResponseMessage response;
        try
        {
            response = await Patch(chunked ? new ChunkedContent(body, "application/json") : new ByteArrayContent(body), version);
        }
        catch (HttpRequestException)
        {
            // Answered while still sending: the host closed the connection after its 413 (checked below: nothing applied).
            response = new HttpResponseMessage(HttpStatusCode.RequestEntityTooLarge);
        }
        using (response) Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var (after, deal) = await host.GetAsync(DealWorld.AcmeRenewal);
        Assert.Equal(version, after);
        Assert.NotEqual("padded", deal.TryGetProperty("nextStep", out var next) ? next.GetString() : null);
    }

    [Fact]
    public async Task A_nul_in_the_deal_id_is_a_400()
    {
        using var get = await host.Http.GetAsync(new Uri("/api/deals/deal%00x", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, get.StatusCode);
    }

    private Task<HttpResponseMessage> Patch(HttpContent content, int version)
    {
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/deals/{DealWorld.AcmeRenewal}") { Content = content };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version.ToString(CultureInfo.InvariantCulture)}\"");
        return host.Http.SendAsync(request, Ct);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Around(string head, byte[] raw, string tail) => [.. Utf8(head), .. raw, .. Utf8(tail)];
}
