using RevBot.Testing.Datasets;

namespace RevBot.IntegrationTests.Datasets;

public static partial class DatasetCases
{
    // RavenStack: subscriptions from Jan 2023 to Dec 2024, asked on Dec 31, 2024.
    private const string Today = "2024-12-31/2024-12-31";
    private const string RQ4 = "2024-10-01/2024-12-31", RQ3 = "2024-07-01/2024-09-30", RQ2 = "2024-04-01/2024-06-30", RQ1 = "2024-01-01/2024-03-31";
    private const string R2024 = "2024-01-01/2024-12-31", RH2 = "2024-07-01/2024-12-31", RNov = "2024-11-01/2024-11-30", RQ4_23 = "2023-10-01/2023-12-31";

    private static DatasetCase R(string question, string metric, string period) =>
        new(RavenStack.Name, question, metric, period[..10], period[11..]);

    private static IEnumerable<DatasetCase> Raven() =>
    [
        // ARR, MRR and customers on a day.
        R("what is our ARR?", "arr", Today),
        R("ARR", "arr", Today),
        R("ARR by region", "arr", Today).By("region"),
        R("ARR by industry", "arr", Today).By("industry"),
        R("ARR by product", "arr", Today).By("product"),
        R("ARR in EMEA", "arr", Today).Where("region", "EMEA"),
        R("ARR for FinTech", "arr", Today).Where("industry", "FinTech"),
        R("ARR for the Enterprise plan", "arr", Today).Where("product", "Enterprise"),
        R("ARR at the end of Q2 2024", "arr", "2024-06-30/2024-06-30"),
        R("ARR in Q4 2023", "arr", RQ4_23),
        R("¿cuál es nuestro ARR?", "arr", Today),
        R("ARR por región", "arr", Today).By("region"),
        R("ARR por sector", "arr", Today).By("industry"),
        R("MRR", "mrr", Today),
        R("what's our MRR in APAC", "mrr", Today).Where("region", "APAC"),
        R("MRR by product", "mrr", Today).By("product"),
        R("MRR for DevTools", "mrr", Today).Where("industry", "DevTools"),
        R("MRR last quarter", "mrr", RQ3),
        R("MRR por producto", "mrr", Today).By("product"),
        R("how many customers do we have", "customers", Today),
        R("customers by region", "customers", Today).By("region"),
        R("customers by industry", "customers", Today).By("industry"),
        R("how many customers in NA", "customers", Today).Where("region", "NA"),
        R("customers on the Basic plan", "customers", Today).Where("product", "Basic"),
        R("¿cuántos clientes tenemos?", "customers", Today),
        R("clientes por región", "customers", Today).By("region"),

        // Net new ARR and retention over a period.
        R("net new ARR this year", "net_new_arr", R2024),
        R("net new ARR last quarter", "net_new_arr", RQ3),
        R("net new ARR in Q4 2024 by region", "net_new_arr", RQ4).By("region"),
        R("ARR neto nuevo este año", "net_new_arr", R2024),
        R("NRR this year", "nrr", R2024),
        R("NRR last quarter", "nrr", RQ3),
        R("net revenue retention in H2 2024", "nrr", RH2),
        R("NRR by region this year", "nrr", R2024).By("region"),
        R("NRR for HealthTech this year", "nrr", R2024).Where("industry", "HealthTech"),
        R("retención neta este año", "nrr", R2024),
        R("GRR this year", "grr", R2024),
        R("gross revenue retention last quarter", "grr", RQ3),
        R("GRR by industry this year", "grr", R2024).By("industry"),
        R("revenue churn this year", "revenue_churn_rate", R2024),
        R("revenue churn rate in Q1 2024", "revenue_churn_rate", RQ1),
        R("churn de ingresos este año", "revenue_churn_rate", R2024),
        R("logo churn rate this year", "logo_churn_rate", R2024),
        R("logo churn last quarter", "logo_churn_rate", RQ3),
        R("logo churn by region this year", "logo_churn_rate", R2024).By("region"),
        R("logo churn in EMEA last month", "logo_churn_rate", RNov).Where("region", "EMEA"),
        R("abandono de clientes este año", "logo_churn_rate", R2024),
        R("tasa de cancelaciones en 2024", "logo_churn_rate", R2024),
        R("top 3 industries by ARR", "arr", Today).Top(3, "industry"),
        R("los 3 mejores sectores por ARR", "arr", Today).Top(3, "industry"),

        // Non-additive breakdowns (an account with two plans), retention by plan line, more filters.
        R("customers by product", "customers", Today).By("product"),
        R("logo churn by product this year", "logo_churn_rate", R2024).By("product"),
        R("NRR by product this year", "nrr", R2024).By("product"),
        R("net new ARR by product this year", "net_new_arr", R2024).By("product"),
        R("GRR in EMEA last quarter", "grr", RQ3).Where("region", "EMEA"),
        R("revenue churn by region last quarter", "revenue_churn_rate", RQ3).By("region"),
        R("MRR in Q1 2024 by region", "mrr", RQ1).By("region"),
        R("ARR for EdTech by product", "arr", Today).Where("industry", "EdTech").By("product"),
        R("MRR en EMEA", "mrr", Today).Where("region", "EMEA"),
        R("retención bruta este año", "grr", R2024),
        R("clientes por producto", "customers", Today).By("product"),
        R("ARR neto nuevo por región el trimestre pasado", "net_new_arr", RQ3).By("region"),
        R("NRR del sector FinTech el trimestre pasado", "nrr", RQ3).Where("industry", "FinTech"),
        R("ARR by month this year", "arr", R2024).Trend("month"),
        R("MRR by quarter in 2024", "mrr", R2024).Trend("quarter"),
        R("logo churn by quarter this year", "logo_churn_rate", R2024).Trend("quarter"),
        R("evolución trimestral del ARR este año", "arr", R2024).Trend("quarter"),
    ];
}
