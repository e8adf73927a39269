using System.Buffers.Binary;
using System.Text;

namespace RevBot.Data.Demo;

/// <summary>
/// Rows in PostgreSQL's binary COPY format (https://www.postgresql.org/docs/current/sql-copy.html, "Binary Format"),
/// encoded here rather than by Npgsql's importer so that the generator's thread encodes and a table can wait in a file
/// (<see cref="CopySpool{T}"/>) until the connection is free: a row is its column count, then each value as its
/// length and its bytes in network order (-1 for NULL). Values are encoded as Npgsql's importer encodes them.
/// </summary>
internal sealed class CopyBuffer
{
    /// <summary>The signature, no flags and no header extension.</summary>
    public static ReadOnlySpan<byte> Header => [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xff, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];

    /// <summary>A column count of -1 ends the data.</summary>
    public static ReadOnlySpan<byte> Trailer => [0xff, 0xff];

    private static readonly long PostgresEpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
    private static readonly int PostgresEpochDay = new DateOnly(2000, 1, 1).DayNumber;

    private byte[] _bytes = new byte[1 << 17];

    public int Length { get; private set; }

    public byte[] Bytes => _bytes;

    public void Clear() => Length = 0;

    public void StartRow(int columns) => BinaryPrimitives.WriteInt16BigEndian(Take(2), (short)columns);

    public void Null() => BinaryPrimitives.WriteInt32BigEndian(Take(4), -1);

    public void Int(int value)
    {
        var span = Take(8);
        BinaryPrimitives.WriteInt32BigEndian(span, 4);
        BinaryPrimitives.WriteInt32BigEndian(span[4..], value);
    }

    public void Long(long value)
    {
        var span = Take(12);
        BinaryPrimitives.WriteInt32BigEndian(span, 8);
        BinaryPrimitives.WriteInt64BigEndian(span[4..], value);
    }

    public void Text(string value)
    {
        var span = Take(4 + Encoding.UTF8.GetMaxByteCount(value.Length));
        var length = Encoding.UTF8.GetBytes(value, span[4..]);
        BinaryPrimitives.WriteInt32BigEndian(span, length);
        Length -= span.Length - 4 - length;
    }

    /// <summary>date: days since 2000-01-01.</summary>
    public void Date(DateOnly value) => Int(value.DayNumber - PostgresEpochDay);

    /// <summary>timestamptz: microseconds since 2000-01-01 UTC (ticks truncated to microseconds, as Npgsql does).</summary>
    public void Timestamp(DateTime utc) => Long((utc.Ticks - PostgresEpochTicks) / 10);

    /// <summary>
    /// numeric: base-10000 digits around the decimal point (int16 count, weight of the first, sign, display scale,
    /// then the digits), trailing zero digits left out; the display scale is the decimal's own scale.
    /// </summary>
    public void Numeric(decimal value)
    {
        var scale = value.Scale;
        // Align the unscaled integer on a 4-digit boundary after the point: its base-10000 digits are then the numeric's.
        var pad = (4 - (scale % 4)) % 4;
        var n = (UInt128)Math.Abs(decimal.Truncate(value * Pow10(scale))) * (UInt128)Pow10(pad);
        Span<short> digits = stackalloc short[12];
        var count = 0;
        for (; n != 0; n /= 10000) digits[count++] = (short)(ulong)(n % 10000);
        var fractionDigits = (scale + pad) / 4;
        var weight = count == 0 ? 0 : count - 1 - fractionDigits;
        var lowest = 0;
        while (lowest < count && digits[lowest] == 0) lowest++;
        var kept = count - lowest;
        var span = Take(4 + 8 + (2 * kept));
        BinaryPrimitives.WriteInt32BigEndian(span, 8 + (2 * kept));
        BinaryPrimitives.WriteInt16BigEndian(span[4..], (short)kept);
        BinaryPrimitives.WriteInt16BigEndian(span[6..], (short)weight);
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], value < 0 && kept > 0 ? (ushort)0x4000 : (ushort)0);
        BinaryPrimitives.WriteInt16BigEndian(span[10..], (short)scale);
        for (var i = 0; i < kept; i++) BinaryPrimitives.WriteInt16BigEndian(span[(12 + (2 * i))..], digits[count - 1 - i]);
    }

    private static decimal Pow10(int power)
    {
        var result = 1m;
        for (var i = 0; i < power; i++) result *= 10;
        return result;
    }

    private Span<byte> Take(int count)
    {
        if (Length + count > _bytes.Length) Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, Length + count));
        var span = _bytes.AsSpan(Length, count);
        Length += count;
        return span;
    }
}
