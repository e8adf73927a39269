namespace RevBot.Host.Hosting;

/// <summary>
/// Answers 413 to any request that declares a body over the limit, before an endpoint looks at it: otherwise an
/// endpoint that answers first (404 unknown deal, 401 bad key) would hide that the body was never acceptable. A body
/// without a declared length is cut at the same size by Kestrel while it is read.
/// </summary>
internal static class RequestSizeLimit
{
    public static IApplicationBuilder UseRequestSizeLimit(this IApplicationBuilder app, long maxBytes) => app.Use(async (context, next) =>
    {
        if (context.Request.ContentLength > maxBytes)
        {
            // The body is left unread; Kestrel deals with it after the response, as for any endpoint that answers early.
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        await next(context);
    });
}
