namespace Payung.Bench.WorkerGenerator;

/// <summary>
/// Common Indonesian personal names by naming tradition, and which traditions are usual in each province.
/// Hand-written lists of frequent names, not drawn from any person's data. Javanese and many Sundanese and
/// Malay names have no family name (a second given name or a word like "Santoso" is usual); Batak, Minahasa,
/// Maluku, NTT and Papuan names end in a marga/fam; Balinese names carry a sex prefix and a birth-order name.
/// </summary>
internal static class IndonesianNames
{
    private static readonly string[] ChristianMale =
    [
        "Yohanes", "Fransiskus", "Yosef", "Petrus", "Paulus", "Markus", "Yulius", "Marthen", "Agustinus", "Stefanus",
        "Dominikus", "Andreas", "Melkianus", "Yakobus", "Benediktus", "Simon", "Daniel", "Ferdinand", "Aloysius",
        "Kornelis", "Yunus", "Robert", "Hendrik", "Frans", "Nikolaus", "Lukas", "Matius", "Adrianus",
    ];

    private static readonly string[] ChristianFemale =
    [
        "Maria", "Yosefina", "Yuliana", "Elisabeth", "Agustina", "Magdalena", "Martha", "Theresia", "Veronika",
        "Yohana", "Kristina", "Yosina", "Margaretha", "Selfina", "Debora", "Helena", "Anastasia", "Regina",
        "Fransiska", "Katarina", "Rosalia", "Paulina", "Lusia", "Sarlota",
    ];

    public static readonly NamePool Javanese = new(
        "Javanese",
        MaleGiven:
        [
            "Budi", "Agus", "Slamet", "Joko", "Sutrisno", "Bambang", "Wahyu", "Eko", "Dwi", "Teguh", "Heru", "Sugeng",
            "Suparman", "Darmanto", "Wahyudi", "Sumarno", "Suyanto", "Supriyadi", "Hadi", "Rudi", "Mulyono", "Sukirman",
            "Tri", "Yanto", "Sarwono", "Giyono", "Paijo", "Tukiman", "Suratman", "Sudarmaji", "Arif", "Andi", "Bayu",
            "Adi", "Imam", "Muhammad", "Ahmad", "Rohmat", "Kasiman", "Parjo", "Nur", "Edi", "Sigit", "Catur",
        ],
        FemaleGiven:
        [
            "Sri", "Siti", "Sumarni", "Suparmi", "Sulastri", "Wartini", "Tuminah", "Sumiyati", "Endang", "Tri", "Dwi",
            "Rini", "Yuli", "Eka", "Dewi", "Nur", "Puji", "Sukarti", "Wagiyem", "Partini", "Ani", "Ratna", "Indah",
            "Ika", "Umi", "Lestari", "Warsini", "Suwarni", "Kasiyem", "Ngatini",
        ],
        MaleSecond:
        [
            "Santoso", "Wibowo", "Susanto", "Purnomo", "Prasetyo", "Nugroho", "Setiawan", "Hidayat", "Saputra",
            "Kurniawan", "Widodo", "Riyanto", "Hartono", "Suprapto", "Utomo", "Gunawan", "Wijaya", "Haryanto",
            "Sulistyo", "Raharjo", "Cahyono", "Pamungkas", "Firmansyah", "Hermawan",
        ],
        FemaleSecond:
        [
            "Lestari", "Wahyuni", "Rahayu", "Handayani", "Susanti", "Wulandari", "Purwanti", "Astuti", "Ningsih",
            "Rahmawati", "Setyowati", "Suryani", "Mulyani", "Sulistyowati", "Kusumawati", "Yuliani", "Aminah",
            "Fatimah", "Maryam", "Khotimah",
        ],
        Family: [],
        Style: NameStyle.GivenAndSecond,
        Muslim: true);

    public static readonly NamePool Sundanese = new(
        "Sundanese",
        MaleGiven:
        [
            "Asep", "Ujang", "Dedi", "Cecep", "Dadang", "Yayan", "Aep", "Ade", "Entis", "Iwan", "Dede", "Jajang",
            "Engkos", "Ohim", "Tatang", "Ujang", "Eman", "Endang", "Deden", "Ridwan", "Rahmat", "Yana", "Ayi",
            "Enjang", "Dudung", "Ruhiyat", "Maman", "Nanang", "Wawan", "Aang",
        ],
        FemaleGiven:
        [
            "Euis", "Neng", "Iis", "Imas", "Yuyun", "Cucu", "Nining", "Enok", "Eneng", "Ai", "Lilis", "Nenden", "Yati",
            "Popon", "Entin", "Oom", "Elis", "Titin", "Dedeh", "Icih", "Nia", "Rina", "Tati", "Iin",
        ],
        MaleSecond:
        [
            "Saepudin", "Sopian", "Suhendar", "Permana", "Hidayat", "Mulyana", "Kusnadi", "Rohman", "Supriatna",
            "Ruhiyat", "Sutisna", "Nurjaman", "Setiadi", "Sukmana", "Kurniawan", "Hermawan", "Suryana", "Gumilar",
            "Hidayatulloh", "Sobari", "Jaelani", "Rusmana",
        ],
        FemaleSecond:
        [
            "Rohaeti", "Komalasari", "Nurhayati", "Kurniasih", "Sumiati", "Suryani", "Hayati", "Herawati", "Rosita",
            "Sulastri", "Kartika", "Nurlaela", "Maryati", "Rukmini", "Wulansari", "Juariah", "Fitriani", "Sumarni",
        ],
        Family: [],
        Style: NameStyle.GivenAndSecond,
        Muslim: true);

    public static readonly NamePool Malay = new(
        "Malay",
        MaleGiven:
        [
            "Muhammad", "Ahmad", "Rizal", "Zulkifli", "Syahrial", "Fauzi", "Hendra", "Irwan", "Rahmat", "Yusuf",
            "Ismail", "Hasan", "Syamsul", "Taufik", "Zainal", "Darwis", "Khairul", "Nasrul", "Firdaus", "Ramli",
            "Afrizal", "Syafrizal", "Mukhlis", "Teuku", "Zulfikar", "Azwar", "Jamaluddin", "Hamdani", "Rusli", "Amran",
        ],
        FemaleGiven:
        [
            "Nurhayati", "Zainab", "Rahmah", "Fatimah", "Nurul", "Khairunnisa", "Yusnita", "Rosmawati", "Hasanah",
            "Juliana", "Mardiana", "Asmawati", "Nurlela", "Syarifah", "Aisyah", "Yuliarni", "Deswita", "Cut",
            "Rosnani", "Erniwati", "Salmah", "Halimah", "Nurbaiti", "Zuraida",
        ],
        MaleSecond:
        [
            "Effendi", "Saputra", "Syahputra", "Hamzah", "Ramadhan", "Anwar", "Husein", "Yusuf", "Harun", "Amir",
            "Karim", "Abdullah", "Rahman", "Rasyid", "Azhar", "Idris", "Syahrir", "Chaniago", "Tanjung", "Sikumbang",
        ],
        FemaleSecond:
        [
            "Hidayah", "Fitri", "Rahmawati", "Yanti", "Safitri", "Ayu", "Handayani", "Wati", "Aini", "Zahara",
            "Hasanah", "Lestari", "Ningsih", "Sari", "Fitriani", "Marlina",
        ],
        Family: [],
        Style: NameStyle.GivenAndSecond,
        Muslim: true);

    public static readonly NamePool Batak = new(
        "Batak",
        MaleGiven:
        [
            "Togar", "Hotman", "Parlindungan", "Maruli", "Sahat", "Benny", "Jhonny", "Robert", "Hendrik", "Martinus",
            "Poltak", "Tigor", "Binsar", "Horas", "Lamhot", "Saut", "Budiman", "Daniel", "Fernando", "Roni", "Jonggi",
            "Parulian", "Bonar", "Rudolf",
        ],
        FemaleGiven:
        [
            "Rosmawati", "Tiurma", "Lasma", "Rugun", "Dame", "Hotmaida", "Roslina", "Masniari", "Lamria", "Nurhaida",
            "Sondang", "Rotua", "Dewi", "Ruth", "Friska", "Debora", "Rosdiana", "Tiominar", "Lisbet", "Nurmala",
        ],
        MaleSecond: [],
        FemaleSecond: [],
        Family:
        [
            "Siregar", "Nasution", "Harahap", "Simanjuntak", "Sitompul", "Hutapea", "Panjaitan", "Situmorang", "Sinaga",
            "Lubis", "Tambunan", "Manurung", "Simatupang", "Silalahi", "Pardede", "Hutagalung", "Sihombing",
            "Nainggolan", "Pasaribu", "Sitorus", "Simbolon", "Sianturi", "Purba", "Saragih", "Ginting", "Tarigan",
            "Sembiring", "Damanik", "Hasibuan", "Marpaung",
        ],
        Style: NameStyle.GivenAndFamily,
        Muslim: false);

    public static readonly NamePool Balinese = new(
        "Balinese",
        MaleGiven: ["Wayan", "Putu", "Gede", "Made", "Kadek", "Nyoman", "Komang", "Ketut"],
        FemaleGiven: ["Wayan", "Putu", "Luh", "Made", "Kadek", "Nyoman", "Komang", "Ketut"],
        MaleSecond:
        [
            "Sudarsana", "Suartana", "Mertayasa", "Arsana", "Wiranata", "Sukerta", "Ariawan", "Adnyana", "Budiarta",
            "Suardika", "Darmawan", "Sutama", "Astawa", "Wirawan", "Parwata", "Suparta", "Mudita", "Sukadana",
        ],
        FemaleSecond:
        [
            "Sukerti", "Suarni", "Ariani", "Sudiartini", "Mariani", "Yuliantari", "Astiti", "Suwitri", "Sriasih",
            "Widiastuti", "Sukarmini", "Ayu Lestari", "Puspitasari", "Artini", "Sumerti",
        ],
        Family: [],
        Style: NameStyle.Balinese,
        Muslim: false);

    public static readonly NamePool Bugis = new(
        "Bugis-Makassar",
        MaleGiven:
        [
            "Muhammad", "Andi", "Ambo", "Baso", "Syamsuddin", "Hasanuddin", "Sulaiman", "Abdul", "Ramli", "Rusdi",
            "Haris", "Ilham", "Arifin", "Nasrun", "Jumadi", "Hamzah", "Muh.", "Syahrul", "Sudirman", "Kamaruddin",
            "Akbar", "Irfan", "Fadli", "Ridwan",
        ],
        FemaleGiven:
        [
            "Sitti", "Besse", "Hasnah", "Nurhayati", "Rosmini", "Hasmawati", "Nurjannah", "Sumarni", "Mardiana",
            "Jumriah", "Rahmatia", "Hadijah", "Nurmiati", "Asriani", "Hasna", "Nurhaedah", "Indo", "Rosdiana",
        ],
        MaleSecond:
        [
            "Amir", "Tahir", "Rahman", "Sultan", "Karim", "Saleh", "Baharuddin", "Arsyad", "Nur", "Latif", "Mustafa",
            "Rasyid", "Jufri", "Mappiare", "Syarif", "Hafid", "Hamid", "Halim", "Yunus", "Basri",
        ],
        FemaleSecond:
        [
            "Hasnah", "Aminah", "Rahmah", "Nurhayati", "Hadijah", "Suriani", "Ramlah", "Marwah", "Nurmala", "Sahriani",
            "Haerani", "Masita",
        ],
        Family: [],
        Style: NameStyle.GivenAndSecond,
        Muslim: true);

    public static readonly NamePool NusaTenggaraTimur = EasternChristian(
        "NTT",
        ["Bere", "Tefa", "Lake", "Seran", "Nahak", "Ndun", "Manafe", "Pah", "Taek", "da Costa", "Fernandes", "Lewar",
         "Kopong", "Wolo", "Lay", "Sabu", "Mau", "Benu", "Nenobais", "Bria", "Koli", "Nope", "Ratu", "Tallo"]);

    public static readonly NamePool Maluku = EasternChristian(
        "Maluku",
        ["Pattiasina", "Tuhumury", "Matulessy", "Sahetapy", "Lekatompessy", "Pattinama", "Ririmasse", "Nanlohy",
         "Latumahina", "Tutuarima", "Wattimena", "Leiwakabessy", "Siahaya", "Manuhutu", "Soplanit", "Tahapary"]);

    public static readonly NamePool Minahasa = EasternChristian(
        "Minahasa",
        ["Wenas", "Lumowa", "Sondakh", "Rumengan", "Tumbelaka", "Mandagi", "Pangemanan", "Rondonuwu", "Kaunang",
         "Lengkong", "Runtuwene", "Supit", "Tambuwun", "Waworuntu", "Sumampouw", "Kalalo", "Rompas", "Lumingkewas"]);

    public static readonly NamePool Papuan = EasternChristian(
        "Papuan",
        ["Wenda", "Kogoya", "Wanimbo", "Tabuni", "Wonda", "Murib", "Rumbiak", "Kaisiepo", "Mandowen", "Ansaka", "Yoku",
         "Rumbewas", "Mambor", "Wakerkwa", "Gobai", "Pigai", "Kayame", "Tebai", "Mote", "Yikwa", "Enumbi", "Karubaba"]);

    /// <summary>Share of each naming tradition among informal workers in a province (rough, by majority groups).</summary>
    public static (NamePool Pool, int Weight)[] ForProvince(string provinceCode) => provinceCode switch
    {
        "11" or "13" or "19" => [(Malay, 100)],
        "12" => [(Batak, 55), (Malay, 30), (Javanese, 15)],
        "14" => [(Malay, 60), (Javanese, 25), (Batak, 15)],
        "15" or "16" or "17" => [(Malay, 70), (Javanese, 30)],
        "18" => [(Javanese, 60), (Malay, 30), (Sundanese, 10)],
        "21" => [(Malay, 60), (Javanese, 20), (Batak, 20)],
        "31" => [(Javanese, 40), (Sundanese, 20), (Malay, 20), (Batak, 10), (Minahasa, 5), (Bugis, 5)],
        "32" => [(Sundanese, 80), (Javanese, 20)],
        "33" or "34" or "35" => [(Javanese, 100)],
        "36" => [(Sundanese, 70), (Javanese, 30)],
        "51" => [(Balinese, 90), (Javanese, 10)],
        "52" => [(Malay, 80), (Bugis, 10), (Balinese, 10)],
        "53" => [(NusaTenggaraTimur, 100)],
        "61" or "63" => [(Malay, 75), (Javanese, 25)],
        "62" => [(Malay, 50), (Javanese, 40), (Bugis, 10)],
        "64" => [(Javanese, 35), (Bugis, 35), (Malay, 30)],
        "65" => [(Bugis, 50), (Malay, 30), (Javanese, 20)],
        "71" => [(Minahasa, 90), (Bugis, 10)],
        "72" => [(Bugis, 70), (Minahasa, 15), (Javanese, 15)],
        "73" or "75" or "76" => [(Bugis, 100)],
        "74" => [(Bugis, 80), (Javanese, 20)],
        "81" => [(Maluku, 70), (Bugis, 30)],
        "82" => [(Bugis, 70), (Maluku, 30)],
        _ => [(Papuan, 70), (Javanese, 15), (Bugis, 15)], // 91–96, the Papua provinces
    };

    private static NamePool EasternChristian(string tradition, string[] families) => new(
        tradition, ChristianMale, ChristianFemale, [], [], families, NameStyle.GivenAndFamily, Muslim: false);
}

internal enum NameStyle
{
    /// <summary>One or two given names, e.g. "Agus Santoso", "Sri Wahyuni", "Ujang".</summary>
    GivenAndSecond,

    /// <summary>Given name then marga/fam, e.g. "Togar Siregar", "Maria Bere".</summary>
    GivenAndFamily,

    /// <summary>I/Ni, birth-order name, personal name, e.g. "I Wayan Sudarsana", "Ni Made Sukerti".</summary>
    Balinese,
}

internal sealed record NamePool(
    string Tradition,
    string[] MaleGiven,
    string[] FemaleGiven,
    string[] MaleSecond,
    string[] FemaleSecond,
    string[] Family,
    NameStyle Style,
    bool Muslim)
{
    // Titles and ordinal or devotional first names that are not used alone: "Cut Nyak …", "Sri …", "Tri …".
    private static readonly HashSet<string> NeverAlone =
        ["Cut", "Teuku", "Muh.", "Andi", "Sri", "Siti", "Sitti", "Nur", "Tri", "Dwi", "Eka", "Neng", "Ai", "Indo", "Abdul"];

    public string Compose(Random random, bool female, int ageYears)
    {
        var givenNames = female ? FemaleGiven : MaleGiven;
        var given = Pick(random, givenNames);
        var middle = Pick(random, givenNames);
        if (middle == given)
        {
            middle = givenNames[(Array.IndexOf(givenNames, given) + 1) % givenNames.Length];
        }

        var name = Style switch
        {
            NameStyle.GivenAndFamily => random.Next(100) < 15
                ? $"{given} {middle} {Pick(random, Family)}"
                : $"{given} {Pick(random, Family)}",
            NameStyle.Balinese => $"{(female ? "Ni" : "I")} {given} {Pick(random, female ? FemaleSecond : MaleSecond)}",
            _ => random.Next(100) switch
            {
                < 25 when !NeverAlone.Contains(given) => given, // one name only is common among older Javanese and Sundanese
                < 90 => $"{given} {Pick(random, female ? FemaleSecond : MaleSecond)}",
                _ => $"{given} {middle} {Pick(random, female ? FemaleSecond : MaleSecond)}",
            },
        };

        // Older Muslim men and women who made the hajj often register with the title.
        if (Muslim && ageYears >= 45 && random.Next(100) < 6)
        {
            name = (female ? "Hj. " : "H. ") + name;
        }

        return name;
    }

    private static string Pick(Random random, string[] list) => list[random.Next(list.Length)];
}
