using System.Text.Json;
using RevBot.Slack.App.Rendering;
using RevBot.Slack.Protocol.BlockKit;
using RevBot.Slack.Protocol.Endpoints;
using static RevBot.IntegrationTests.Slack.SlackEndToEnd;

namespace RevBot.IntegrationTests.Slack;

/// <summary>
/// A question asking for a chart, through the real host: the answer is posted, then its PNG goes up with the upload
/// flow (files.getUploadURLExternal → the upload URL → files.completeUploadExternal) into the same channel and thread.
/// An answer only its asker sees (a slash command) shares no file.
/// </summary>
public sealed class SlackChartTests : IAsyncLifetime
{
    private SlackBotHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        SlackBotHost? self = null;
        _host = new SlackBotHost(new SlackBotHostOptions
        {
            Respond = r => r.Method switch
            {
                "files.getUploadURLExternal" => FakeResponse.Ok($$"""{"ok":true,"upload_url":"{{self!.Fake.BaseUri}}upload/F{{r.Call}}","file_id":"F{{r.Call}}"}"""),
                "files.completeUploadExternal" => FakeResponse.Ok("""{"ok":true,"files":[{"id":"F1","title":"chart"}]}"""),
                _ => null,
            },
        });
        self = _host;
        await _host.InitializeAsync();
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_mention_asking_for_a_chart_gets_the_answer_then_the_png_shared_in_its_thread()
    {
        await Event("EvC1", Mention("CCHART1", "1700003001.000100", "chart bookings by month"));

        var complete = await Completed("CCHART1");
        var posted = _host.Fake.Requests.Single(r => Posted(r, "CCHART1"));
        Assert.Equal("1700003001.000100", SlackBotHost.Json(posted.Body).GetProperty("thread_ts").GetString());
        Assert.Equal(await ExpectedAsync(_host, "chart bookings by month"), SlackBotHost.Json(posted.Body).GetProperty("text").GetString());
        Assert.Matches(@"\$[0-9]", SlackBotHost.Json(posted.Body).GetProperty("text").GetString());
        Assert.Equal("1700003001.000100", complete.GetProperty("thread_ts").GetString());

        // The upload follows the answer, in the order of the flow, with the PNG's real length and its alt text.
        var ask = _host.Fake.Requests.Single(r => r.Method == "files.getUploadURLExternal" && r.At >= posted.At);
        var fields = System.Web.HttpUtility.ParseQueryString(ask.Body);
        Assert.Equal("bookings-by-month.png", fields["filename"]);
        Assert.StartsWith("Bar chart: Bookings by month, ", fields["alt_txt"], StringComparison.Ordinal);
        var upload = _host.Fake.Requests.Single(r => r.Method == $"/upload/F{ask.Call}");
        Assert.Contains("PNG", upload.Body, StringComparison.Ordinal);
        Assert.True(int.Parse(fields["length"]!, System.Globalization.CultureInfo.InvariantCulture) > 2_000);
        var order = _host.Fake.Requests.ToList();
        Assert.True(order.IndexOf(posted) < order.IndexOf(ask) && order.IndexOf(ask) < order.IndexOf(upload));
        Assert.Equal([$"F{ask.Call}"], complete.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task A_dm_asking_for_a_chart_in_spanish_gets_it_in_the_dm_outside_any_thread()
    {
        await Event("EvC2", JsonSerializer.Serialize(new { type = "message", channel_type = "im", channel = "DCHART2", user = SlackBotHost.RepSlackId, text = "gráfico de la tasa de cierre por trimestre", ts = "1700003002.000100" }));

        var complete = await Completed("DCHART2");

        Assert.False(complete.TryGetProperty("thread_ts", out _));
        var ask = _host.Fake.Requests.Where(r => r.Method == "files.getUploadURLExternal").Select(r => System.Web.HttpUtility.ParseQueryString(r.Body))
            .Single(f => f["filename"] == "win-rate-by-quarter.png");
        Assert.StartsWith("Gráfico de barras: ", ask["alt_txt"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slash_command_asking_for_a_chart_answers_privately_says_where_charts_go_and_shares_no_file()
    {
        await _host.PostSignedAsync(SlackEndpoints.CommandsPath,
            $"command=%2Frevbot&text={Uri.EscapeDataString("chart bookings by month")}&team_id=T1&channel_id=CCHART3&user_id={SlackBotHost.RepSlackId}&response_url={Uri.EscapeDataString(_host.Fake.BaseUri + "respond/chart-3")}",
            "application/x-www-form-urlencoded");

        var answer = SlackBotHost.Json((await _host.WaitForAsync(r => r.Method == "/respond/chart-3")).Single().Body);
        Assert.Equal("ephemeral", answer.GetProperty("response_type").GetString());
        Assert.Contains(SlackMessages.ChartNotShared(), answer.GetRawText().Replace("\\u0022", "\"", StringComparison.Ordinal), StringComparison.Ordinal);
        // A chart asked afterwards is shared: by then the command's turn is long over, and it shared nothing.
        await Event("EvC3", Mention("CCHART4", "1700003004.000100", "plot win rate by quarter"));
        await Completed("CCHART4");
        Assert.DoesNotContain(_host.Fake.Requests, r => r.Method == "files.completeUploadExternal" && r.Body.Contains("CCHART3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sharing_a_private_chart_answer_posts_it_for_the_channel_and_then_shares_its_chart_there()
    {
        var payload = $$"""{"type":"block_actions","team":{"id":"T1"},"user":{"id":"{{SlackBotHost.RepSlackId}}"},"channel":{"id":"CCHART5"},"container":{"type":"message","message_ts":"1700003005.000100","channel_id":"CCHART5","is_ephemeral":true},"response_url":"{{_host.Fake.BaseUri}}respond/share-5","actions":[{"action_id":"{{SlackActionIds.Share}}","value":"chart bookings by month"}]}""";
        await _host.PostSignedAsync(SlackEndpoints.InteractivityPath, "payload=" + Uri.EscapeDataString(payload), "application/x-www-form-urlencoded");

        var complete = await Completed("CCHART5");

        var shared = _host.Fake.Requests.Where(r => r.Method == "/respond/share-5").Select(r => SlackBotHost.Json(r.Body)).ToList();
        Assert.Equal("in_channel", shared[0].GetProperty("response_type").GetString());
        Assert.DoesNotContain(SlackMessages.ChartNotShared(), shared[0].GetRawText(), StringComparison.Ordinal);
        Assert.False(complete.TryGetProperty("thread_ts", out _));
    }

    private Task<HttpResponseMessage> Event(string id, string evt) =>
        _host.PostSignedAsync(SlackEndpoints.EventsPath, EventCallback(id, evt), "application/json");

    private async Task<JsonElement> Completed(string channel)
    {
        var calls = await _host.WaitForAsync(r => r.Method == "files.completeUploadExternal" && SlackBotHost.Json(r.Body).GetProperty("channel_id").GetString() == channel, timeoutSeconds: 60);
        return SlackBotHost.Json(calls.Single().Body);
    }
}
