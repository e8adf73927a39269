using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace RevBot.Slack.Protocol.Signing;

public static class SlackRequestBodyExtensions
{
    /// <summary>The verified raw body of a request that passed <see cref="SlackSignatureFilter"/>.</summary>
    public static SlackRequestBody GetSlackBody(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<SlackRequestBody>()
            ?? throw new InvalidOperationException("This endpoint is not behind SlackSignatureFilter (use RequireSlackSignature()).");
    }

    /// <summary>Puts an endpoint or a group behind Slack request verification.</summary>
    public static TBuilder RequireSlackSignature<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, SlackSignatureFilter>();
}
