using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Hosting;

/// <summary>
/// The real host on a new SQLite file with no demo company on a free port, for tests of one setting or endpoint: a copy
/// of the migrated template (<see cref="HostDatabaseTemplates"/>), as the host would have migrated an empty file.
/// </summary>
internal static class BareHost
{
    public static Task<WebApplication> StartAsync(params string[] settings)
    {
        var path = TestFiles.NewPath("bare.db");
        return HostDatabaseTemplates.StartAsync(path, ["--urls=http://127.0.0.1:0", "--Database:SeedDemoData=false", .. settings],
            ct: TestContext.Current.CancellationToken);
    }

    /// <summary>A client for the host's address, sending <paramref name="apiKey"/> as X-Api-Key when given.</summary>
    public static HttpClient Client(WebApplication app, string? apiKey = null)
    {
        var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
        if (apiKey is not null) http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return http;
    }
}
