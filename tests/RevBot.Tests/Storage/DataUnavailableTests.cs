using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using RevBot.Core.Replies;
using RevBot.Core.Storage;

namespace RevBot.Tests.Storage;

/// <summary>A database that cannot be reached is told apart from a bug, however deep the provider wrapped it.</summary>
public sealed class DataUnavailableTests
{
    public static TheoryData<Exception, bool> Cases => new()
    {
        { new SqliteException("disk I/O error", 10), true },
        { new InvalidOperationException("transient", new SqliteException("locked", 5)), true },
        { new InvalidOperationException("wrapped twice", new AggregateException(new SocketException(111))), true },
        { new InvalidOperationException("connect", new SocketException(111)), true },
        { new TimeoutException("timed out"), true },
        { new InvalidOperationException("a bug"), false },
        { new NullReferenceException(), false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Database_socket_and_timeout_errors_count_anywhere_in_the_chain(Exception exception, bool unavailable) =>
        Assert.Equal(unavailable, DataUnavailable.Is(exception));

    [Fact]
    public void The_reply_says_so_in_the_askers_language_and_carries_no_number()
    {
        var en = DataUnavailable.Reply("en");
        var es = DataUnavailable.Reply("es");
        Assert.Equal((ReplyKind.Error, ReplyKind.Error), (en.Kind, es.Kind));
        Assert.StartsWith("I can't reach the revenue data right now", en.Text, StringComparison.Ordinal);
        Assert.StartsWith("Ahora mismo no puedo llegar a los datos", es.Text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d", en.Text + es.Text);
    }
}
