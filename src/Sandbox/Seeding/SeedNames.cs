namespace Connector.Sandbox.Seeding;

/// <summary>The words generated objects are made of.</summary>
internal static class SeedNames
{
    public static readonly string[] FirstNames =
    [
        "Olivia", "Liam", "Emma", "Noah", "Ava", "Elijah", "Sophia", "Mateo", "Isabella", "Lucas", "Mia", "Amir",
        "Charlotte", "Hiro", "Amelia", "Kwame", "Harper", "Diego", "Evelyn", "Ravi", "Aisha", "Jonas", "Priya",
        "Tomas",
    ];

    public static readonly string[] LastNames =
    [
        "Smith", "Johnson", "Garcia", "Nguyen", "Patel", "Kim", "Okafor", "Rossi", "Müller", "Silva", "Cohen",
        "Haddad", "Brown", "Lopez", "Tanaka", "Novak", "Walker", "Ibrahim", "Larsen", "Costa",
    ];

    public static readonly (string City, string State, string PostalCode)[] Places =
    [
        ("New York", "NY", "10001"), ("Brooklyn", "NY", "11201"), ("Jersey City", "NJ", "07302"),
        ("Boston", "MA", "02108"), ("Philadelphia", "PA", "19103"), ("Stamford", "CT", "06901"),
    ];

    public static readonly string[] Tags = ["lead", "customer", "newsletter", "webinar", "referral", "spring-course"];

    public static readonly string[] Sources = ["public api", "website form", "facebook ad", "referral", "walk-in"];

    public static readonly string[] Companies =
        ["Northwind", "Contoso", "Fabrikam", "Tailspin", "Adventure Works", "Litware"];

    public static readonly string[] TaskTitles =
        ["Call back", "Send price list", "Confirm enrolment", "Ask for a review"];

    public static readonly string[] NoteBodies =
    [
        "Prefers evening classes.", "Asked about group discounts.", "Will decide after the trial lesson.",
        "Wants a call before 6 pm.",
    ];

    public static readonly string[] MessageBodies =
    [
        "Hi! Is there still room in the spring course?", "Thanks, see you on Monday.",
        "Can we move the call to 3 pm?", "Your booking is confirmed.", "Here is the price list you asked for.",
    ];

    public static readonly string[] OpportunityStatuses = ["open", "open", "open", "won", "lost", "abandoned"];
}
