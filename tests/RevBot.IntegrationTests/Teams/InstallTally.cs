using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace RevBot.IntegrationTests.Teams;

/// <summary>
/// Counts the install activities (installationUpdate, conversationUpdate) the host has finished answering, at the HTTP
/// level in front of the host's pipeline. The Playground answers "install" before sending them, one after the other:
/// a test that changed who the chat's user is after only the first had been handled saw the second give the chat to
/// the wrong person (CI, once). Waiting for both is the signal that installing is over.
/// </summary>
public sealed class InstallTally : IStartupFilter
{
    private readonly Lock _gate = new();
    private readonly List<(int Count, TaskCompletionSource Done)> _waiters = [];

    public int Handled { get; private set; }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, inner) =>
        {
            var install = context.Request.Method == HttpMethods.Post && await IsInstallAsync(context.Request);
            await inner(context);
            if (install) Count();
        });
        next(app);
    };

    /// <summary>Completes once <paramref name="count"/> install activities have been answered.</summary>
    public Task WhenHandledAsync(int count, CancellationToken ct)
    {
        lock (_gate)
        {
            if (Handled >= count) return Task.CompletedTask;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, done));
            return done.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
        }
    }

    private void Count()
    {
        lock (_gate)
        {
            Handled++;
            foreach (var w in _waiters.Where(w => w.Count <= Handled).ToList())
            {
                w.Done.TrySetResult();
                _waiters.Remove(w);
            }
        }
    }

    private static async Task<bool> IsInstallAsync(HttpRequest request)
    {
        request.EnableBuffering();
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            return body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("type", out var type)
                && type.GetString() is "installationUpdate" or "conversationUpdate";
        }
        catch (JsonException)
        {
            return false;
        }
        finally
        {
            request.Body.Position = 0;
        }
    }
}
