using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Data.Configurations;

/// <summary>Wings and posts of the party organisation, shipped with the schema (migrations insert them).</summary>
public static class ReferenceData
{
    public static readonly Wing[] Wings =
    [
        new() { Id = 1, Code = "MAIN", Kind = WingKind.Main, NameEn = "Main organisation", NameHi = "मुख्य संगठन", SortOrder = 1 },
        new() { Id = 2, Code = "YOUTH", Kind = WingKind.Frontal, NameEn = "Youth Congress", NameHi = "युवा कांग्रेस", SortOrder = 2 },
        new() { Id = 3, Code = "MAHILA", Kind = WingKind.Frontal, NameEn = "Mahila Congress", NameHi = "महिला कांग्रेस", SortOrder = 3 },
        new() { Id = 4, Code = "NSUI", Kind = WingKind.Frontal, NameEn = "NSUI", NameHi = "एनएसयूआई", SortOrder = 4 },
        new() { Id = 5, Code = "SEVADAL", Kind = WingKind.Frontal, NameEn = "Seva Dal", NameHi = "सेवादल", SortOrder = 5 },
        new() { Id = 6, Code = "SOCIAL", Kind = WingKind.Department, NameEn = "Social Media department", NameHi = "सोशल मीडिया विभाग", SortOrder = 6 },
        new() { Id = 7, Code = "TRAINING", Kind = WingKind.Department, NameEn = "Training department", NameHi = "प्रशिक्षण विभाग", SortOrder = 7 },
        new() { Id = 8, Code = "KISAN", Kind = WingKind.Cell, NameEn = "Kisan cell", NameHi = "किसान प्रकोष्ठ", SortOrder = 8 },
        new() { Id = 9, Code = "SC", Kind = WingKind.Cell, NameEn = "SC cell", NameHi = "अनुसूचित जाति प्रकोष्ठ", SortOrder = 9 },
        new() { Id = 10, Code = "OBC", Kind = WingKind.Cell, NameEn = "OBC cell", NameHi = "पिछड़ा वर्ग प्रकोष्ठ", SortOrder = 10 },
        new() { Id = 11, Code = "MINORITY", Kind = WingKind.Cell, NameEn = "Minority cell", NameHi = "अल्पसंख्यक प्रकोष्ठ", SortOrder = 11 },
    ];

    public const int MainWingId = 1;

    // The state executive's sanctioned posts add up to 130 office-bearers with 16 vice-presidents.
    public static readonly Post[] Posts =
    [
        P(1, "PRES", TerritoryLevel.State, "State president", "प्रदेश अध्यक्ष", 1),
        P(2, "WPRES", TerritoryLevel.State, "Working president", "कार्यकारी अध्यक्ष", 4),
        P(3, "VP", TerritoryLevel.State, "Vice-president", "उपाध्यक्ष", 16),
        P(4, "GS", TerritoryLevel.State, "General secretary", "महासचिव", 30),
        P(5, "SEC", TerritoryLevel.State, "Secretary", "सचिव", 70),
        P(6, "TRE", TerritoryLevel.State, "Treasurer", "कोषाध्यक्ष", 1),
        P(7, "SPOKES", TerritoryLevel.State, "Spokesperson", "प्रवक्ता", 8),
        P(8, "INCH", TerritoryLevel.State, "State in-charge", "प्रदेश प्रभारी", null),
        P(9, "COINCH", TerritoryLevel.State, "Co-in-charge", "सह प्रभारी", null),
        P(10, "MEMBER", TerritoryLevel.State, "Committee member", "समिति सदस्य", null),

        P(20, "INCH", TerritoryLevel.Division, "Division in-charge", "संभाग प्रभारी", 1),
        P(21, "COINCH", TerritoryLevel.Division, "Division co-in-charge", "संभाग सह प्रभारी", 2),

        P(30, "PRES", TerritoryLevel.District, "District president", "जिला अध्यक्ष", 1),
        P(31, "INCH", TerritoryLevel.District, "District in-charge", "जिला प्रभारी", 1),
        P(32, "VP", TerritoryLevel.District, "Vice-president", "उपाध्यक्ष", 4),
        P(33, "GS", TerritoryLevel.District, "General secretary", "महासचिव", 6),
        P(34, "SEC", TerritoryLevel.District, "Secretary", "सचिव", 10),
        P(35, "TRE", TerritoryLevel.District, "Treasurer", "कोषाध्यक्ष", 1),
        P(36, "SPOKES", TerritoryLevel.District, "Spokesperson", "प्रवक्ता", 2),
        P(37, "MEMBER", TerritoryLevel.District, "Committee member", "समिति सदस्य", null),

        P(40, "PRES", TerritoryLevel.Block, "Block president", "ब्लॉक अध्यक्ष", 1),
        P(41, "VP", TerritoryLevel.Block, "Vice-president", "उपाध्यक्ष", 2),
        P(42, "GS", TerritoryLevel.Block, "General secretary", "महासचिव", 3),
        P(43, "SEC", TerritoryLevel.Block, "Secretary", "सचिव", 5),
        P(44, "MEMBER", TerritoryLevel.Block, "Committee member", "समिति सदस्य", null),

        P(50, "PRES", TerritoryLevel.Ward, "Ward president", "वार्ड अध्यक्ष", 1),
        P(51, "MEMBER", TerritoryLevel.Ward, "Committee member", "समिति सदस्य", null),

        P(60, "PRES", TerritoryLevel.Booth, "Booth president", "बूथ अध्यक्ष", 1),
        P(61, Post.BoothAgentCode, TerritoryLevel.Booth, "Booth agent (BLA)", "बूथ लेवल एजेंट (BLA)", 1),
        P(62, "MEMBER", TerritoryLevel.Booth, "Booth committee member", "बूथ समिति सदस्य", null),
    ];

    public const int BoothAgentPostId = 61;

    private static Post P(int id, string code, TerritoryLevel level, string en, string hi, int? sanctioned) =>
        new() { Id = id, Code = code, Level = level, NameEn = en, NameHi = hi, Sanctioned = sanctioned, SortOrder = id };
}
