using ClusterWatch.Core.Plans;

namespace ClusterWatch.Core.Enterprises;

/// <summary>The sub-industry taxonomy covering the plans' fields; codes are stable keys used by enterprises, indicators and imports.</summary>
public static class IndustryTaxonomy
{
    public const string Bio = "BIO";
    public const string Biologic = "BIO.DRUG.BIOLOGIC";
    public const string Chemical = "BIO.DRUG.CHEMICAL";
    public const string Tcm = "BIO.DRUG.TCM";
    public const string Device = "BIO.DEVICE";
    public const string Imaging = "BIO.DEVICE.IMAGING";
    public const string Ivd = "BIO.DEVICE.IVD";
    public const string Implant = "BIO.DEVICE.IMPLANT";
    public const string Rehab = "BIO.DEVICE.REHAB";
    public const string Monitoring = "BIO.DEVICE.MONITORING";
    public const string CellGene = "BIO.CELLGENE";
    public const string Cro = "BIO.CRO";
    public const string Agriculture = "BIO.AGRI";
    public const string Environment = "BIO.ENV";
    public const string Manufacturing = "BIO.MANUF";
    public const string Energy = "BIO.ENERGY";
    public const string Internet = "INTERNET";
    public const string NewEnergy = "NEWENERGY";

    public static IReadOnlyList<Industry> All { get; } =
    [
        new() { Code = Bio, Name = "生物产业", NameEn = "Bio-industry", Sector = Sector.Bio, SortOrder = 0 },
        new() { Code = "BIO.DRUG", Name = "生物医药", NameEn = "Pharmaceuticals", ParentCode = Bio, Sector = Sector.Bio, SortOrder = 10 },
        new() { Code = Biologic, Name = "生物药", NameEn = "Biologics", ParentCode = "BIO.DRUG", Sector = Sector.Bio, SortOrder = 11 },
        new() { Code = Chemical, Name = "化学药", NameEn = "Chemical drugs", ParentCode = "BIO.DRUG", Sector = Sector.Bio, SortOrder = 12 },
        new() { Code = Tcm, Name = "现代中药", NameEn = "Modern TCM", ParentCode = "BIO.DRUG", Sector = Sector.Bio, SortOrder = 13 },
        new() { Code = Device, Name = "医疗器械", NameEn = "Medical devices", ParentCode = Bio, Sector = Sector.Bio, SortOrder = 20 },
        new() { Code = Imaging, Name = "医学影像", NameEn = "Medical imaging", ParentCode = Device, Sector = Sector.Bio, SortOrder = 21 },
        new() { Code = Ivd, Name = "体外诊断", NameEn = "In-vitro diagnostics", ParentCode = Device, Sector = Sector.Bio, SortOrder = 22 },
        new() { Code = Implant, Name = "植介入器械", NameEn = "Implants and interventional", ParentCode = Device, Sector = Sector.Bio, SortOrder = 23 },
        new() { Code = Rehab, Name = "康复器械", NameEn = "Rehabilitation", ParentCode = Device, Sector = Sector.Bio, SortOrder = 24 },
        new() { Code = Monitoring, Name = "生命监护与治疗设备", NameEn = "Monitoring and therapy equipment", ParentCode = Device, Sector = Sector.Bio, SortOrder = 25 },
        new() { Code = CellGene, Name = "细胞与基因治疗", NameEn = "Cell and gene therapy", ParentCode = Bio, Sector = Sector.Bio, SortOrder = 30 },
        new() { Code = Cro, Name = "CRO/CDMO", NameEn = "CRO/CDMO", ParentCode = Bio, Sector = Sector.Bio, SortOrder = 40 },
        new() { Code = Agriculture, Name = "生物农业", NameEn = "Bio-agriculture", ParentCode = Bio, Sector = Sector.Bio, SortOrder = 50 },
        new() { Code = Environment, Name = "生物环保", NameEn = "Bio-environmental", ParentCode = Bio, Sector = Sector.Bio, SortOrder = 60 },
        new() { Code = Manufacturing, Name = "生物制造", NameEn = "Bio-manufacturing", ParentCode = Bio, Sector = Sector.Bio, SortOrder = 70 },
        new() { Code = Energy, Name = "生物能源", NameEn = "Bio-energy", ParentCode = Bio, Sector = Sector.Bio, SortOrder = 80 },
        new() { Code = Internet, Name = "互联网", NameEn = "Internet", Sector = Sector.Internet, SortOrder = 100 },
        new() { Code = NewEnergy, Name = "新能源", NameEn = "New energy", Sector = Sector.NewEnergy, SortOrder = 200 },
    ];

    private static readonly Dictionary<string, Industry> ByCode = All.ToDictionary(i => i.Code);

    public static Industry? Find(string code) => ByCode.GetValueOrDefault(code);

    /// <summary>Finds an industry by code or by Chinese/English name (as typed in an import file).</summary>
    public static Industry? FindByCodeOrName(string text)
    {
        var t = text.Trim();
        return ByCode.GetValueOrDefault(t.ToUpperInvariant())
            ?? All.FirstOrDefault(i => i.Name == t || string.Equals(i.NameEn, t, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>True when code is the given node or one of its descendants (codes are dotted paths).</summary>
    public static bool IsWithin(string code, string ancestorOrSelf) =>
        code == ancestorOrSelf || code.StartsWith(ancestorOrSelf + ".", StringComparison.Ordinal);

    public static Sector SectorOf(string code) => Find(code)?.Sector ?? Sector.Bio;
}
