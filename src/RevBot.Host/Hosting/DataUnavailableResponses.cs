using System.Globalization;
using RevBot.Core.Storage;

namespace RevBot.Host.Hosting;

/// <summary>
/// One place for every endpoint (the HTTP API, health, and whatever a chat surface did not answer itself): a request
/// that failed because the database can't be reached (<see cref="DataUnavailable"/>) is answered 503 with a problem
/// body saying so and <c>Retry-After</c>, never a 500. Its transaction never committed, so nothing changed.
/// </summary>
internal static partial class DataUnavailableResponses
{
    public const string Detail = "The revenue data can't be reached right now, so nothing was read or changed. Try again in a few seconds.";

    public static IApplicationBuilder UseDataUnavailableResponses(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (DataUnavailable.Is(ex) && !context.Response.HasStarted)
        {
            LogUnavailable(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("RevBot.Database"),
                context.Request.Method, context.Request.Path.Value, ex.GetType().Name, ex.GetBaseException().Message);
            context.Response.Clear();
            context.Response.Headers.RetryAfter = ((int)DataUnavailable.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            await TypedResults.Problem(Detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "The revenue data can't be reached").ExecuteAsync(context);
        }
    });

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database could not be reached ({Error}: {Reason}) for {Method} {Path}; answered 503.")]
    private static partial void LogUnavailable(ILogger logger, string method, string? path, string error, string reason);
}
