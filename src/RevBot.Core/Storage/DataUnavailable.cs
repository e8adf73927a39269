using System.Data.Common;
using System.Net.Sockets;
using RevBot.Core.Replies;

namespace RevBot.Core.Storage;

/// <summary>
/// Tells a database that cannot be reached (down, restarting, network cut) from a bug, so a person is told the truth
/// ("I can't reach the revenue data right now") instead of a generic apology, and never a number.
/// </summary>
public static class DataUnavailable
{
    /// <summary>True when the exception, or one inside it, is a database or socket error or a timeout talking to one.</summary>
    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is DbException or SocketException or TimeoutException) return true;
        return false;
    }

    public static Reply Reply(string language)
    {
        var es = language == "es";
        return new Reply
        {
            Kind = ReplyKind.Error,
            Title = es ? "Sin acceso a los datos" : "Can't reach the data",
            Text = es
                ? "Ahora mismo no puedo llegar a los datos de ingresos, así que no te doy ninguna cifra. Vuelve a preguntar en unos minutos."
                : "I can't reach the revenue data right now, so I won't give you a number. Please ask again in a few minutes.",
        };
    }
}
