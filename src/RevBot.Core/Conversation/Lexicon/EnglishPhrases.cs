namespace RevBot.Core.Conversation.Lexicon;

/// <summary>English words for everything but metric names: concepts, dimensions, intents, lists, comparisons. Same pattern syntax as <see cref="EnglishMetricPhrases"/>.</summary>
internal static class EnglishPhrases
{
    public static readonly (string Pattern, string Cues)[] Entries =
    [
        // Concepts: combined by MetricRules ("how many" + "deals" + "won" = deals won).
        ("how many; number|count|total of; number|count", "c:count"),
        ("how much; amount|value|dollars|dollar|money|usd|worth", "c:amount"),
        ("deal|opportunity|opp|oppty|opps|opptys", "c:deal"),
        ("win|won|winning", "c:win"),
        ("lose|lost|losing|loss", "c:lose"),
        ("close|closed", "c:close"),
        ("closing|closedate; close date; expected|due|set|slated|scheduled|projected to close", "c:closing"),
        ("rate|ratio|percentage|percent|%|pct|proportion|share", "c:rate"),
        ("how long; how many days; how much time; time|days|duration|take|takes|took", "c:duration"),
        ("size|big|large|bigger|larger|how big", "c:size"),
        ("average|avg|mean|typical|median", "c:average"),
        ("open|active|opened; in flight|progress", "c:open"),
        ("revenue|revenues|income|turnover", "c:revenue"),
        ("new", "c:new"),
        ("create|created|creating|generate|generated|generating|add|added|adding|source|sourced|build|built", "c:create"),
        ("accurate|accuracy|precise|precision|correct|reliable", "c:accurate"),
        ("book|booked|books", "c:book"),
        ("sell|sold|selling", "c:sell"),
        ("grow|grew|grown|growth|growing|increase|increased", "c:grow"),
        ("retention|retain|retained|retaining", "c:retention"),
        ("weighted|weight|probability", "c:weight"),
        ("conversion|conversions|convert|converted|converting|converts", "c:conversion"),
        ("account", "c:customer,d:Account"),

        // Dimensions.
        ("rep|owner|salesperson|salespeople|salesman|salesmen|saleswoman|seller|ae|aes|agent|representative|person|people|individual|performer|performers|closer|closers", "d:Owner"),
        ("sales rep|representative|person|agent|people|exec|executive; account executive|manager|owner", "d:Owner"),
        ("team|squad|pod|group; sales team|squad|pod", "d:Team"),
        ("region|geo|geography|territory|area|office|branch|district; regional office; sales region|territory|area", "d:Region"),
        ("segment|tier|segmentation; market|customer segment; company size", "d:Segment"),
        ("industry|vertical|sector", "d:Industry"),
        ("product|sku|offering|plan; product line", "d:Product"),
        ("source|channel|origin|campaign; lead source", "d:Source"),
        ("type; deal|business type; kind of deal", "d:Type"),
        ("stage|phase; deal|pipeline|sales stage", "d:Stage"),
        ("company|companies", "d:Account"),
        ("by|per|each|every|across; for each|every", "by"),
        ("broken|break|split|grouped|segmented|sliced it|that|this? down|out? by|per; breakdown by|per|of", "by"),

        // Time groupings: nouns need "by" ("by month"); adjectives group on their own.
        ("day", "tn:Day"), ("week", "tn:Week"), ("month", "tn:Month"), ("quarter|qtr", "tn:Quarter"), ("year", "tn:Year"),
        ("daily", "tg:Day"), ("weekly", "tg:Week"), ("monthly", "tg:Month"), ("quarterly", "tg:Quarter"), ("yearly|annually", "tg:Year"),
        ("month by|to month", "tg:Month"), ("week by|to week", "tg:Week"), ("quarter by|to quarter", "tg:Quarter"),
        ("trend|trends|trending|trendline|history|historical|historically|evolution|progression|timeline; over time", "trend"),

        // Deal types (filters on deal metrics; renewal/expansion rates when alone).
        ("new business|biz; net new business", "type:new"),
        ("new deal|opportunity|opp; new logo deal", "type:new,c:deal"),
        ("renewal; renewal deal", "type:renewal"),
        ("expansion|upsell|upselling|crosssell; cross sell; expansion|upsell deal", "type:expansion"),

        // Who asks.
        ("my|mine|myself", "me"),
        ("did|have|am|do i", "me"),
        ("i closed|close|closing", "me,c:close"), ("i booked", "me,c:book"), ("i won|win", "me,c:win"), ("i lost|lose", "me,c:lose"),
        ("i sold|sell", "me,c:sell"), ("i generated|created|sourced", "me,c:create"), ("i have|had|own|owned", "me"),
        ("assigned to me; owned by me", "me"),
        ("my team|squad|group|pod", "myteam"),

        // Intents.
        ("help|usage|commands|command", "help"),
        ("what|which can|could you do|answer; what can i ask you?; what questions can|could i ask", "help"),
        ("how do|can i use you|this|revbot; how does this|revbot|it work; what do you know|do", "help"),
        ("what|which metrics|kpis|numbers|measures do you know|support|have|track?", "help"),
        ("metrics|metric|kpis|kpi; list of metrics; available metrics", "help"),
        ("hi|hello|hey|hiya|howdy|yo|thanks|ok|okay|cheers; thank you; good morning|afternoon|evening", "greet"),
        ("calculated|calculate|calculation|calculations|computed|compute|computation|calc", "def"),
        ("defined|define|definition|definitions|meaning|mean|means|formula|formulas|explain|explanation|methodology|measured", "def"),
        ("stand|stands for; what is meant by; how do you|we measure; what counts as", "def"),

        // Lists.
        ("top|highest|biggest|largest|most|leading|greatest|strongest; top ranked", "sup:desc"),
        ("bottom|lowest|smallest|least|fewest|weakest|tiniest", "sup:asc"),
        ("best; best|top|highest performing", "sup:best"),
        ("worst|underperforming|poorest; worst|lowest performing", "sup:worst"),
        ("list|show|display|which|rank|ranking|ranked", "list"),
        // A leaderboard ranks reps ("leaderboard by bookings").
        ("leaderboard|leaderboards; sales leaderboard", "list,d:Owner"),
        ("who|whom|whose", "who"),

        // What the alerts engine finds: stalled deals and accounts at risk; "upcoming" renewals are a list of deals.
        ("stalled|stuck|stalling|stale|slipping|slipped|stagnant|stagnating|languishing|neglected", "find:stalled"),
        ("at risk; at risk of churning|churn|leaving|cancelling|canceling; churn risk|risks; risk of churn|churning|leaving", "find:churn_risk"),
        ("likely|about|going to churn|leave|cancel; might|could|may|will churn|leave|cancel; in danger of churning|leaving; risky", "find:churn_risk"),
        // Accounts ready to expand (the expansion scoring); "expansion opportunities" stays the open expansion deals.
        ("ready|ripe|primed to expand|grow|upsell|upgrade; ready|ripe for an? expansion|upsell|upgrade|growth; expansion|upsell ready|candidates|candidate|plays|play|signals; who|whom to upsell|expand; who should we|i upsell", "find:expansion"),
        ("upcoming|due|pending|next renewal; renewal due|upcoming|pending; renewal coming up", "find:upcoming,type:renewal"),
        // Accounts that moved in the ARR bridge ("customers who churned", "which accounts downgraded"): see QuestionReader.Bridge.
        ("churned", "find:churned"),
        ("cancelled|canceled|quit; left us; stopped paying", "find:churned,c:lose"),
        ("churned|cancelled|canceled customer|account|client|logo; customer|account|client|logo churned|cancelled|canceled", "find:churned"),
        ("downgraded|downgrading|contracted|shrank|shrunk|downsized|downsold; cut|reduced|lowered|shrank|downgraded their|the|its? contract|contracts|plan|plans|spend|seats|subscription|subscriptions", "find:contracted"),
        ("expanded|upgraded|upsold|grew; increased|raised|grew|expanded|upgraded their|the|its? contract|contracts|plan|plans|spend|seats|subscription|subscriptions", "find:expanded"),

        // Follow-ups (only when they open the question).
        ("and|also|now|then; ok|okay and; and now", "follow"),
        ("what|how about; and what|how about; what if", "follow"),
        ("same for|but|with; same thing|question for", "follow"),

        // Comparisons.
        ("yoy; year over|on year", "cmp:same_last_year"),
        // Finance shorthand: PY/LY (prior/last year), SPLY (same period last year).
        ("vs|v|versus|against py|ly; sply", "cmp:same_last_year"),
        ("same period|time|quarter|month|week|half a year ago", "cmp:same_last_year"),
        ("the? same period|time|quarter|month|week|half last|previous|prior year", "cmp:same_last_year"),
        ("prior|previous year period", "cmp:same_last_year"),
        ("qoq|mom|wow|pop|hoh|sequential|sequentially", "cmp:previous"),
        ("quarter|month|week|period over|on quarter|month|week|period", "cmp:previous"),
        ("previous|prior|last|preceding period; the period before", "cmp:previous"),
        ("vs|v|versus|against last|previous|prior; compared|compare to|with last|previous|prior", "cmp:previous"),
        ("vs|v|versus|against|compared|compare|comparing|comparison|relative", "vs"),
        ("compared|compare|comparing|comparison|relative to|with|against|vs", "vs"),
        ("how does it|this compare to|with", "vs"),

        ("payback|margin|margins|profit|profitability|ebitda|burn|runway|headcount|nps|csat|mql|mqls|sql|sqls|lead|leads|invoice|invoices|billing|billings|cash|usage|tickets|dau|mau; magic number; conversion from lead", "x"),
        // Finance's accounting revenue is neither bookings nor ARR: offering those would answer another question.
        ("recognized|recognised|gaap|deferred|earned revenue|revenues; revenue recognition", "x"),
        ("the prior|previous one; the one before", "cmp:previous"),
        // Requests to act, and "when" questions, are not metric questions (deal updates are another feature).
        ("update|change|move|edit|delete|remove|remind|schedule|assign|reassign|notify|alert|alerts; set an|a? alert|reminder; close|mark|win|lose the|this|that deal|opportunity", "x"),
        ("when is|does|do|did|will|was|are|should", "x"),

        ("excluding|except|without|exclude|excl|besides; not including; other than; apart from", "neg"),

        ("please|pls|plz|kindly; can|could|would you; tell|give me; let me know; i want|need to know; i would like; id like", "fill"),
        ("show me", "fill,list"),
        ("quick question; question|just|revbot|bot|currently; right now; at the moment; as of now; so far", "fill"),
        ("looking|doing|going|tracking|performing|pacing", "fill"),
    ];
}
