using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RevBot.Core.Replies;
using RevBot.Slack.App.Rendering;
using RevBot.Slack.Protocol.WebApi;

namespace RevBot.IntegrationTests.Slack;

public sealed class SlackApiClientTests
{
    private const string Posted = """{"ok":true,"channel":"C1","ts":"1700000000.000100"}""";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(FakeSlack Fake, ServiceProvider Services, SlackApiClient Client)> StartAsync(Func<FakeRequest, FakeResponse> respond)
    {
        var fake = await FakeSlack.StartAsync(respond, _time);
        var services = SlackTestServices.Build(fake, _time);
        return (fake, services, services.GetRequiredService<SlackApiClient>());
    }

    [Fact]
    public async Task Calls_send_the_bot_token_as_a_bearer_header_json_for_writes_and_form_fields_for_reads()
    {
        var (fake, services, client) = await StartAsync(r => FakeResponse.Ok(r.Method switch
        {
            "chat.postMessage" => Posted,
            "users.info" => """{"ok":true,"user":{"id":"U1","tz":"Europe/Madrid","profile":{"email":"ana@example.com"}}}""",
            _ => """{"ok":true,"url":"https://acme.slack.com/","team":"Acme","user":"revbot","team_id":"T1","user_id":"U0","bot_id":"B1"}""",
        }));
        await using (fake)
        using (services)
        {
            var message = ReplyRenderer.Render(new Reply { Title = "Win rate", Text = "42%" });
            var posted = await client.PostMessageAsync(PostMessageRequest.From("C1", message), Ct);
            var user = await client.UserInfoAsync(new UserInfoRequest("U1"), Ct);
            var auth = await client.AuthTestAsync(Ct);

            Assert.True(posted.Ok);
            Assert.Equal(new SlackMessageRef("C1", "1700000000.000100"), posted.Value);
            Assert.Equal("ana@example.com", user.Value!.User.Profile!.Email);
            Assert.Equal("B1", auth.Value!.BotId);
            Assert.All(fake.Requests, r => Assert.Equal($"Bearer {SlackTestServices.BotToken}", r.Authorization));

            var post = fake.Calls("chat.postMessage").Single();
            Assert.StartsWith("application/json", post.ContentType, StringComparison.Ordinal);
            using var body = JsonDocument.Parse(post.Body);
            Assert.Equal("C1", body.RootElement.GetProperty("channel").GetString());
            Assert.Equal("header", body.RootElement.GetProperty("blocks")[0].GetProperty("type").GetString());
            Assert.Equal("application/x-www-form-urlencoded", fake.Calls("users.info").Single().ContentType);
            Assert.Equal("user=U1", fake.Calls("users.info").Single().Body);
        }
    }

    [Fact]
    public async Task Slack_ok_false_becomes_a_typed_error_and_is_not_retried()
    {
        var (fake, services, client) = await StartAsync(_ => FakeResponse.Ok("""{"ok":false,"error":"channel_not_found","response_metadata":{"messages":["[ERROR] no such channel"]}}"""));
        await using (fake)
        using (services)
        {
            var result = await client.ConversationInfoAsync(new ConversationInfoRequest("C404"), Ct);

            Assert.False(result.Ok);
            Assert.Equal(SlackErrorCodes.ChannelNotFound, result.Error.Code);
            Assert.Equal("conversations.info", result.Error.Method);
            Assert.Equal(["[ERROR] no such channel"], result.Error.Messages);
            Assert.Single(fake.Requests);
        }
    }

    [Fact]
    public async Task A_rate_limited_call_is_retried_after_retry_after_even_for_a_post()
    {
        var (fake, services, client) = await StartAsync(r => r.Call == 1 ? new FakeResponse(429, """{"ok":false,"error":"ratelimited"}""", 7) : FakeResponse.Ok(Posted));
        await using (fake)
        using (services)
        {
            var result = await FakeClock.RunAsync(_time, client.PostMessageAsync(new PostMessageRequest("C1", "hi"), Ct));

            Assert.True(result.Ok);
            var calls = fake.Calls("chat.postMessage").ToList();
            Assert.Equal(2, calls.Count);
            Assert.InRange(calls[1].At - calls[0].At, TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(8));
        }
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_policy_allows_is_returned_for_the_caller_to_schedule()
    {
        var (fake, services, client) = await StartAsync(_ => new FakeResponse(429, """{"ok":false,"error":"ratelimited"}""", 600));
        await using (fake)
        using (services)
        {
            var result = await client.UserInfoAsync(new UserInfoRequest("U1"), Ct);

            Assert.Equal(SlackErrorCodes.RateLimited, result.Error!.Code);
            Assert.Equal(TimeSpan.FromSeconds(600), result.Error.RetryAfter);
            Assert.Single(fake.Requests);
        }
    }

    [Fact]
    public async Task A_server_error_on_chat_post_message_is_not_blindly_retried()
    {
        var (fake, services, client) = await StartAsync(_ => new FakeResponse(503, "upstream unavailable"));
        await using (fake)
        using (services)
        {
            var result = await client.PostMessageAsync(new PostMessageRequest("C1", "hi"), Ct);

            Assert.Equal(SlackErrorCodes.HttpError, result.Error!.Code);
            Assert.Equal(503, result.Error.HttpStatus);
            Assert.Single(fake.Requests);
        }
    }

    [Fact]
    public async Task A_server_error_on_a_read_is_retried_with_backoff()
    {
        var (fake, services, client) = await StartAsync(r => r.Call <= 2
            ? new FakeResponse(502, "bad gateway")
            : FakeResponse.Ok("""{"ok":true,"user":{"id":"U1","name":"ana"}}"""));
        await using (fake)
        using (services)
        {
            var result = await FakeClock.RunAsync(_time, client.LookupUserByEmailAsync(new LookupByEmailRequest("ana@example.com"), Ct));

            Assert.True(result.Ok);
            var calls = fake.Calls("users.lookupByEmail").ToList();
            Assert.Equal(3, calls.Count);
            Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromSeconds(1));
            Assert.True(calls[2].At - calls[1].At >= TimeSpan.FromSeconds(2));
        }
    }

    [Fact]
    public async Task Posts_to_one_channel_are_paced_a_second_apart_while_another_channel_goes_at_once()
    {
        var (fake, services, client) = await StartAsync(_ => FakeResponse.Ok(Posted));
        await using (fake)
        using (services)
        {
            var start = _time.GetUtcNow();
            var posts = new[] { "C1", "C1", "C1", "C2" }.Select(c => client.PostMessageAsync(new PostMessageRequest(c, "hi"), Ct)).ToList();
            await fake.WaitForRequestsAsync(2);
            var results = await FakeClock.RunAsync(_time, Task.WhenAll(posts));

            Assert.All(results, r => Assert.True(r.Ok));
            var c1 = fake.Requests.Where(r => r.Body.Contains("\"C1\"", StringComparison.Ordinal)).Select(r => r.At).Order().ToList();
            var c2 = fake.Requests.Single(r => r.Body.Contains("\"C2\"", StringComparison.Ordinal));
            Assert.Equal(start, c2.At);
            Assert.Equal(start, c1[0]);
            // No post goes before its slot; arrival can be later than the slot when the machine is busy (the fake
            // clock keeps moving while a request is in flight), so gaps between arrivals are not asserted.
            Assert.True(c1[1] >= start + TimeSpan.FromSeconds(1), $"second post at {c1[1] - start}");
            Assert.True(c1[2] >= start + TimeSpan.FromSeconds(2), $"third post at {c1[2] - start}");
        }
    }

    [Fact]
    public async Task A_file_is_uploaded_in_three_steps_and_shared()
    {
        FakeSlack? self = null;
        var (fake, services, client) = await StartAsync(r => r.Method switch
        {
            "files.getUploadURLExternal" => FakeResponse.Ok($$"""{"ok":true,"upload_url":"{{self!.BaseUri}}upload/F1","file_id":"F1"}"""),
            "/upload/F1" => new FakeResponse(200, "OK - 5"),
            _ => FakeResponse.Ok("""{"ok":true,"files":[{"id":"F1","title":"chart.png"}]}"""),
        });
        self = fake;
        await using (fake)
        using (services)
        {
            var result = await client.UploadFileAsync("chart.png", "hello"u8.ToArray(), "C1", ct: Ct);

            Assert.True(result.Ok);
            Assert.Equal(["files.getUploadURLExternal", "/upload/F1", "files.completeUploadExternal"], fake.Requests.Select(r => r.Method));
            Assert.Equal("filename=chart.png&length=5", fake.Requests.First().Body);
            Assert.Contains("hello", fake.Calls("/upload/F1").Single().Body, StringComparison.Ordinal);
            Assert.Equal("", fake.Calls("/upload/F1").Single().Authorization);
            Assert.Contains("\"channel_id\":\"C1\"", fake.Calls("files.completeUploadExternal").Single().Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_response_url_post_carries_no_token_and_reports_an_expired_url()
    {
        var (fake, services, client) = await StartAsync(r => r.Call == 1 ? new FakeResponse(200, "ok") : new FakeResponse(404, "expired_url"));
        await using (fake)
        using (services)
        {
            var url = new Uri(fake.BaseUri, "hooks/T1/123/abc");
            var message = ResponseUrlMessage.From(SlackMessages.WorkingOnIt(), SlackResponseType.InChannel);
            var first = await client.RespondAsync(url, message, Ct);
            var second = await client.RespondAsync(url, message, Ct);

            Assert.True(first.Ok);
            Assert.Equal(SlackErrorCodes.ExpiredUrl, second.Error!.Code);
            Assert.Equal("", fake.Requests.First().Authorization);
            Assert.Contains("\"response_type\":\"in_channel\"", fake.Requests.First().Body, StringComparison.Ordinal);
        }
    }
}
