using System.Net;
using RevBot.Core.Domain;
using RevBot.Core.Telemetry;

namespace RevBot.Host.Hosting;

/// <summary>
/// Counts the Slack or Teams API calls that fail at the HTTP level (429, 5xx, no answer) into
/// <c>revbot.chat_api.errors</c>. Slack's <c>ok: false</c> answers are not counted here (they arrive as 200); the
/// client logs them with their error code.
/// </summary>
internal sealed class ChatApiErrorCounter(ChatPlatform platform) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) RevBotMetrics.ChatApiError(platform, rateLimited: true);
            else if ((int)response.StatusCode >= 500) RevBotMetrics.ChatApiError(platform, rateLimited: false);
            return response;
        }
        catch (HttpRequestException)
        {
            RevBotMetrics.ChatApiError(platform, rateLimited: false);
            throw;
        }
    }
}
