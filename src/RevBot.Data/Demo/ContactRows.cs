using Bogus;
using RevBot.Core.Domain;

namespace RevBot.Data.Demo;

/// <summary>The people at an account, a few of them entered twice (same person, two records).</summary>
internal sealed class ContactRows(DemoSeedOptions options, DemoTimeline time)
{
    private static readonly string[] PhoneFormats = ["+1 ###-###-####", "+44 20 #### ####", "+55 11 #####-####", "+61 2 #### ####"];

    private readonly Faker _faker = new("en");
    private long _next = 1;

    public void Write(AccountPlan plan, IRowWriter<Contact> writer)
    {
        var r = DemoRandom.For(options.Seed, DemoStream.Contacts, plan.Index);
        _faker.Random = r;
        var account = plan.Account;
        var forcedDuplicate = DemoSituations.ForcedAt(plan.Index) == DemoSituation.DuplicateContact;
        var count = r.Int(plan.Segment.MinContacts, plan.Segment.MaxContacts);
        for (var i = 0; i < count; i++)
        {
            var first = _faker.Name.FirstName();
            var last = _faker.Name.LastName();
            var contact = new Contact
            {
                Id = DemoIds.Contact(_next++),
                AccountId = account.Id,
                FirstName = first,
                LastName = last,
                Email = $"{DemoText.EmailLocal(first)}.{DemoText.EmailLocal(last)}@{account.Domain}",
                Title = r.Pick(DemoCatalog.Titles),
                Phone = _faker.Phone.PhoneNumber(PhoneFormats[plan.Region]),
                CreatedAt = Between(account.CreatedAt!.Value, time.Now, r),
            };
            writer.Write(contact);
            if ((forcedDuplicate && i == 0) || r.Chance(0.03)) writer.Write(Duplicate(contact, account.Domain!, r));
        }
    }

    /// <summary>The same person entered again later (by a rep, an import): same name, the email spelled another way.</summary>
    private Contact Duplicate(Contact original, string domain, Randomizer r)
    {
        var first = DemoText.EmailLocal(original.FirstName!);
        var last = DemoText.EmailLocal(original.LastName!);
        var email = r.Int(0, 2) switch
        {
            0 => original.Email,
            1 => $"{first[0]}{last}@{domain}",
            _ => $"{char.ToUpperInvariant(first[0])}{first[1..]}.{char.ToUpperInvariant(last[0])}{last[1..]}@{domain}",
        };
        return new Contact
        {
            Id = DemoIds.Contact(_next++),
            AccountId = original.AccountId,
            FirstName = original.FirstName,
            LastName = original.LastName,
            Email = email,
            Title = r.Chance(0.5) ? original.Title : null,
            Phone = r.Chance(0.5) ? original.Phone : null,
            CreatedAt = Between(original.CreatedAt!.Value, time.Now, r),
        };
    }

    private static DateTime Between(DateTime from, DateTime to, Randomizer r) => DemoTimeline.Seconds(from + ((to - from) * r.Double()));
}
