namespace OrgTracker.Web.Data.Seeding;

/// <summary>Plausible place and booth names in English and Hindi for generated territories.</summary>
internal static class Names
{
    private static readonly (string En, string Hi)[] Roots =
    [
        ("Ram", "राम"), ("Shiv", "शिव"), ("Hari", "हरि"), ("Lakshman", "लक्ष्मण"), ("Krishna", "कृष्ण"),
        ("Durga", "दुर्गा"), ("Sita", "सीता"), ("Govind", "गोविंद"), ("Mohan", "मोहन"), ("Kishan", "किशन"),
        ("Chandra", "चंद्र"), ("Dev", "देव"), ("Narayan", "नारायण"), ("Gopal", "गोपाल"), ("Madhav", "माधव"),
        ("Shyam", "श्याम"), ("Anand", "आनंद"), ("Bhim", "भीम"), ("Raghu", "रघु"), ("Vishnu", "विष्णु"),
        ("Sultan", "सुल्तान"), ("Bela", "बेला"), ("Amar", "अमर"), ("Bijay", "बिजय"), ("Kesar", "केसर"),
        ("Moti", "मोती"), ("Hira", "हीरा"), ("Lal", "लाल"), ("Nawal", "नवल"), ("Sonu", "सोनू"),
    ];

    private static readonly (string En, string Hi)[] Suffixes =
    [
        ("pur", "पुर"), ("nagar", "नगर"), ("ganj", "गंज"), ("garh", "गढ़"), ("khedi", "खेड़ी"),
        ("abad", "आबाद"), ("gaon", "गांव"), ("wada", "वाड़ा"), ("kheda", "खेड़ा"), ("pura", "पुरा"),
    ];

    private static readonly (string En, string Hi)[] Buildings =
    [
        ("Government Primary School", "शासकीय प्राथमिक शाला"),
        ("Government Middle School", "शासकीय माध्यमिक शाला"),
        ("Government High School", "शासकीय हाई स्कूल"),
        ("Panchayat Bhawan", "पंचायत भवन"),
        ("Anganwadi Kendra", "आंगनवाड़ी केंद्र"),
        ("Community Hall", "सामुदायिक भवन"),
    ];

    private static readonly (string En, string Hi)[] Rooms =
    [
        ("", ""), (" Room 1", " कक्ष 1"), (" Room 2", " कक्ष 2"), (" East Wing", " पूर्वी भाग"), (" West Wing", " पश्चिमी भाग"),
    ];

    public static int Count => Roots.Length * Suffixes.Length;

    /// <summary>The n-th distinct place name (<see cref="Count"/> combinations, then numbered).</summary>
    public static (string En, string Hi) Place(int n)
    {
        var root = Roots[n % Roots.Length];
        var suffix = Suffixes[n / Roots.Length % Suffixes.Length];
        var round = n / (Roots.Length * Suffixes.Length);
        var tail = round == 0 ? "" : $" {round + 1}";
        return (root.En + suffix.En + tail, root.Hi + suffix.Hi + tail);
    }

    public static (string En, string Hi) Booth(Random rng, (string En, string Hi) village)
    {
        var b = Buildings[rng.Next(Buildings.Length)];
        var r = Rooms[rng.Next(Rooms.Length)];
        return ($"{b.En}, {village.En}{r.En}", $"{b.Hi}, {village.Hi}{r.Hi}");
    }

    private static readonly (string En, string Hi)[] SeatSuffixes =
    [
        ("North", "उत्तर"), ("South", "दक्षिण"), ("Central", "मध्य"), ("East", "पूर्व"), ("West", "पश्चिम"), ("Rural", "ग्रामीण"),
    ];

    /// <summary>Assembly-seat names: the district's name with a direction, then a place name.</summary>
    public static (string En, string Hi) Seat(string districtEn, string districtHi, int index, int placeSeed) =>
        index < SeatSuffixes.Length
            ? ($"{districtEn} {SeatSuffixes[index].En}", $"{districtHi} {SeatSuffixes[index].Hi}")
            : Place(placeSeed);
}
