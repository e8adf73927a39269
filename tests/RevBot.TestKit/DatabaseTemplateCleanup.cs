namespace RevBot.Testing;

/// <summary>
/// The assembly fixture each test project registers (<c>[assembly: AssemblyFixture(typeof(DatabaseTemplateCleanup))]</c>):
/// makes nothing at start, and drops the database templates and deletes the run's files (<see cref="TestFiles"/>) when
/// the project's run ends.
/// </summary>
public sealed class DatabaseTemplateCleanup : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await DatabaseTemplates.DropAsync();
        TestFiles.DeleteRun();
    }
}
