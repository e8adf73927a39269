using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RevBot.Core.Images;
using RevBot.Data.Storage;
using RevBot.Host.Hosting;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Hosting;

/// <summary><c>GET /images/{token}.png</c> through the real host: the bytes while the token lives, 404 otherwise, no authentication.</summary>
public sealed class ImageEndpointTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_stored_image_is_served_until_it_expires_and_unknown_or_malformed_tokens_are_404()
    {
        var path = TestFiles.NewPath("images.db");
        await using var app = await RevBotServer.StartAsync(
            [$"--Database:Target=sqlite:{path}", "--urls=http://127.0.0.1:0", "--Database:SeedDemoData=false", "--Digests:Enabled=false", "--Api:Key=some-key", "--Api:UserEmail=api@example.com"],
            services => services.AddSingleton<TimeProvider>(_clock), Ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3 };
        string token;
        await using (var db = RevBotDbFactory.Create(DbTarget.Sqlite(path)))
        {
            token = new ReplyImageStore(db, _clock).Add(png, lifetime: TimeSpan.FromDays(30));
            await db.SaveChangesAsync(Ct);
        }

        using (var ok = await http.GetAsync($"/images/{token}.png", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal("image/png", ok.Content.Headers.ContentType!.MediaType);
            Assert.Equal(png, await ok.Content.ReadAsByteArrayAsync(Ct));
            Assert.Equal("public, max-age=2592000, immutable", ok.Headers.CacheControl!.ToString());
        }
        foreach (var missing in new[] { $"/images/{new string('A', 43)}.png", $"/images/{token}", $"/images/{token}.jpg", "/images/short.png", $"/images/{token[..^1]}%2F.png" })
        {
            using var response = await http.GetAsync(missing, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{missing}: {response.StatusCode}");
        }

        _clock.Advance(TimeSpan.FromDays(30));
        using var expired = await http.GetAsync($"/images/{token}.png", Ct);
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
    }
}
