using System.CommandLine;
using RevBot.Host.Hosting;

namespace RevBot.Host.Cli;

/// <summary>
/// <c>revbot health</c>: exits 0 when a running host answers /healthz, else says what it tried and exits 1. Without
/// <c>--url</c> it asks the address the host on this machine listens on, read from the same settings
/// (<see cref="RevBotConfiguration.LocalUrl"/>). The container HEALTHCHECK uses it (the runtime image has no curl).
/// </summary>
internal static class HealthCommand
{
    public static Command Create()
    {
        var url = new Option<string?>("--url")
        {
            Description = "The health endpoint (default: /healthz at the host's own address: its Urls setting or ASPNETCORE_URLS, else http://127.0.0.1:5080).",
        };
        var cmd = new Command("health", "Check that a running RevBot host is alive.") { url };
        cmd.SetAction(async (parse, ct) =>
        {
            var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            var text = parse.GetValue(url) ?? RevBotConfiguration.LocalUrl(RevBotConfiguration.ForCommand()) + "/healthz";
            if (!Uri.TryCreate(text, UriKind.Absolute, out var target) || target.Scheme is not ("http" or "https"))
            {
                await error.WriteLineAsync($"revbot: the health address must be an http(s) URL such as http://127.0.0.1:5080/healthz (got '{text}').");
                return 2;
            }
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            try
            {
                using var response = await http.GetAsync(target, ct);
                if (response.IsSuccessStatusCode)
                {
                    await output.WriteLineAsync($"{target}: {(int)response.StatusCode} {response.ReasonPhrase}");
                    return 0;
                }
                await error.WriteLineAsync($"revbot: {target} answered {(int)response.StatusCode} {response.ReasonPhrase}: the host is not healthy.");
            }
            catch (HttpRequestException ex)
            {
                await error.WriteLineAsync($"revbot: nothing answered at {target} ({ex.Message}); is the host running there? Give --url if it listens elsewhere.");
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                await error.WriteLineAsync($"revbot: {target} did not answer within 5 s.");
            }
            return 1;
        });
        return cmd;
    }
}
