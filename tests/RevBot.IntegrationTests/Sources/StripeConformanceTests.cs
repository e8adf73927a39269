using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using RevBot.IntegrationTests.Slack;
using RevBot.Testing.Sources;
using Stripe;

namespace RevBot.IntegrationTests.Sources;

/// <summary>
/// The fake Stripe's answers are Stripe's shapes: each one deserialises with Stripe.net's own types (the SDK RevBot
/// uses) and type-checks, with tsc --strict, against the `stripe` npm package's types (tests/conformance/stripe).
/// </summary>
public sealed class StripeConformanceTests
{
    private static readonly (string Name, string Type, string Path)[] Fixtures =
    [
        ("subscriptions_expanded", "Stripe.ApiList<Stripe.Subscription>", "/v1/subscriptions?status=all&limit=20&expand[]=data.customer&expand[]=data.discounts&expand[]=data.items.data.discounts"),
        ("subscriptions", "Stripe.ApiList<Stripe.Subscription>", "/v1/subscriptions?status=all&limit=20"),
        ("subscription", "Stripe.Subscription", "/v1/subscriptions/sub_0000014?expand[]=customer&expand[]=discounts"),
        ("customers", "Stripe.ApiList<Stripe.Customer>", "/v1/customers?limit=3"),
        ("coupon_percent", "Stripe.Coupon", "/v1/coupons/pct20"),
        ("coupon_amount", "Stripe.Coupon", "/v1/coupons/off500"),
        ("product", "Stripe.Product", "/v1/products/prod_pro"),
        ("events", "Stripe.ApiList<Stripe.Event>", "/v1/events?limit=10&type=customer.*"),
    ];

    [Fact]
    public async Task The_fakes_answers_deserialise_with_stripe_net_and_type_check_against_stripes_npm_types()
    {
        NodeConformance.Require("stripe", "typescript");
        var json = await FetchAsync();

        var client = new StripeClient("rk_unused");
        var expanded = client.Deserialize<StripeList<Subscription>>(json["subscriptions_expanded"]);
        var fourteenth = expanded.Data.Single(s => s.Id == "sub_0000014");
        Assert.Equal("cus_0000014", fourteenth.Customer.Id);
        Assert.Equal("A-14", fourteenth.Customer.Metadata[FakeStripe.MetadataKey]);
        Assert.Equal("pct20", fourteenth.Discounts.Single().Source.CouponId);
        Assert.Equal("month", fourteenth.Items.Data[0].Price.Recurring.Interval);
        Assert.Equal(3, fourteenth.Items.Data[0].Price.Recurring.IntervalCount);
        Assert.Equal(29_700, fourteenth.Items.Data[0].Price.UnitAmount);
        Assert.Equal("cus_0000014", client.Deserialize<StripeList<Subscription>>(json["subscriptions"]).Data.Single(s => s.Id == "sub_0000014").CustomerId);
        Assert.Equal(500, client.Deserialize<Coupon>(json["coupon_amount"]).AmountOff);
        Assert.Equal("Pro", client.Deserialize<Product>(json["product"]).Name);
        var events = client.Deserialize<StripeList<Event>>(json["events"]);
        Assert.Equal("sub_0000002", Assert.IsType<Subscription>(events.Data.First(e => e.Type == "customer.subscription.deleted").Data.Object).Id);
        Assert.Equal("cus_0000003", Assert.IsType<Customer>(events.Data.First(e => e.Type == "customer.updated").Data.Object).Id);

        var (exit, output) = await TypeCheckAsync(json);
        Assert.True(exit == 0, $"tsc rejected a fixture:\n{output}");
    }

    private static async Task<Dictionary<string, string>> FetchAsync()
    {
        await using var fake = await FakeStripe.StartAsync();
        fake.Generate(20, i => $"A-{i}");
        fake.Emit("customer.subscription.updated", fake.Subscription("sub_0000001"));
        var cancelled = fake.Subscription("sub_0000002");
        cancelled.Status = "canceled";
        cancelled.EndedAt = cancelled.CanceledAt = fake.Now;
        fake.Emit("customer.subscription.deleted", cancelled);
        fake.EmitCustomerUpdated("cus_0000003");
        using var http = new HttpClient { BaseAddress = fake.BaseUri };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", FakeStripe.ApiKey);
        var json = new Dictionary<string, string>();
        foreach (var (name, _, path) in Fixtures)
            json[name] = await http.GetStringAsync(path.TrimStart('/'), TestContext.Current.CancellationToken);
        return json;
    }

    private static async Task<(int Exit, string Output)> TypeCheckAsync(Dictionary<string, string> json)
    {
        var ts = new StringBuilder();
        ts.AppendLine("import type Stripe from 'stripe';");
        ts.AppendLine("import type { Wire } from '../stripe/wire';");
        foreach (var (name, type, _) in Fixtures)
            ts.AppendLine(CultureInfo.InvariantCulture, $"export const {name}: Wire<{type}> = {json[name]};");
        // Proof that the check bites: a subscription without its items is not a Stripe.Subscription.
        ts.AppendLine("// @ts-expect-error");
        ts.AppendLine("export const must_fail: Wire<Stripe.Subscription> = { id: 'sub_x', object: 'subscription' };");
        var dir = Directory.CreateDirectory(Path.Combine(NodeConformance.Directory, ".generated"));
        var file = Path.Combine(dir.FullName, $"stripe-fixtures-{Guid.NewGuid():N}.ts");
        await System.IO.File.WriteAllTextAsync(file, ts.ToString(), TestContext.Current.CancellationToken);
        try
        {
            var (exit, stdout, stderr) = await NodeConformance.RunAsync("", "node_modules/typescript/bin/tsc",
                "--noEmit", "--strict", "--esModuleInterop", "--target", "es2022", "--module", "commonjs", "--moduleResolution", "node10", "--skipLibCheck",
                Path.GetRelativePath(NodeConformance.Directory, file));
            return (exit, stdout + stderr);
        }
        finally
        {
            System.IO.File.Delete(file);
        }
    }
}
