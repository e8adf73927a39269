using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RevBot.Core.Images;
using RevBot.Core.Replies;
using RevBot.Data.Storage;
using RevBot.Slack.App.Files;
using RevBot.Slack.Protocol.WebApi;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Slack;

/// <summary>A digest's stored charts shared in a channel through a fake Slack that also serves the upload URLs.</summary>
public sealed class SlackFileUploaderTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stored_reply_images_are_uploaded_each_to_its_url_and_shared_together_in_one_complete_call()
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        await using var db = database.NewContext();
        var store = new ReplyImageStore(db, _time);
        var pipeline = store.Add(Encoding.ASCII.GetBytes("pipeline-chart-bytes"));
        var bookings = store.Add(Encoding.ASCII.GetBytes("bookings-bytes"));
        await db.SaveChangesAsync(Ct);
        var reply = new Reply
        {
            Kind = ReplyKind.Digest, Title = "Sales digest", Text = "Bookings: $1.2M.",
            Images =
            [
                new ReplyImage("sales-pipeline-by-stage.png", "Pipeline by stage", "Bar chart of open pipeline by stage", 800, 400) { Token = pipeline },
                new ReplyImage("gone.png", "Expired", "Expired", 800, 400) { Token = new string('A', 43) },
                new ReplyImage("sales-bookings-by-week.png", "Bookings by week", "Bookings by week against quota", 800, 400) { Token = bookings },
                new ReplyImage("rendered-by-the-sender.png", "No token", "No token", 800, 400),
            ],
        };

        FakeSlack? self = null;
        await using var fake = await FakeSlack.StartAsync(r => r.Method switch
        {
            "files.getUploadURLExternal" => FakeResponse.Ok($$"""{"ok":true,"upload_url":"{{self!.BaseUri}}upload/F{{r.Call}}","file_id":"F{{r.Call}}"}"""),
            "files.completeUploadExternal" => FakeResponse.Ok("""{"ok":true,"files":[{"id":"F1","title":"Pipeline by stage"},{"id":"F2","title":"Bookings by week"}]}"""),
            _ => new FakeResponse(200, "OK"),
        }, _time);
        self = fake;
        using var services = SlackTestServices.Build(fake, _time);
        var uploader = new SlackFileUploader(services.GetRequiredService<SlackApiClient>(), store);

        var result = await uploader.UploadReplyImagesAsync(reply, "C0SALES", "1700000000.000100", Ct);

        Assert.True(result.Ok, result.Error?.ToString());
        Assert.Equal(["F1", "F2"], result.Value.Files.Select(f => f.Id));
        Assert.Equal(["files.getUploadURLExternal", "/upload/F1", "files.getUploadURLExternal", "/upload/F2", "files.completeUploadExternal"], fake.Requests.Select(r => r.Method));
        var asks = fake.Calls("files.getUploadURLExternal").Select(r => r.Body).ToList();
        Assert.Equal("filename=sales-pipeline-by-stage.png&length=20&alt_txt=Bar+chart+of+open+pipeline+by+stage", asks[0]);
        Assert.Equal("filename=sales-bookings-by-week.png&length=14&alt_txt=Bookings+by+week+against+quota", asks[1]);
        Assert.Contains("pipeline-chart-bytes", fake.Calls("/upload/F1").Single().Body, StringComparison.Ordinal);
        Assert.Contains("bookings-bytes", fake.Calls("/upload/F2").Single().Body, StringComparison.Ordinal);
        Assert.All(fake.Calls("/upload/F1").Concat(fake.Calls("/upload/F2")), r => Assert.Equal("", r.Authorization));

        var complete = fake.Calls("files.completeUploadExternal").Single();
        Assert.Equal($"Bearer {SlackTestServices.BotToken}", complete.Authorization);
        using var body = JsonDocument.Parse(complete.Body);
        Assert.Equal("C0SALES", body.RootElement.GetProperty("channel_id").GetString());
        Assert.Equal("1700000000.000100", body.RootElement.GetProperty("thread_ts").GetString());
        Assert.Equal([("F1", "Pipeline by stage"), ("F2", "Bookings by week")],
            body.RootElement.GetProperty("files").EnumerateArray().Select(f => (f.GetProperty("id").GetString(), f.GetProperty("title").GetString())));
    }

    [Fact]
    public async Task A_refused_upload_url_stops_the_flow_before_anything_is_shared()
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        await using var db = database.NewContext();
        var store = new ReplyImageStore(db, _time);
        var token = store.Add(new byte[] { 1, 2, 3 });
        await db.SaveChangesAsync(Ct);
        await using var fake = await FakeSlack.StartAsync(_ => FakeResponse.Ok("""{"ok":false,"error":"not_in_channel"}"""), _time);
        using var services = SlackTestServices.Build(fake, _time);
        var uploader = new SlackFileUploader(services.GetRequiredService<SlackApiClient>(), store);

        var result = await uploader.UploadReplyImagesAsync(new Reply { Title = "t", Text = "x", Images = [new ReplyImage("a.png", "A", "A", 800, 400) { Token = token }] }, "C1", ct: Ct);

        Assert.Equal("not_in_channel", result.Error!.Code);
        Assert.Equal(["files.getUploadURLExternal"], fake.Requests.Select(r => r.Method));
    }
}
