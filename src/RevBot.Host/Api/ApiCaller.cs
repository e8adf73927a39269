using System.Security.Cryptography;
using System.Text;

namespace RevBot.Host.Api;

/// <summary>
/// Who is calling the API, as authenticated by <see cref="ApiKeyFilter"/>: a short hash of the key presented. Unlike
/// the <c>user</c> a body names, the caller cannot choose it, so limits keyed on it hold whatever the body says.
/// </summary>
internal static class ApiCaller
{
    private const string Item = "RevBot.ApiCaller";

    public static void Set(HttpContext context, string key) =>
        context.Items[Item] = "key:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];

    /// <summary>The caller; only endpoints behind <see cref="ApiKeyFilter"/> ask, so it is always set.</summary>
    public static string Get(HttpContext context) =>
        context.Items[Item] as string ?? throw new InvalidOperationException("This endpoint is not behind ApiKeyFilter.");
}
