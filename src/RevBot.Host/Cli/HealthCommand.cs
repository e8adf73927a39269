using System.CommandLine;

namespace RevBot.Host.Cli;

/// <summary><c>revbot health</c>: exits 0 when a running host answers /healthz. The container HEALTHCHECK uses it (the runtime image has no curl).</summary>
internal static class HealthCommand
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "The health endpoint.", DefaultValueFactory = _ => "http://127.0.0.1:8080/healthz" };
        var cmd = new Command("health", "Check that a running RevBot host is alive.") { url };
        cmd.SetAction(async (parse, ct) =>
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            try
            {
                using var response = await http.GetAsync(new Uri(parse.GetValue(url)!), ct);
                return response.IsSuccessStatusCode ? 0 : 1;
            }
            catch (HttpRequestException)
            {
                return 1;
            }
            catch (TaskCanceledException)
            {
                return 1;
            }
        });
        return cmd;
    }
}
