namespace RevBot.Data.Demo;

/// <summary>The fixed vocabulary of the demo company: regions, segments, products, sources and the words around them.</summary>
internal static class DemoCatalog
{
    public static readonly DemoRegion[] Regions =
    [
        new("North America", 0.45, 14,
            ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Toronto"],
            ["United States", "United States", "United States", "United States", "United States", "Canada"]),
        new("EMEA", 0.30, 8,
            ["Europe/London", "Europe/Madrid", "Europe/Berlin", "Europe/Paris", "Europe/Amsterdam"],
            ["United Kingdom", "Germany", "France", "Spain", "Netherlands", "Sweden", "Italy", "Ireland", "United Arab Emirates"]),
        new("LATAM", 0.10, 13,
            ["America/Sao_Paulo", "America/Mexico_City", "America/Bogota", "America/Argentina/Buenos_Aires"],
            ["Brazil", "Mexico", "Colombia", "Argentina", "Chile", "Peru"]),
        new("APAC", 0.15, 1,
            ["Asia/Singapore", "Australia/Sydney", "Asia/Tokyo", "Asia/Kolkata"],
            ["Australia", "Singapore", "Japan", "India", "New Zealand", "South Korea"]),
    ];

    public static readonly double[] RegionWeights = [.. Regions.Select(r => r.Weight)];

    public static readonly DemoSegment[] Segments =
    [
        new("SMB", 0.60, 10, 200, 9_000, 0.55, 28, 6.0, 0.22, 1.10, 2, 4, 2),
        new("Mid-Market", 0.30, 200, 2_000, 32_000, 0.55, 60, 12.0, 0.32, 1.00, 3, 6, 5),
        new("Enterprise", 0.10, 2_000, 60_000, 120_000, 0.60, 115, 22.0, 0.45, 0.85, 5, 9, 10),
    ];

    public static readonly double[] SegmentWeights = [.. Segments.Select(s => s.Weight)];

    public static readonly DemoProduct[] Products =
    [
        new("RoboFleet Platform", 0.45, 1.00),
        new("Vision Kit", 0.25, 0.60),
        new("Route Planner", 0.20, 0.45),
        new("Premium Support", 0.10, 0.25),
    ];

    public static readonly double[] ProductWeights = [.. Products.Select(p => p.Weight)];

    /// <summary>Existing customers mostly add modules and support rather than the platform they already have.</summary>
    public static readonly double[] ExpansionProductWeights = [0.15, 0.35, 0.30, 0.20];

    public static readonly DemoSource[] Sources =
    [
        new("inbound", 0.35, 1.10),
        new("outbound", 0.30, 0.75),
        new("partner", 0.12, 1.15),
        new("event", 0.13, 0.90),
        new("referral", 0.10, 1.45),
    ];

    public static readonly double[] SourceWeights = [.. Sources.Select(s => s.Weight)];

    public static readonly string[] Industries =
    [
        "Manufacturing", "Logistics", "Retail", "Healthcare", "Food & Beverage", "Automotive", "Warehousing",
        "Pharmaceuticals", "Construction", "Agriculture", "Energy", "Aerospace",
    ];

    public static readonly string[] IndustryWords = ["Logistics", "Manufacturing", "Foods", "Industries", "Systems", "Distribution", "Labs", "Health"];

    public static readonly string[] Titles =
    [
        "Operations Manager", "VP of Operations", "Director of Logistics", "Plant Manager", "COO", "Head of Automation",
        "Procurement Manager", "IT Director", "CFO", "Warehouse Supervisor", "Engineering Manager", "CTO",
    ];

    public static readonly string[] NextSteps =
    [
        "Schedule technical deep dive", "Send revised proposal", "Security review with IT", "Pilot kickoff",
        "Pricing call with procurement", "Executive sponsor meeting", "Send MSA redlines", "Demo for plant managers",
        "Confirm budget owner", "Reference call with a customer",
    ];

    /// <summary>Subjects by <see cref="Core.Domain.ActivityType"/> order: call, email, meeting, note, task.</summary>
    public static readonly string[][] ActivitySubjects =
    [
        ["Discovery call", "Follow-up call", "Pricing discussion", "Check-in call", "Call with champion"],
        ["Intro email", "Sent proposal", "Follow-up email", "Sent case study", "Sent pricing", "Contract sent"],
        ["Product demo", "Onsite visit", "Technical deep dive", "Executive meeting", "Pilot review"],
        ["Notes from call", "Champion left the company", "Competitor in the deal", "Budget approved"],
        ["Prepare proposal", "Update mutual action plan", "Book security review", "Send recap"],
    ];

    public static readonly double[] ActivityTypeWeights = [0.25, 0.40, 0.20, 0.10, 0.05];

    public static readonly string[] SuccessSubjects =
        ["Quarterly business review", "Onboarding check-in", "Health check call", "Renewal planning", "Training session"];

    public static readonly string[] MarketingChannels = ["paid search", "paid social", "events", "content", "partners"];

    public static readonly double[] MarketingChannelShares = [0.30, 0.20, 0.25, 0.10, 0.15];
}
