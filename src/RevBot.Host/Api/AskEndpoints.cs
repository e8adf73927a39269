using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Domain;
using RevBot.Core.Periods;
using RevBot.Core.Storage;

namespace RevBot.Host.Api;

/// <summary><c>POST /api/ask</c>: the same answer as <c>revbot ask --format json</c>, behind the API key.</summary>
internal static class AskEndpoints
{
    public const int MaxQuestionLength = 1000;

    /// <summary>The session becomes the conversation key "api:{session}", which must fit its column.</summary>
    public const int MaxSessionLength = ConversationState.MaxKeyLength - 4;

    private const string Example = "a JSON object like {\"question\": \"what is our ARR?\"}";

    public static IEndpointRouteBuilder MapAskEndpoints(this IEndpointRouteBuilder app)
    {
        if (string.IsNullOrEmpty(app.ServiceProvider.GetRequiredService<IOptions<ApiOptions>>().Value.Key)) return app;
        app.MapPost("/api/ask", Ask).AddEndpointFilter<ApiKeyFilter>();
        return app;
    }

    // The body is read here, not bound: binding runs before the key filter and would not count chunked bytes.
    private static async Task<Results<Ok<Answer>, ProblemHttpResult>> Ask(HttpContext http, AskService ask, QuestionRateLimiter limiter, CancellationToken ct)
    {
        if (!http.Request.HasJsonContentType())
            return TypedResults.Problem($"Send Content-Type: application/json and {Example}.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        var (json, problem) = await ApiJsonBody.ReadAsync(http.Request, Example, ct);
        if (problem is not null) return problem;
        AskApiRequest? body;
        try { body = json.Deserialize<AskApiRequest>(JsonSerializerOptions.Web); }
        catch (JsonException) { body = null; }
        if (body is null || string.IsNullOrWhiteSpace(body.Question))
            return TypedResults.Problem($"Send {Example}: \"question\" must be non-empty text, and \"asOf\", \"user\" and \"session\" text when given.", statusCode: StatusCodes.Status400BadRequest);
        var tooLong = ApiJsonBody.TooLong("\"question\"", body.Question, MaxQuestionLength) ?? ApiJsonBody.TooLong("\"user\"", body.User, UserEmails.MaxLength)
            ?? ApiJsonBody.TooLong("\"session\"", body.Session, MaxSessionLength);
        if (tooLong is not null) return tooLong;
        DateOnly? asOf = null;
        if (!string.IsNullOrWhiteSpace(body.AsOf))
        {
            if (!SupportedDates.TryParse(body.AsOf, out var parsed, out var error))
                return TypedResults.Problem($"\"asOf\" {error}.", statusCode: StatusCodes.Status400BadRequest);
            asOf = parsed;
        }
        // Per asking user (the API key is one, but the people behind an integration are many), and per key: the user
        // is the caller's free text, so rotating it must not lift the limit.
        if (!limiter.TryAcquire($"api:{body.User}", ApiCaller.Get(http)))
            return TypedResults.Problem(QuestionRateLimiter.TooFast(body.Question).Text, statusCode: StatusCodes.Status429TooManyRequests);
        var session = string.IsNullOrWhiteSpace(body.Session) ? null : $"api:{body.Session}";
        var answer = await ask.AskAsync(new AskRequest(body.Question, body.User, asOf, session), ct);
        return TypedResults.Ok(answer);
    }
}
