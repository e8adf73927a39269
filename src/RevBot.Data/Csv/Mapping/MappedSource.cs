namespace RevBot.Data.Csv.Mapping;

/// <summary>A folder of export files read through a mapping: each mapped canonical file's sheet is built from its source.</summary>
internal sealed class MappedSource(string folder, IReadOnlyList<MappedFile> files) : CsvSource
{
    public override string Name => NameOf(folder);

    internal override bool IsEmpty => files.Count == 0;

    internal override CsvSheet? Sheet(CsvFileSpec spec, ImportContext ctx) => files.FirstOrDefault(f => f.Spec == spec)?.Build(ctx);
}
