using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using RevBot.Core.Images;
using RevBot.Data.Storage;
using RevBot.Testing;

namespace RevBot.Tests.Digests.Scheduling;

public sealed class ReplyImageStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task An_image_is_found_by_its_token_until_it_expires_and_the_cleanup_then_deletes_it(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));
        string longLived, shortLived;
        await using (var db = database.NewContext())
        {
            var store = new ReplyImageStore(db, time);
            longLived = store.Add(new byte[] { 1, 2, 3 });
            shortLived = store.Add(new byte[] { 4 }, lifetime: TimeSpan.FromDays(1));
            await db.SaveChangesAsync(Ct);
        }
        await using (var db = database.NewContext())
        {
            var store = new ReplyImageStore(db, time);
            Assert.Equal([1, 2, 3], (await store.LoadAsync(longLived, Ct))!.Bytes);
            Assert.NotNull(await store.LoadAsync(shortLived, Ct));
            Assert.Null(await store.LoadAsync(longLived[..^1] + (longLived[^1] == 'A' ? 'B' : 'A'), Ct));
            Assert.Null(await store.LoadAsync("../../etc/passwd", Ct));

            time.Advance(TimeSpan.FromDays(1));
            Assert.Null(await store.LoadAsync(shortLived, Ct));
            Assert.NotNull(await store.LoadAsync(longLived, Ct));
            Assert.Equal(1, await store.DeleteExpiredAsync(Ct));
            time.Advance(TimeSpan.FromDays(29));
            Assert.Null(await store.LoadAsync(longLived, Ct));
            Assert.Equal(1, await store.DeleteExpiredAsync(Ct));
            Assert.Equal(0, await db.ReplyImages.CountAsync(Ct));
        }
    }

    [Fact]
    public void Tokens_are_256_random_bits_in_base64url()
    {
        var tokens = Enumerable.Range(0, 1000).Select(_ => ReplyImageStore.NewToken()).ToList();
        Assert.Equal(1000, tokens.Distinct(StringComparer.Ordinal).Count());
        Assert.All(tokens, t => Assert.True(ReplyImageStore.IsWellFormed(t), t));
        Assert.All(tokens, t => Assert.Equal(32, Convert.FromBase64String(t.Replace('-', '+').Replace('_', '/') + "=").Length));
    }
}
