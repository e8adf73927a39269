using Microsoft.EntityFrameworkCore;
using RevBot.Core.Deals;
using RevBot.Core.Domain;
using RevBot.Core.Handoffs;
using RevBot.Core.Outbox;
using RevBot.Core.Storage;
using RevBot.Data.Storage;
using RevBot.Testing;
using RevBot.Testing.Deals;

namespace RevBot.Tests.Storage;

/// <summary>A duplicate is told apart by the table whose unique index or key it hit, on both databases, and nothing else counts.</summary>
public sealed class UniqueViolationsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_duplicate_hand_off_is_a_violation_on_handoffs_and_on_no_other_table(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var seed = database.NewContext()) await DealWorld.SeedAsync(seed);
        await using (var db = database.NewContext())
        {
            db.Handoffs.Add(new Handoff { DealId = DealWorld.AcmeRenewal, Kind = "onboarding", CreatedAt = DealWorld.Now.UtcDateTime });
            await db.SaveChangesAsync(Ct);
        }

        await using var again = database.NewContext();
        again.Handoffs.Add(new Handoff { DealId = DealWorld.AcmeRenewal, Kind = "onboarding", CreatedAt = DealWorld.Now.UtcDateTime });
        var ex = await Assert.ThrowsAsync<DbUpdateException>(() => again.SaveChangesAsync(Ct));

        Assert.True(UniqueViolations.IsOn(ex, again.Model, typeof(Handoff)));
        Assert.False(UniqueViolations.IsOn(ex, again.Model, typeof(OutboxMessage), typeof(AuditEntry), typeof(AppliedCommand), typeof(User)));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Other_errors_are_not_violations_on_the_command_tables(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var seed = database.NewContext()) await DealWorld.SeedAsync(seed);

        await using var db = database.NewContext();
        db.Users.Add(new User { Email = DealWorld.Rob, Name = "Rob Again" });
        var duplicateEmail = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
        db.ChangeTracker.Clear();
        db.Handoffs.Add(new Handoff { DealId = "no-such-deal", Kind = "onboarding", CreatedAt = DealWorld.Now.UtcDateTime });
        var missingDeal = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));

        Assert.True(UniqueViolations.IsOn(duplicateEmail, db.Model, typeof(User)));
        Assert.False(UniqueViolations.IsOn(duplicateEmail, db.Model, typeof(Handoff), typeof(AppliedCommand)));
        Assert.False(UniqueViolations.IsOn(missingDeal, db.Model, typeof(Handoff), typeof(AppliedCommand)));
        Assert.False(UniqueViolations.IsOn(new InvalidOperationException("SQLite Error 19: 'UNIQUE constraint failed: handoffs.deal_id, handoffs.kind'."), db.Model, typeof(Handoff)));
    }
}
