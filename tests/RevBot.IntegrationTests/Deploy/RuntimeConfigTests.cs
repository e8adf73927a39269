using System.Text.Json;

namespace RevBot.IntegrationTests.Deploy;

/// <summary>
/// The host's garbage collector as built into revbot.runtimeconfig.json (copied beside this project's output, which
/// references the host). The Web SDK turns server GC on unless ServerGarbageCollection is set, and a misspelt property
/// is silently ignored: the host ran server GC for a day with ServerGarbageCollector=false in its project.
/// </summary>
public sealed class RuntimeConfigTests
{
    private static JsonElement Properties()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "revbot.runtimeconfig.json");
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return json.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone();
    }

    [Fact]
    public void The_host_runs_the_concurrent_workstation_gc_that_conserves_memory()
    {
        var properties = Properties();
        Assert.False(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.True(properties.GetProperty("System.GC.Concurrent").GetBoolean());
        Assert.Equal(9, int.Parse(properties.GetProperty("System.GC.ConserveMemory").ToString(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_host_recompiles_hot_methods_without_tiered_pgo()
    {
        // Instrumented code and its profiles cost the host about 30 MB under load (docs/benchmarks.md).
        Assert.False(Properties().GetProperty("System.Runtime.TieredPGO").GetBoolean());
    }
}
