using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using RevBot.Core.Input;

namespace RevBot.Host.Api;

/// <summary>
/// How a body enters the HTTP API, for every endpoint that takes one: at most <see cref="MaxBytes"/>, counted as the
/// bytes arrive (413 past it, chunked or not), then JSON whose every string is text the database can store (400
/// naming the member otherwise: invalid UTF-8, an escaped lone surrogate, a NUL character). The API refuses such text
/// rather than cleaning it: the calling program can send it again, correctly.
/// </summary>
internal static class ApiJsonBody
{
    public const int MaxBytes = 64 * 1024;

    /// <param name="example">What a good body looks like, for the 400 answer to a body that is not JSON.</param>
    public static async Task<(JsonElement Body, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, string example, CancellationToken ct)
    {
        var bytes = await BoundedBody.ReadAsync(request.Body, request.ContentLength, MaxBytes, ct);
        if (bytes is null) return (default, TypedResults.Problem($"The body is larger than {MaxBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge));
        if (JsonInput.TryRead(bytes, stripNul: false, out var body, out var error)) return (body, null);
        var detail = error.StartsWith('$')
            ? $"{error}; send UTF-8 text without NUL characters. Nothing was changed."
            : $"The body is not valid JSON; send {example}.";
        return (default, TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest));
    }

    /// <summary>Null when an id or field of <paramref name="what"/> fits; else the 400 that says how long it may be.</summary>
    public static ProblemHttpResult? TooLong(string what, string? value, int max) => value?.Length > max
        ? TypedResults.Problem($"{what} is longer than {max} characters.", statusCode: StatusCodes.Status400BadRequest)
        : null;
}
