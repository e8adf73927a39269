using RevBot.Data.Demo;

namespace RevBot.Tests.Demo;

public sealed class RowPipelineTests
{
    [Fact]
    public void Rows_arrive_in_order_and_all_of_them()
    {
        var target = new ListWriter();
        using var pipeline = new RowPipeline();
        var writer = pipeline.Wrap<int>(target)!;

        pipeline.Run(() => { for (var i = 0; i < 10_000; i++) writer.Write(i); }, TestContext.Current.CancellationToken);

        Assert.Equal(Enumerable.Range(0, 10_000), target.Rows);
    }

    [Fact]
    public void A_failing_writer_stops_the_generator_and_surfaces_its_error()
    {
        var target = new ListWriter { FailAt = 5_000 };
        using var pipeline = new RowPipeline();
        var writer = pipeline.Wrap<int>(target)!;

        var error = Assert.Throws<InvalidOperationException>(() =>
            pipeline.Run(() => { for (var i = 0; i < 10_000_000; i++) writer.Write(i); }, TestContext.Current.CancellationToken));

        Assert.Equal("row 5000", error.Message);
    }

    [Fact]
    public void A_failing_generator_surfaces_its_error()
    {
        using var pipeline = new RowPipeline();
        var writer = pipeline.Wrap<int>(new ListWriter())!;

        Assert.Throws<FormatException>(() => pipeline.Run(() =>
        {
            writer.Write(1);
            throw new FormatException();
        }, TestContext.Current.CancellationToken));
    }

    private sealed class ListWriter : IRowWriter<int>
    {
        public List<int> Rows { get; } = [];

        public int FailAt { get; init; } = -1;

        public long Count => Rows.Count;

        public void Write(int row)
        {
            if (row == FailAt) throw new InvalidOperationException($"row {row}");
            Rows.Add(row);
        }
    }
}
