using RevBot.Core.Images;

namespace RevBot.Host.Hosting;

/// <summary>
/// <c>GET /images/{token}.png</c>: a reply image (a digest chart) for Teams, which loads card images by URL. No
/// authentication: the 256-bit token in the URL is the secret, and it expires (Digests:ImageLifetime). Unknown,
/// malformed and expired tokens are all 404, without a database read for a malformed one. The bytes behind a token
/// never change, so the answer may be cached for as long as it lives.
/// </summary>
internal static class ImageEndpoints
{
    public static IEndpointRouteBuilder MapImageEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/images/{file}", Get);
        return app;
    }

    private static async Task<IResult> Get(string file, ReplyImageStore images, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        if (!file.EndsWith(".png", StringComparison.Ordinal)) return Results.NotFound();
        var image = await images.LoadAsync(file[..^4], ct);
        if (image is null) return Results.NotFound();
        var maxAge = Math.Max(0, (long)(image.ExpiresAt - time.GetUtcNow().UtcDateTime).TotalSeconds);
        http.Response.Headers.CacheControl = $"public, max-age={maxAge}, immutable";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Bytes(image.Bytes, image.ContentType);
    }
}
