using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Core.Images;

/// <summary>
/// Keeps the bytes of reply images (digest charts) under unguessable tokens until they expire. The token is the only
/// secret: 256 random bits, so the image URL Teams loads needs no other authentication. Scoped, like the context; a
/// save joins the caller's transaction, so an outbox row and its images are committed together.
/// </summary>
public sealed class ReplyImageStore(RevBotDb db, TimeProvider time)
{
    public const string Png = "image/png";

    /// <summary>How long an image stays reachable: long enough for a digest to be read a few weeks later.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(30);

    /// <summary>Adds the image to the context (the caller saves) and returns its token.</summary>
    public string Add(ReadOnlyMemory<byte> bytes, string contentType = Png, TimeSpan? lifetime = null)
    {
        if (bytes.IsEmpty) throw new ArgumentException("An image has bytes.", nameof(bytes));
        var now = time.GetUtcNow().UtcDateTime;
        var token = NewToken();
        db.ReplyImages.Add(new ReplyImageRecord
        {
            Token = token,
            Bytes = bytes.ToArray(),
            ContentType = contentType,
            CreatedAt = now,
            ExpiresAt = now + (lifetime ?? DefaultLifetime),
        });
        return token;
    }

    /// <summary>The image, or null when the token is unknown, malformed or expired.</summary>
    public async Task<ReplyImageRecord?> LoadAsync(string? token, CancellationToken ct)
    {
        if (!IsWellFormed(token)) return null;
        var now = time.GetUtcNow().UtcDateTime;
        return await db.ReplyImages.AsNoTracking().FirstOrDefaultAsync(i => i.Token == token && i.ExpiresAt > now, ct);
    }

    /// <summary>Deletes expired images in one statement; returns how many.</summary>
    public Task<int> DeleteExpiredAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.ReplyImages.Where(i => i.ExpiresAt <= now).ExecuteDeleteAsync(ct);
    }

    /// <summary>43 characters of base64url (32 bytes); anything else is not a token and never reaches the database.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    internal static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
