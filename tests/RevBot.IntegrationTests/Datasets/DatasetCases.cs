using RevBot.Testing.Datasets;

namespace RevBot.IntegrationTests.Datasets;

/// <summary>
/// The dataset question suite: real questions, in English and Spanish, on the two public datasets, asked on a fixed
/// day just after each dataset ends. Each names the answer's metric, period, filters and breakdown; the values come
/// from <see cref="MavenReference"/> and <see cref="RavenReference"/>.
/// </summary>
public static partial class DatasetCases
{
    public static readonly DateOnly MavenAsOf = new(2017, 12, 31);
    public static readonly DateOnly RavenAsOf = new(2024, 12, 31);

    public static DateOnly AsOf(string dataset) => dataset == MavenCrm.Name ? MavenAsOf : RavenAsOf;

    public static IReadOnlyList<DatasetCase> All { get; } = [.. Maven(), .. Raven()];

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var c in All) data.Add(c.ToString());
        return data;
    }

    public static DatasetCase Get(string id) => All.Single(c => c.ToString() == id);

    // Maven: deals close from Mar 1 to Dec 31, 2017.
    private const string Q1 = "2017-01-01/2017-03-31", Q2 = "2017-04-01/2017-06-30", Q3 = "2017-07-01/2017-09-30", Q4 = "2017-10-01/2017-12-31";
    private const string Y2017 = "2017-01-01/2017-12-31", H1 = "2017-01-01/2017-06-30", H2 = "2017-07-01/2017-12-31";
    private const string Nov = "2017-11-01/2017-11-30", Dec = "2017-12-01/2017-12-31", Mar = "2017-03-01/2017-03-31", Jun = "2017-06-01/2017-06-30";
    private const string Open = "2017-12-31/2017-12-31";

    private static DatasetCase M(string question, string metric, string period) =>
        new(MavenCrm.Name, question, metric, period[..10], period[11..]);

    private static string Rep(string name) => MavenCrm.Email(name);

    private static IEnumerable<DatasetCase> Maven() =>
    [
        // Win rate, EN and ES, periods and filters.
        M("what's our win rate this quarter?", "win_rate", Q4),
        M("win rate last quarter", "win_rate", Q3),
        M("win rate in 2017", "win_rate", Y2017),
        M("win rate in Q2 2017", "win_rate", Q2),
        M("win rate for Darcel Schlecht this year", "win_rate", Y2017).Where("owner", Rep("Darcel Schlecht")),
        M("win rate in the West this year", "win_rate", Y2017).Where("region", "West"),
        M("win rate for GTX Pro in 2017", "win_rate", Y2017).Where("product", "GTX Pro"),
        M("win rate by region this year", "win_rate", Y2017).By("region"),
        M("win rate by product last quarter", "win_rate", Q3).By("product"),
        M("win rate by rep in Q4 2017", "win_rate", Q4).By("owner"),
        M("win rate by industry this year", "win_rate", Y2017).By("industry"),
        M("win rate for the medical industry this year", "win_rate", Y2017).Where("industry", "medical"),
        M("¿cuál es nuestra tasa de cierre este trimestre?", "win_rate", Q4),
        M("tasa de cierre del trimestre pasado", "win_rate", Q3),
        M("tasa de cierre por región este año", "win_rate", Y2017).By("region"),
        M("tasa de cierre de Darcel Schlecht en 2017", "win_rate", Y2017).Where("owner", Rep("Darcel Schlecht")),
        M("tasa de cierre en la región East este año", "win_rate", Y2017).Where("region", "East"),
        M("win rate by value this year", "win_rate_value", Y2017),

        // Bookings.
        M("bookings this quarter", "bookings", Q4),
        M("How much did we book in Q2 2017?", "bookings", Q2),
        M("bookings last month", "bookings", Nov),
        M("bookings in H2 2017", "bookings", H2),
        M("bookings in March 2017", "bookings", Mar),
        M("bookings by region this year", "bookings", Y2017).By("region"),
        M("bookings by product in 2017", "bookings", Y2017).By("product"),
        M("bookings by team this year", "bookings", Y2017).By("team"),
        M("bookings by industry last quarter", "bookings", Q3).By("industry"),
        M("bookings for GTX Basic this year", "bookings", Y2017).Where("product", "GTX Basic"),
        M("bookings in the Central region last quarter", "bookings", Q3).Where("region", "Central"),
        M("bookings for Vicki Laflamme this year", "bookings", Y2017).Where("owner", Rep("Vicki Laflamme")),
        M("bookings for Cara Losch's team this year", "bookings", Y2017).Where("team", "Cara Losch"),
        M("bookings from Acme Corporation in 2017", "bookings", Y2017).Where("account", "acme-corporation"),
        M("bookings in the retail industry this year", "bookings", Y2017).Where("industry", "retail"),
        M("ventas cerradas este trimestre", "bookings", Q4),
        M("ventas cerradas por región este año", "bookings", Y2017).By("region"),
        M("ventas del equipo de Dustin Brinkmann este año", "bookings", Y2017).Where("team", "Dustin Brinkmann"),
        M("ventas por producto en 2017", "bookings", Y2017).By("product"),
        M("ventas del mes pasado", "bookings", Nov),
        M("ventas en West el trimestre pasado", "bookings", Q3).Where("region", "West"),

        // Deals won and lost.
        M("how many deals did we win last quarter", "deals_won", Q3),
        M("deals won this year", "deals_won", Y2017),
        M("how many deals did Moses Frase win in 2017", "deals_won", Y2017).Where("owner", Rep("Moses Frase")),
        M("deals won by region in Q4 2017", "deals_won", Q4).By("region"),
        M("deals lost last quarter", "deals_lost", Q3),
        M("how many deals did we lose this year", "deals_lost", Y2017),
        M("deals lost in the East this quarter", "deals_lost", Q4).Where("region", "East"),
        M("deals lost by product this year", "deals_lost", Y2017).By("product"),
        M("¿cuántos negocios ganamos el mes pasado?", "deals_won", Nov),
        M("¿cuántos negocios perdimos este trimestre?", "deals_lost", Q4),
        M("negocios ganados por región este año", "deals_won", Y2017).By("region"),

        // Average deal size and sales cycle.
        M("average deal size this year", "avg_deal_size", Y2017),
        M("average deal size last quarter", "avg_deal_size", Q3),
        M("average deal size by product this year", "avg_deal_size", Y2017).By("product"),
        M("average deal size for MG Advanced in 2017", "avg_deal_size", Y2017).Where("product", "MG Advanced"),
        M("average deal size by region this year", "avg_deal_size", Y2017).By("region"),
        M("ticket medio este año", "avg_deal_size", Y2017),
        M("ticket medio por región en 2017", "avg_deal_size", Y2017).By("region"),
        M("how long is our sales cycle?", "avg_sales_cycle_days", Q4),
        M("average sales cycle this year", "avg_sales_cycle_days", Y2017),
        M("sales cycle by region in 2017", "avg_sales_cycle_days", Y2017).By("region"),
        M("sales cycle for GTK 500 this year", "avg_sales_cycle_days", Y2017).Where("product", "GTK 500"),
        M("ciclo de venta medio este año", "avg_sales_cycle_days", Y2017),
        M("¿cuánto tardamos en cerrar un negocio el trimestre pasado?", "avg_sales_cycle_days", Q3),

        // Pipeline (open deals at list price) and pipeline created.
        M("pipeline", "pipeline", Open),
        M("how much pipeline do we have", "pipeline", Open),
        M("pipeline by region", "pipeline", Open).By("region"),
        M("pipeline by product", "pipeline", Open).By("product"),
        M("pipeline by rep", "pipeline", Open).By("owner"),
        M("pipeline for Darcel Schlecht", "pipeline", Open).Where("owner", Rep("Darcel Schlecht")),
        M("pipeline in the West", "pipeline", Open).Where("region", "West"),
        M("pipeline por región", "pipeline", Open).By("region"),
        M("pipeline created last quarter", "pipeline_created", Q3),
        M("pipeline created this year by region", "pipeline_created", Y2017).By("region"),

        // New customers: an account's first won deal.
        M("new customers this year", "new_customers", Y2017),
        M("how many new customers did we win in Q2 2017", "new_customers", Q2),
        M("new customers in March 2017", "new_customers", Mar),
        M("clientes nuevos este año", "new_customers", Y2017),

        // Rankings.
        M("top 5 reps by bookings this year", "bookings", Y2017).Top(5, "owner"),
        M("top 3 reps by win rate last quarter", "win_rate", Q3).Top(3, "owner"),
        M("top 5 products by bookings in 2017", "bookings", Y2017).Top(5, "product"),
        M("top 3 accounts by bookings this year", "bookings", Y2017).Top(3, "account"),
        M("which region had the most bookings this year", "bookings", Y2017).Top(1, "region"),
        M("los 5 mejores comerciales por ventas este año", "bookings", Y2017).Top(5, "owner"),
        M("las 3 peores regiones por tasa de cierre este año", "win_rate", Y2017).Top(3, "region", ascending: true),
        M("top 10 reps by deals won in June 2017", "deals_won", Jun).Top(10, "owner"),
        M("best team by bookings last month", "bookings", Nov).Top(1, "team"),
        M("bookings in December 2017 by rep", "bookings", Dec).By("owner"),

        // Filters with breakdowns, other dimensions, explicit comparisons.
        M("new customers by region this year", "new_customers", Y2017).By("region"),
        M("new customers by rep in 2017", "new_customers", Y2017).By("owner"),
        M("pipeline created by rep last quarter", "pipeline_created", Q3).By("owner"),
        M("sales cycle by rep this year", "avg_sales_cycle_days", Y2017).By("owner"),
        M("win rate by team last quarter", "win_rate", Q3).By("team"),
        M("average deal size by team in Q3 2017", "avg_deal_size", Q3).By("team"),
        M("win rate for Kan-code this year", "win_rate", Y2017).Where("account", "kan-code"),
        M("bookings for Darcel Schlecht in Q4 2017 by product", "bookings", Q4).Where("owner", Rep("Darcel Schlecht")).By("product"),
        M("win rate in the West by product this year", "win_rate", Y2017).Where("region", "West").By("product"),
        M("bookings for the technology industry this year", "bookings", Y2017).Where("industry", "technology"),
        M("pipeline by team", "pipeline", Open).By("team"),
        M("pipeline by industry", "pipeline", Open).By("industry"),
        M("how many deals did Darcel Schlecht lose last quarter", "deals_lost", Q3).Where("owner", Rep("Darcel Schlecht")),
        M("bookings in Q4 2017 vs Q3 2017", "bookings", Q4),
        M("win rate this year vs last year", "win_rate", Y2017),
        M("top 5 accounts by win rate this year", "win_rate", Y2017).Top(5, "account"),
        M("bottom 3 reps by win rate this year", "win_rate", Y2017).Top(3, "owner", ascending: true),
        M("ventas por comercial en diciembre de 2017", "bookings", Dec).By("owner"),
        M("tasa de cierre por equipo el trimestre pasado", "win_rate", Q3).By("team"),
        M("ciclo de venta por región este año", "avg_sales_cycle_days", Y2017).By("region"),
        M("pipeline por producto", "pipeline", Open).By("product"),
        M("clientes nuevos por región este año", "new_customers", Y2017).By("region"),
        M("negocios perdidos por producto el trimestre pasado", "deals_lost", Q3).By("product"),
        M("ticket medio de Darcel Schlecht este año", "avg_deal_size", Y2017).Where("owner", Rep("Darcel Schlecht")),
        M("tasa de cierre del producto GTX Plus Pro en el T2 de 2017", "win_rate", Q2).Where("product", "GTX Plus Pro"),

        // Trends: each month or quarter computed on its own.
        M("bookings by month in 2017", "bookings", Y2017).Trend("month"),
        M("win rate by quarter in 2017", "win_rate", Y2017).Trend("quarter"),
        M("win rate trend over the last 4 quarters", "win_rate", "2016-10-01/2017-09-30").Trend("quarter"),
        M("new customers by quarter in 2017", "new_customers", Y2017).Trend("quarter"),
        M("evolución mensual de las ventas este año", "bookings", Y2017).Trend("month"),
        M("deals won by month in H2 2017 for the West", "deals_won", H2).Where("region", "West").Trend("month"),
    ];
}
