using CsvHelper;

namespace RevBot.Data.Csv;

/// <summary>One export file being written: RFC 4180, UTF-8 without a byte order mark, LF line ends, header first.</summary>
internal sealed class CsvOut : IAsyncDisposable
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { NewLine = "\n" };

    private readonly CsvWriter _writer;
    private readonly IReadOnlyDictionary<int, string> _emails;

    public CsvOut(string path, CsvFileSpec spec, IReadOnlyDictionary<int, string> emails)
    {
        _writer = CsvWriter.ToFile(path, Options);
        _emails = emails;
        _writer.WriteHeader(spec.Columns);
    }

    public string? EmailOf(int? userId) => userId is { } id ? _emails[id] : null;

    public void Row(params ReadOnlySpan<string?> fields)
    {
        foreach (var field in fields) _writer.WriteField(field ?? "");
        _writer.EndRecord();
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
