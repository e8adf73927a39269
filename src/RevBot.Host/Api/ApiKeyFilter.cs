using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace RevBot.Host.Api;

/// <summary>Requires <c>X-Api-Key</c> to equal <c>Api:Key</c>, compared in constant time (hashes first, so length leaks nothing).</summary>
internal sealed class ApiKeyFilter(IOptions<ApiOptions> options, ILogger<ApiKeyFilter> log) : IEndpointFilter
{
    public const string Header = "X-Api-Key";

    private readonly byte[] _expected = SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.Key ?? ""));

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var presented = context.HttpContext.Request.Headers[Header].ToString();
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        if (presented.Length == 0 || !CryptographicOperations.FixedTimeEquals(hash, _expected))
        {
            log.LogWarning("Rejected API request to {Path}: missing or wrong API key.", context.HttpContext.Request.Path);
            return TypedResults.Problem("A valid X-Api-Key header is required.", statusCode: StatusCodes.Status401Unauthorized);
        }
        ApiCaller.Set(context.HttpContext, presented);
        return await next(context);
    }
}
