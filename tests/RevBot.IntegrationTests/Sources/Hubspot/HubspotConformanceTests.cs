using System.Globalization;
using System.Text;
using RevBot.Data.Storage;
using RevBot.IntegrationTests.Slack;
using RevBot.Sources.Sync;
using RevBot.Testing.Sources.Hubspot;

namespace RevBot.IntegrationTests.Sources.Hubspot;

/// <summary>
/// Every request RevBot sent to the fake HubSpot during a sync and a round of write-backs, and every answer the fake
/// gave, embedded as literals typed with @hubspot/api-client's own models (tests/conformance/hubspot/types.ts) and
/// checked by tsc --strict: a field RevBot misspells, or one the fake invents, fails with tsc's own message.
/// </summary>
[Collection(HubspotWorld.Collection)]
public sealed class HubspotConformanceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_request_revbot_sends_and_every_answer_the_fake_gives_type_checks_against_hubspots_client()
    {
        NodeConformance.Require("@hubspot/api-client", "typescript");
        await using var world = await HubspotWorld.StartAsync(DbProvider.Sqlite, pageSize: 2, window: 6);
        var sample = FakeHubspotSample.Seed(world.Fake);
        Assert.Null((await world.SyncAsync(full: true)).Error);
        world.Fake.Archive(sample.Deals[5]);
        Assert.Null((await world.SyncAsync()).Error);
        var deal = sample.Deals[3];
        var activity = new CrmActivity("note", "Sent the order form", new DateTime(2026, 2, 14, 9, 0, 0, DateTimeKind.Utc), sample.Ana.Email);
        Assert.Equal(CrmWriteStatus.Written, (await world.Writer.WriteDealAsync(new CrmDealWrite(deal.Id, new Dictionary<string, string?> { ["amount"] = "1500", ["stage"] = "Closed Won", ["close_date"] = "2026-02-14" }, deal.ModifiedAt.UtcDateTime, activity), Ct)).Status);
        Assert.Equal(CrmWriteStatus.Refused, (await world.Writer.WriteDealAsync(new CrmDealWrite(deal.Id, new Dictionary<string, string?> { ["amount"] = "lots" }, deal.ModifiedAt.UtcDateTime), Ct)).Status);

        var exchanges = world.Fake.Requests.ToList();
        var ts = new StringBuilder("import type * as H from '../hubspot/types';\n");
        var checkedKinds = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var exchange in exchanges)
        {
            var (request, response) = Types(exchange);
            if (request is not null) Add(ts, $"request{i}", request, exchange.Body, checkedKinds);
            if (response is not null && exchange.Response is { } answer) Add(ts, $"response{i}", response, answer, checkedKinds);
            i++;
        }
        // Every kind of exchange the sync and the writer make was seen, so none escaped the check.
        Assert.Equal(
            ["ArchivedPage", "AssociationsAnswer", "AssociationsRequest", "BatchReadAnswer", "BatchReadRequest", "Deal", "DealPatch", "ErrorAnswer",
             "Note", "NoteCreate", "OwnersPage", "PatchedDeal", "Pipelines", "SearchPage", "SearchRequest"],
            checkedKinds.Order(StringComparer.Ordinal));
        // Proof that the check bites: a property value must be a string, and an unknown field is refused.
        ts.AppendLine("// @ts-expect-error");
        ts.AppendLine("export const must_fail_number: H.DealPatch = { properties: { amount: 1500 } };");
        ts.AppendLine("// @ts-expect-error");
        ts.AppendLine("export const must_fail_field: H.SearchRequest = { limit: 1, sort: ['hs_lastmodifieddate'] };");
        await TypeCheckAsync(ts.ToString());
    }

    /// <summary>The types of a request body and of the answer, by endpoint.</summary>
    private static (string? Request, string? Response) Types(FakeHubspotRequest r)
    {
        if (r.Status >= 400) return (r.Method is "PATCH" ? "DealPatch" : null, "ErrorAnswer");
        var path = r.PathOnly;
        return (r.Method, path) switch
        {
            ("GET", "/crm/v3/owners") => (null, "OwnersPage"),
            ("GET", "/crm/v3/pipelines/deals") => (null, "Pipelines"),
            ("POST", _) when path.EndsWith("/search", StringComparison.Ordinal) => ("SearchRequest", "SearchPage"),
            ("POST", "/crm/v3/objects/deals/batch/read") => ("BatchReadRequest", "BatchReadAnswer"),
            ("POST", _) when path.StartsWith("/crm/v4/associations/", StringComparison.Ordinal) => ("AssociationsRequest", "AssociationsAnswer"),
            ("POST", "/crm/v3/objects/notes") => ("NoteCreate", "Note"),
            ("GET", _) when r.Path.Contains("archived=true", StringComparison.Ordinal) => (null, "ArchivedPage"),
            ("GET", _) when path.StartsWith("/crm/v3/objects/deals/", StringComparison.Ordinal) => (null, "Deal"),
            ("PATCH", _) => ("DealPatch", "PatchedDeal"),
            _ => throw new InvalidOperationException($"No HubSpot type for {r.Method} {r.Path}: add one."),
        };
    }

    private static void Add(StringBuilder ts, string name, string type, string json, HashSet<string> kinds)
    {
        kinds.Add(type);
        ts.AppendLine(CultureInfo.InvariantCulture, $"export const {name}: H.{type} = {json};");
    }

    private static async Task TypeCheckAsync(string source)
    {
        var dir = Directory.CreateDirectory(Path.Combine(NodeConformance.Directory, ".generated"));
        var file = Path.Combine(dir.FullName, $"hubspot-wire-{Guid.NewGuid():N}.ts");
        await File.WriteAllTextAsync(file, source, Ct);
        try
        {
            var (exit, stdout, stderr) = await NodeConformance.RunAsync("", "node_modules/typescript/bin/tsc",
                "--noEmit", "--strict", "--target", "es2022", "--module", "commonjs", "--moduleResolution", "node10", "--skipLibCheck",
                Path.GetRelativePath(NodeConformance.Directory, file));
            Assert.True(exit == 0, $"tsc rejected a HubSpot payload:\n{stdout}{stderr}");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
