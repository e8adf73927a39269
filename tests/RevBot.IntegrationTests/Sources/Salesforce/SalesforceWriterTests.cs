using System.Globalization;
using System.Text.Json;
using RevBot.Sources.Sync;
using RevBot.Testing.Salesforce;

namespace RevBot.IntegrationTests.Sources.Salesforce;

/// <summary>
/// Write-back to the fake org: one PATCH with If-Unmodified-Since and only the changed fields, the new LastModifiedDate
/// read back; a record changed in Salesforce meanwhile is a conflict with its current values and is not overwritten;
/// validation errors come back by canonical field; a deleted record is gone; an activity becomes a completed Task.
/// </summary>
[Collection(SalesforceHarness.Collection)]
public sealed class SalesforceWriterTests
{
    [Fact]
    public async Task A_change_is_one_patch_with_if_unmodified_since_and_the_new_last_modified_is_read_back()
    {
        await using var h = await StartAsync();
        var o = OpenOpportunity(h);
        var modified = (DateTimeOffset)o.Fields["LastModifiedDate"]!;
        var before = h.Fake.Requests.Count;

        var result = await h.Writer.WriteDealAsync(new CrmDealWrite(o.Id,
            new Dictionary<string, string?> { ["stage"] = "Negotiation/Review", ["amount"] = "75000.5", ["close_date"] = "2026-12-20", ["next_step"] = null },
            modified.UtcDateTime), Ct);

        Assert.Equal(CrmWriteStatus.Written, result.Status);
        var patch = Assert.Single(h.Fake.Requests.Skip(before), r => r.Method == "PATCH");
        Assert.Equal($"/services/data/v62.0/sobjects/Opportunity/{o.Id}", patch.Path);
        Assert.Equal(modified.UtcDateTime.ToString("R", CultureInfo.InvariantCulture), patch.IfUnmodifiedSince);
        Assert.Equal("""{"StageName":"Negotiation/Review","Amount":75000.5,"CloseDate":"2026-12-20","NextStep":null}""", patch.Body);
        Assert.Equal("Negotiation/Review", o.Fields["StageName"]);
        Assert.Equal(75000.5m, o.Fields["Amount"]);
        Assert.Null(o.Fields["NextStep"]);
        Assert.Equal(((DateTimeOffset)o.Fields["LastModifiedDate"]!).UtcDateTime, result.ModifiedAt);
        Assert.True(result.ModifiedAt > modified.UtcDateTime);
    }

    [Fact]
    public async Task A_record_changed_in_salesforce_since_the_last_sync_is_a_conflict_with_its_current_values_and_is_not_overwritten()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        await using var h = await SalesforceHarness.StartAsync(clock: clock, seed: f => FakeSalesforceData.Generate(f.Store, 20, SalesforceSyncTests.Today));
        var o = OpenOpportunity(h);
        var seen = ((DateTimeOffset)o.Fields["LastModifiedDate"]!).UtcDateTime;
        clock.Advance(TimeSpan.FromSeconds(2)); // If-Unmodified-Since has whole seconds: the rep's edit lands in a later one.
        h.Fake.Store.Update(o.Id, new Dictionary<string, object?> { ["Amount"] = 99_000m, ["NextStep"] = "Rep changed this" });

        var result = await h.Writer.WriteDealAsync(new CrmDealWrite(o.Id, new Dictionary<string, string?> { ["amount"] = "1" }, seen), Ct);

        Assert.Equal(CrmWriteStatus.Conflict, result.Status);
        Assert.Equal("99000", result.Current!["amount"]);
        Assert.Equal("Rep changed this", result.Current["next_step"]);
        Assert.Equal("open", result.Current["status"]);
        Assert.Equal(((DateTimeOffset)o.Fields["LastModifiedDate"]!).UtcDateTime, result.ModifiedAt);
        Assert.Equal(99_000m, o.Fields["Amount"]);
        Assert.Single(h.Fake.Requests, r => r.Method == "PATCH");
    }

    [Fact]
    public async Task Validation_errors_come_back_by_canonical_field_in_salesforces_words()
    {
        await using var h = await StartAsync();
        var o = OpenOpportunity(h);
        h.Fake.Script = r => r.Method == "PATCH"
            ? new FakeSalesforceAnswer(400, """[{"message":"Close date cannot be in the past.","errorCode":"FIELD_CUSTOM_VALIDATION_EXCEPTION","fields":["CloseDate"]},{"message":"Next step is required in this stage.","errorCode":"REQUIRED_FIELD_MISSING","fields":["NextStep"]},{"message":"Discount approval is pending.","errorCode":"FIELD_CUSTOM_VALIDATION_EXCEPTION","fields":[]}]""")
            : null;

        var result = await h.Writer.WriteDealAsync(Write(o, new() { ["close_date"] = "2020-01-01", ["next_step"] = null }), Ct);

        Assert.Equal(CrmWriteStatus.Refused, result.Status);
        Assert.Equal(new Dictionary<string, string>
        {
            ["close_date"] = "Close date cannot be in the past.",
            ["next_step"] = "Next step is required in this stage.",
            ["deal"] = "Discount approval is pending.",
        }, result.FieldErrors);

        // The fake's own picklist check: a stage the org does not have.
        h.Fake.Script = null;
        var picklist = await h.Writer.WriteDealAsync(Write(o, new() { ["stage"] = "Signed" }), Ct);
        Assert.Equal(CrmWriteStatus.Refused, picklist.Status);
        Assert.Equal("Stage: bad value for restricted picklist field: Signed", picklist.FieldErrors!["stage"]);
    }

    [Fact]
    public async Task A_status_is_written_as_the_orgs_won_or_lost_stage_an_activity_becomes_a_completed_task_and_a_deleted_record_is_gone()
    {
        await using var h = await StartAsync();
        var o = OpenOpportunity(h);

        var won = await h.Writer.WriteDealAsync(new CrmDealWrite(o.Id, new Dictionary<string, string?> { ["status"] = "won" },
            ((DateTimeOffset)o.Fields["LastModifiedDate"]!).UtcDateTime, new CrmActivity("call", "Agreed terms", new DateTime(2026, 11, 26, 15, 0, 0, DateTimeKind.Utc), "rep1@acme.test")), Ct);

        Assert.Equal(CrmWriteStatus.Written, won.Status);
        Assert.Equal("Closed Won", o.Fields["StageName"]);
        Assert.Equal(true, o.Fields["IsWon"]);
        var task = JsonDocument.Parse(h.Fake.Requests.Single(r => r.Method == "POST" && r.Path.EndsWith("/sobjects/Task", StringComparison.Ordinal)).Body).RootElement;
        Assert.Equal("Agreed terms", task.GetProperty("Subject").GetString());
        Assert.Equal("2026-11-26", task.GetProperty("ActivityDate").GetString());
        Assert.Equal(o.Id, task.GetProperty("WhatId").GetString());
        Assert.Equal("Completed", task.GetProperty("Status").GetString());
        Assert.Equal("Call", task.GetProperty("TaskSubtype").GetString());

        h.Fake.Store.Delete(o.Id);
        var gone = await h.Writer.WriteDealAsync(Write(o, new() { ["amount"] = "10" }), Ct);
        Assert.Equal(CrmWriteStatus.Gone, gone.Status);
    }

    [Fact]
    public async Task A_failing_salesforce_is_retried_by_the_pipeline_and_a_lasting_failure_is_retry_later()
    {
        await using var h = await StartAsync();
        var o = OpenOpportunity(h);
        var failures = 1;
        h.Fake.Script = r => r.Method == "PATCH" && Interlocked.Decrement(ref failures) >= 0 ? new FakeSalesforceAnswer(503, "", RetryAfterSeconds: 0) : null;

        var result = await h.Writer.WriteDealAsync(Write(o, new() { ["amount"] = "42" }), Ct);

        Assert.Equal(CrmWriteStatus.Written, result.Status);
        Assert.Equal(2, h.Fake.Requests.Count(r => r.Method == "PATCH"));
        Assert.Equal(42m, o.Fields["Amount"]);

        h.Fake.Script = r => r.Method == "PATCH" ? FakeSalesforce.Error(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.") : null;
        var limited = await h.Writer.WriteDealAsync(Write(o, new() { ["amount"] = "43" }), Ct);
        Assert.Equal(CrmWriteStatus.Retry, limited.Status);
        Assert.Equal(TimeSpan.FromHours(1), limited.RetryAfter);
        Assert.Equal(42m, o.Fields["Amount"]);
    }

    [Fact]
    public async Task A_task_salesforce_refuses_after_the_fields_were_written_leaves_the_write_done_so_it_is_not_sent_again()
    {
        await using var h = await StartAsync();
        var o = OpenOpportunity(h);
        h.Fake.Script = r => r.Path.EndsWith("/sobjects/Task", StringComparison.Ordinal) ? FakeSalesforce.Error(400, "REQUIRED_FIELD_MISSING", "Required fields are missing: [Priority]", "Priority") : null;

        var result = await h.Writer.WriteDealAsync(new CrmDealWrite(o.Id, new Dictionary<string, string?> { ["amount"] = "77" },
            ((DateTimeOffset)o.Fields["LastModifiedDate"]!).UtcDateTime, new CrmActivity("note", "Spoke to the CFO", new DateTime(2026, 11, 26, 0, 0, 0, DateTimeKind.Utc), null)), Ct);

        Assert.Equal(CrmWriteStatus.Written, result.Status);
        Assert.Equal(77m, o.Fields["Amount"]);
        Assert.Contains("the task was not created: 400 REQUIRED_FIELD_MISSING", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(h.Fake.Store.Live("Task"), t => Equals(t.Fields.GetValueOrDefault("Subject"), "Spoke to the CFO"));

        // An activity alone that Salesforce refuses is a refusal with its field error.
        var alone = await h.Writer.WriteDealAsync(new CrmDealWrite(o.Id, new Dictionary<string, string?>(), null,
            new CrmActivity("note", "Spoke again", new DateTime(2026, 11, 27, 0, 0, 0, DateTimeKind.Utc), null)), Ct);
        Assert.Equal(CrmWriteStatus.Refused, alone.Status);
        Assert.Equal("Required fields are missing: [Priority]", alone.FieldErrors!["deal"]);
    }

    private static Task<SalesforceHarness> StartAsync() =>
        SalesforceHarness.StartAsync(seed: f => FakeSalesforceData.Generate(f.Store, 20, SalesforceSyncTests.Today));

    private static FakeRecord OpenOpportunity(SalesforceHarness h) => h.Fake.Store.Live("Opportunity").First(o => !(bool)o.Fields["IsClosed"]!);

    private static CrmDealWrite Write(FakeRecord o, Dictionary<string, string?> fields) =>
        new(o.Id, fields, ((DateTimeOffset)o.Fields["LastModifiedDate"]!).UtcDateTime);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
