using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using RevBot.Core.Conversation;

namespace RevBot.Host.Api;

/// <summary><c>POST /api/ask</c>: the same answer as <c>revbot ask --format json</c>, behind the API key.</summary>
internal static class AskEndpoints
{
    public const int MaxQuestionLength = 1000;

    public static IEndpointRouteBuilder MapAskEndpoints(this IEndpointRouteBuilder app)
    {
        if (string.IsNullOrEmpty(app.ServiceProvider.GetRequiredService<IOptions<ApiOptions>>().Value.Key)) return app;
        app.MapPost("/api/ask", Ask).AddEndpointFilter<ApiKeyFilter>();
        return app;
    }

    private static async Task<Results<Ok<Answer>, ProblemHttpResult>> Ask(AskApiRequest? body, AskService ask, QuestionRateLimiter limiter, CancellationToken ct)
    {
        if (body is null || string.IsNullOrWhiteSpace(body.Question))
            return TypedResults.Problem("Send a JSON body with a non-empty \"question\".", statusCode: StatusCodes.Status400BadRequest);
        if (body.Question.Length > MaxQuestionLength)
            return TypedResults.Problem($"\"question\" is longer than {MaxQuestionLength} characters.", statusCode: StatusCodes.Status400BadRequest);
        DateOnly? asOf = null;
        if (!string.IsNullOrWhiteSpace(body.AsOf))
        {
            if (!DateOnly.TryParseExact(body.AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                return TypedResults.Problem("\"asOf\" must be a date like 2026-11-27.", statusCode: StatusCodes.Status400BadRequest);
            asOf = parsed;
        }
        // Per asking user: the API key is one, but the people behind an integration are many.
        if (!limiter.TryAcquire($"api:{body.User}"))
            return TypedResults.Problem(QuestionRateLimiter.TooFast(body.Question).Text, statusCode: StatusCodes.Status429TooManyRequests);
        var session = string.IsNullOrWhiteSpace(body.Session) ? null : $"api:{body.Session}";
        var answer = await ask.AskAsync(new AskRequest(body.Question, body.User, asOf, session), ct);
        return TypedResults.Ok(answer);
    }
}
