using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RevBot.Testing.Sources;

/// <summary>
/// A local stand-in for Stripe's API on 127.0.0.1:0, at the HTTP level: <c>/v1/customers</c>, <c>/v1/subscriptions</c>
/// (status, customer, <c>expand[]</c>, <c>starting_after</c> paging with <c>has_more</c>), <c>/v1/events</c>
/// (<c>type</c> with a wildcard, <c>ending_before</c>, <c>created[gte]</c>), <c>/v1/coupons/{id}</c> and
/// <c>/v1/products/{id}</c>. It records every request, answers scripted failures (a 429 carries no Retry-After, as
/// Stripe's usually do not), and signs webhook deliveries as Stripe does, with its own HMAC (not the SDK's).
/// </summary>
public sealed partial class FakeStripe : IAsyncDisposable
{
    public const string ApiKey = "rk_test_fake_0123456789";

    private readonly WebApplication _app;
    private readonly object _gate = new();
    private readonly Dictionary<string, FakeStripeCustomer> _customers = new(StringComparer.Ordinal);
    private readonly List<FakeStripeSubscription> _subscriptions = [];
    private readonly Dictionary<string, FakeStripeCoupon> _coupons = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _products = new(StringComparer.Ordinal);
    private readonly List<FakeStripeEvent> _events = [];
    private readonly ConcurrentQueue<(Func<FakeStripeRequest, bool> When, int Status)> _failures = new();
    private int _eventSeq;

    private FakeStripe(WebApplication app, TimeProvider clock)
    {
        _app = app;
        Clock = clock;
        app.Map("/{**path}", HandleAsync);
    }

    public TimeProvider Clock { get; }

    public Uri BaseUri { get; private set; } = null!;

    public string BaseUrl => BaseUri.ToString().TrimEnd('/');

    public ConcurrentQueue<FakeStripeRequest> Requests { get; } = new();

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    /// <summary>Changes a successful answer's body before it is sent (a test's malformed page); null leaves answers as they are.</summary>
    public Func<FakeStripeRequest, JsonObject, JsonObject>? Rewrite { get; set; }

    /// <summary>Added to every answer: a benchmark's stand-in for Stripe's own latency and rate limit.</summary>
    public TimeSpan Latency { get; set; }

    public static async Task<FakeStripe> StartAsync(TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var fake = new FakeStripe(builder.Build(), clock ?? TimeProvider.System);
        await fake._app.StartAsync();
        var address = fake._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUri = new Uri(address.EndsWith('/') ? address : address + "/");
        return fake;
    }

    /// <summary>The next <paramref name="times"/> requests that match answer <paramref name="status"/> (429, 500…).</summary>
    public void Fail(int status, int times = 1, Func<FakeStripeRequest, bool>? when = null)
    {
        for (var i = 0; i < times; i++) _failures.Enqueue((when ?? (_ => true), status));
    }

    public void AddProduct(string id, string name)
    {
        lock (_gate) _products[id] = name;
    }

    public void AddCoupon(FakeStripeCoupon coupon)
    {
        lock (_gate) _coupons[coupon.Id] = coupon;
    }

    public void AddCustomer(FakeStripeCustomer customer)
    {
        lock (_gate) _customers[customer.Id] = customer;
    }

    /// <summary>Adds a subscription; it lists first, as the newest does at Stripe.</summary>
    public void AddSubscription(FakeStripeSubscription subscription)
    {
        lock (_gate) _subscriptions.Insert(0, subscription);
    }

    public FakeStripeSubscription Subscription(string id)
    {
        lock (_gate) return _subscriptions.Single(s => s.Id == id);
    }

    /// <summary>Records an event about a subscription as it is now (as Stripe does when it changes).</summary>
    public FakeStripeEvent Emit(string type, FakeStripeSubscription s) =>
        Emit(type, FakeStripeJson.Subscription(s, null, false, false, _coupons, Now));

    public FakeStripeEvent EmitCustomerUpdated(string customerId) => Emit("customer.updated", FakeStripeJson.Customer(_customers[customerId]));

    public FakeStripeEvent Emit(string type, JsonObject obj)
    {
        lock (_gate)
        {
            var e = new FakeStripeEvent($"evt_{++_eventSeq:D8}", type, Now, obj);
            _events.Add(e);
            return e;
        }
    }

    /// <summary>Stripe deletes the object itself: it is gone from the API (404).</summary>
    public void Remove(string subscriptionId)
    {
        lock (_gate) _subscriptions.RemoveAll(s => s.Id == subscriptionId);
    }

    /// <summary>An event as a webhook delivers it: the JSON body.</summary>
    public string EventJson(FakeStripeEvent e) => FakeStripeJson.Event(e).ToJsonString();

    /// <summary>A delivery's body for an event Stripe never recorded (a forged one): <c>/v1/events</c> does not list it.</summary>
    public string ForgedEventJson(string type, FakeStripeSubscription s) =>
        FakeStripeJson.Event(new FakeStripeEvent("evt_forged", type, Now, FakeStripeJson.Subscription(s, null, false, false, _coupons, Now))).ToJsonString();

    /// <summary>A <c>Stripe-Signature</c> header for <paramref name="payload"/>: <c>t=…,v1=</c>HMAC-SHA256 of "t.payload" in hex.</summary>
    public static string Sign(string payload, string secret, DateTimeOffset at)
    {
        var t = at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(t + "." + payload));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }

    public IEnumerable<FakeStripeRequest> Calls(string pathPrefix) => Requests.Where(r => r.Path.StartsWith(pathPrefix, StringComparison.Ordinal));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var request = new FakeStripeRequest(context.Request.Method, context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "",
            context.Request.Headers.Authorization.ToString(), context.Request.Headers["Stripe-Version"].FirstOrDefault());
        Requests.Enqueue(request);
        if (Latency > TimeSpan.Zero) await Task.Delay(Latency, context.RequestAborted);
        if (_failures.TryPeek(out var failure) && failure.When(request) && _failures.TryDequeue(out failure))
        {
            await WriteAsync(context, failure.Status, FakeStripeJson.Error(failure.Status == 429 ? "invalid_request_error" : "api_error",
                failure.Status == 429 ? "rate_limit" : null, failure.Status == 429 ? "Too many requests." : "Scripted failure."));
            return;
        }
        if (request.Authorization != "Bearer " + ApiKey)
        {
            await WriteAsync(context, 401, FakeStripeJson.Error("invalid_request_error", null, "Invalid API Key provided."));
            return;
        }
        var (status, body) = Answer(request.Path, context.Request.Query);
        await WriteAsync(context, status, status == 200 && Rewrite is { } rewrite ? rewrite(request, body) : body);
    }

    private static async Task WriteAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }
}
