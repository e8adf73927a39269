using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Teams;
using RevBot.Teams.Protocol.Activities;
using RevBot.Teams.Protocol.Connector;

namespace RevBot.IntegrationTests.Teams;

/// <summary>The connector client against a local fake connector and token endpoint, built through <c>AddTeams</c>.</summary>
public sealed class ConnectorClientTests : IAsyncLifetime
{
    private const string Conversation = "19:abc@thread.skype;messageid=1700000000000";
    private FakeConnector _fake = null!;

    public async ValueTask InitializeAsync() => _fake = await FakeConnector.StartAsync();

    public async ValueTask DisposeAsync() => await _fake.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_token_is_fetched_once_cached_and_sent_only_to_the_connector()
    {
        using var services = Build();
        var client = services.GetRequiredService<ConnectorClient>();
        var to = new ConversationAddress(_fake.ServiceUrl, Conversation);

        for (var i = 0; i < 3; i++) Assert.True((await client.SendAsync(to, BotActivity.Message($"hello {i}"), Ct)).Succeeded);

        var tokenRequest = Assert.Single(_fake.TokenRequests);
        Assert.Equal("botframework.com", tokenRequest["tenant"]);
        Assert.Equal("client_credentials", tokenRequest["grant_type"]);
        Assert.Equal(TestTokens.AppId, tokenRequest["client_id"]);
        Assert.Equal("https://api.botframework.com/.default", tokenRequest["scope"]);
        Assert.All(_fake.Requests, r => Assert.Equal("Bearer token-1", r.Authorization));
        Assert.All(_fake.Requests, r => Assert.Equal($"/amer/v3/conversations/{Conversation}/activities", r.Path));
    }

    [Fact]
    public async Task A_single_tenant_bot_asks_its_own_tenant_for_the_token()
    {
        using var services = Build(("Teams:TenantId", TestTokens.TenantId));
        await services.GetRequiredService<ConnectorClient>().SendTypingAsync(new ConversationAddress(_fake.ServiceUrl, Conversation), Ct);
        Assert.Equal(TestTokens.TenantId, Assert.Single(_fake.TokenRequests)["tenant"]);
    }

    [Fact]
    public async Task A_429_is_retried_with_backoff_until_it_succeeds()
    {
        using var services = Build();
        _fake.Script(429, 429);

        var result = await services.GetRequiredService<ConnectorClient>().SendAsync(new ConversationAddress(_fake.ServiceUrl, Conversation), BotActivity.Message("hi"), Ct);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal("activity-3", result.Value!.Id);
        Assert.Equal(3, _fake.Requests.Count);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task A_message_creating_post_is_not_retried_after_a_5xx(int status)
    {
        using var services = Build();
        _fake.Script(status);

        var result = await services.GetRequiredService<ConnectorClient>().SendAsync(new ConversationAddress(_fake.ServiceUrl, Conversation), BotActivity.Message("once"), Ct);

        Assert.Equal(ConnectorErrorKind.ServerError, result.Error?.Kind);
        Assert.Equal(status, result.Error?.StatusCode);
        Assert.Single(_fake.Requests);
    }

    [Fact]
    public async Task An_update_in_place_is_retried_after_a_502_because_it_is_idempotent()
    {
        using var services = Build();
        _fake.Script(502);

        var result = await services.GetRequiredService<ConnectorClient>().UpdateAsync(new ConversationAddress(_fake.ServiceUrl, Conversation), "activity-9", BotActivity.Message("v2"), Ct);

        Assert.True(result.Succeeded);
        Assert.Equal(2, _fake.Requests.Count);
        Assert.All(_fake.Requests, r => Assert.Equal(("PUT", $"/amer/v3/conversations/{Conversation}/activities/activity-9"), (r.Method, r.Path)));
    }

    [Theory]
    [InlineData("evil")]
    [InlineData("lookalike")]
    [InlineData("plain-http")]
    public async Task An_untrusted_service_url_is_refused_without_sending_the_token(string kind)
    {
        using var services = Build();
        var url = kind switch
        {
            "evil" => $"{_fake.BaseUrl}/evil/",
            "lookalike" => $"{_fake.BaseUrl}/amer-evil/",
            _ => "http://connector.example/amer/",
        };

        var result = await services.GetRequiredService<ConnectorClient>().SendAsync(new ConversationAddress(url, Conversation), BotActivity.Message("secret"), Ct);

        Assert.Equal(ConnectorErrorKind.UntrustedServiceUrl, result.Error?.Kind);
        Assert.Empty(_fake.Requests);
        Assert.Empty(_fake.TokenRequests);
    }

    [Fact]
    public async Task A_401_from_the_connector_gets_one_retry_with_a_fresh_token()
    {
        using var services = Build();
        _fake.Script(401);

        var result = await services.GetRequiredService<ConnectorClient>().SendAsync(new ConversationAddress(_fake.ServiceUrl, Conversation), BotActivity.Message("hi"), Ct);

        Assert.True(result.Succeeded);
        Assert.Equal(["Bearer token-1", "Bearer token-2"], _fake.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task Messages_to_one_conversation_are_paced_to_seven_per_second()
    {
        using var services = Build();
        var client = services.GetRequiredService<ConnectorClient>();
        var to = new ConversationAddress(_fake.ServiceUrl, Conversation);

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => client.SendAsync(to, BotActivity.Message($"m{i}"), Ct)));

        var times = _fake.Requests.Select(r => r.At).Order().ToList();
        Assert.Equal(10, times.Count);
        for (var i = ConversationPacer.PerSecond; i < times.Count; i++)
            Assert.True(times[i] - times[i - ConversationPacer.PerSecond] >= TimeSpan.FromMilliseconds(950), $"request {i} came too soon");
    }

    [Fact]
    public async Task Anonymous_development_mode_sends_no_token()
    {
        using var services = Build(("Teams:AppPassword", null), ("Teams:AllowAnonymous", "true"));
        var result = await services.GetRequiredService<ConnectorClient>().ReplyAsync(new ConversationAddress(_fake.ServiceUrl, Conversation), "activity-1", BotActivity.Message("hi"), Ct);

        Assert.True(result.Succeeded);
        Assert.Equal("", Assert.Single(_fake.Requests).Authorization);
        Assert.Empty(_fake.TokenRequests);
    }

    [Fact]
    public async Task A_personal_conversation_is_created_for_a_proactive_message()
    {
        using var services = Build();
        var parameters = ConversationParameters.Personal("28:" + TestTokens.AppId, "29:user", TestTokens.TenantId);

        var result = await services.GetRequiredService<ConnectorClient>().CreateConversationAsync(_fake.ServiceUrl, parameters, Ct);

        Assert.Equal("a:new-conversation", result.Value?.Id);
        var request = Assert.Single(_fake.Requests);
        Assert.Equal(("POST", "/amer/v3/conversations"), (request.Method, request.Path));
        Assert.Contains("\"tenantId\":\"" + TestTokens.TenantId + "\"", request.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("null", request.Body, StringComparison.Ordinal);
    }

    private ServiceProvider Build(params (string Key, string? Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Teams:AppId"] = TestTokens.AppId,
            ["Teams:AppPassword"] = "test-secret",
            ["Teams:TokenEndpointBaseUrl"] = _fake.TokenEndpointBaseUrl,
            ["Teams:TrustedServiceUrls:0"] = _fake.ServiceUrl,
        };
        foreach (var (key, value) in overrides) settings[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddTeams(configuration);
        services.AddSingleton(new ConnectorRetryPolicy { BaseDelay = TimeSpan.FromMilliseconds(20) });
        return services.BuildServiceProvider();
    }
}
