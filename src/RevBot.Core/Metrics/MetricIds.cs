namespace RevBot.Core.Metrics;

/// <summary>
/// The one place a metric id is spelled. Everything else names a metric through these (or reads an id from outside
/// and looks it up in <see cref="MetricCatalog"/>); the strings are the wire format and never change.
/// </summary>
public static class MetricIds
{
    public static readonly MetricId WinRate = new("win_rate");
    public static readonly MetricId WinRateValue = new("win_rate_value");
    public static readonly MetricId Bookings = new("bookings");
    public static readonly MetricId DealsWon = new("deals_won");
    public static readonly MetricId DealsLost = new("deals_lost");
    public static readonly MetricId LostAmount = new("lost_amount");
    public static readonly MetricId AvgDealSize = new("avg_deal_size");
    public static readonly MetricId AvgSalesCycleDays = new("avg_sales_cycle_days");
    public static readonly MetricId Pipeline = new("pipeline");
    public static readonly MetricId WeightedPipeline = new("weighted_pipeline");
    public static readonly MetricId PipelineCreated = new("pipeline_created");
    public static readonly MetricId Forecast = new("forecast");
    public static readonly MetricId WeightedForecast = new("weighted_forecast");
    public static readonly MetricId ForecastAttainment = new("forecast_attainment");
    public static readonly MetricId ForecastAccuracy = new("forecast_accuracy");
    public static readonly MetricId QuotaAttainment = new("quota_attainment");
    public static readonly MetricId PipelineCoverage = new("pipeline_coverage");
    public static readonly MetricId PipelineNeeded = new("pipeline_needed");
    public static readonly MetricId PipelineVelocity = new("pipeline_velocity");
    public static readonly MetricId Arr = new("arr");
    public static readonly MetricId Mrr = new("mrr");
    public static readonly MetricId Customers = new("customers");
    public static readonly MetricId NetNewArr = new("net_new_arr");
    public static readonly MetricId NewArr = new("new_arr");
    public static readonly MetricId ExpansionArr = new("expansion_arr");
    public static readonly MetricId ContractionArr = new("contraction_arr");
    public static readonly MetricId ChurnedArr = new("churned_arr");
    public static readonly MetricId Nrr = new("nrr");
    public static readonly MetricId Grr = new("grr");
    public static readonly MetricId RevenueChurnRate = new("revenue_churn_rate");
    public static readonly MetricId LogoChurnRate = new("logo_churn_rate");
    public static readonly MetricId RenewalRate = new("renewal_rate");
    public static readonly MetricId ExpansionRate = new("expansion_rate");
    public static readonly MetricId NewCustomers = new("new_customers");
    public static readonly MetricId Cac = new("cac");
    public static readonly MetricId Ltv = new("ltv");
    public static readonly MetricId LtvToCac = new("ltv_to_cac");
}
