using RevBot.Data.Csv;
using RevBot.Testing;

namespace RevBot.Tests.Csv;

internal static class CsvAssert
{
    public static async Task<CsvImportResult> ImportAsync(TestDatabase test, string folder)
    {
        await using var db = test.NewContext();
        return await CsvImporter.ImportAsync(db, folder, ct: TestContext.Current.CancellationToken);
    }

    /// <summary>Imports and fails the test, showing the errors, when the import is refused.</summary>
    public static async Task<CsvImportResult> ImportsAsync(TestDatabase test, string folder)
    {
        var result = await ImportAsync(test, folder);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        return result;
    }
}
