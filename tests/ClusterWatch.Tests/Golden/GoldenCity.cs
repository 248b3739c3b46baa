using ClusterWatch.Core.Accounts;
using ClusterWatch.Core.Data;
using ClusterWatch.Core.Enterprises;
using ClusterWatch.Core.Enterprises.Credit;
using ClusterWatch.Core.Plans;
using ClusterWatch.Core.Regions;
using ClusterWatch.Core.Reporting;

namespace ClusterWatch.Tests.Golden;

/// <summary>
/// 示例市 (990100), a small fixed synthetic city (示例数据): 3 districts, 5 units, one 2021–2025 plan with 4 targets and 3
/// district allocations, 4 tasks, 13 enterprises with yearly revenue 2020–2024, a quarterly report form with 2025Q1/Q2
/// submissions. Every number the golden tests assert is derived by hand from the tables below.
/// </summary>
public static class GoldenCity
{
    public const string AdminPassword = DemoAccounts.Password;
    public const string PlanSlug = "golden-demo-city-plan-2021-2025";
    public const string FormName = "示例市任务进度季报（示例数据·黄金测试）";

    public sealed record Ids(
        int ProvinceId, int CityId, int DistrictJiaId, int DistrictYiId, int DistrictBingId, int NeighbourCityId,
        int UnitDrcId, int UnitSciId, int UnitJiaId, int UnitYiId, int UnitBingId,
        int PlanId, int TargetRevenueId, int TargetTierId, int TargetRdRatioId, int TargetEnergyId,
        int AllocationJiaId, int AllocationYiId, int AllocationBingId,
        int TaskParkId, int TaskPlatformId, int TaskJiaId, int TaskYiId, int FormId,
        IReadOnlyDictionary<string, EnterpriseRef> Enterprises);

    public sealed record EnterpriseRef(int Id, string CreditCode, string Name);

    /// <summary>Yearly revenue in 万元, 2020..2024 (null: no figure that year).</summary>
    public sealed record EnterpriseRow(string Key, string Name, string District, string IndustryCode, decimal?[] Revenue,
        CultivationPool? Pool = null, int PoolFrom = 2021, ListingStatus Listing = ListingStatus.Unlisted, int? Founded = 2010);

    /// <summary>When E12 (龙头企业, listed) moved its registration from 示例乙区 to 示例邻市.</summary>
    public static readonly DateTimeOffset E12MovedAt = new(2025, 6, 30, 10, 0, 0, TimeSpan.FromHours(8));

    public const string Jia = "jia", Yi = "yi", Bing = "bing", Neighbour = "neighbour";

    /// <summary>
    /// District bio revenue sums (万元), BIO.* only (E10 is INTERNET and counts nowhere in the plan's bio indicators):
    /// 甲: 2020 325000+95000+80000=500000; 2021 340000+105000+85000=530000; 2022 360000+130000+90000=580000;
    ///     2023 390000+160000+95000=645000; 2024 420000+120000+192050=732050
    /// 乙: 2020 150000+90000+60000=300000; 2021 180000+95000+70000=345000; 2022 220000+110000+90000=420000;
    ///     2023 300000+200000+100000=600000; 2024 400000+300000+156830=856830
    /// 丙: 2020 110000+50000+40000=200000; 2021 130000+55000+45000=230000; 2022 160000+60000+50000=270000;
    ///     2023 220000+80000+70000+5000=375000; 2024 300000+90000+82720+12000=484720
    /// 市: 2020 1000000 (100 亿元); 2021 1105000 (110.5); 2022 1270000 (127); 2023 1620000 (162); 2024 2073600 (207.36)
    /// E12 was registered in 乙区 and moved to 示例邻市 (990200) after insertion, so it counts in 示例邻市, not in 示例市.
    /// </summary>
    public static readonly IReadOnlyList<EnterpriseRow> Rows =
    [
        new("E01", "示例甲区生物药龙头企业（示例）", Jia, IndustryTaxonomy.Biologic, [325000, 340000, 360000, 390000, 420000], CultivationPool.Leading, 2021, ListingStatus.Listed),
        new("E02", "示例甲区化学药瞪羚企业（示例）", Jia, IndustryTaxonomy.Chemical, [95000, 105000, 130000, 160000, 120000], CultivationPool.Gazelle, 2022),
        new("E03", "示例甲区体外诊断企业（示例）", Jia, IndustryTaxonomy.Ivd, [80000, 85000, 90000, 95000, 192050]),
        new("E04", "示例乙区研发外包企业（示例）", Yi, IndustryTaxonomy.Cro, [150000, 180000, 220000, 300000, 400000]),
        new("E05", "示例乙区细胞治疗企业（示例）", Yi, IndustryTaxonomy.CellGene, [90000, 95000, 110000, 200000, 300000]),
        new("E06", "示例乙区现代中药企业（示例）", Yi, IndustryTaxonomy.Tcm, [60000, 70000, 90000, 100000, 156830]),
        new("E07", "示例丙区医学影像企业（示例）", Bing, IndustryTaxonomy.Imaging, [110000, 130000, 160000, 220000, 300000]),
        new("E08", "示例丙区植介入器械企业（示例）", Bing, IndustryTaxonomy.Implant, [50000, 55000, 60000, 80000, 90000], CultivationPool.Specialized, 2021),
        new("E09", "示例丙区生物药企业（示例）", Bing, IndustryTaxonomy.Biologic, [40000, 45000, 50000, 70000, 82720]),
        new("E10", "示例甲区互联网企业（示例）", Jia, IndustryTaxonomy.Internet, [500000, 500000, 500000, 500000, 500000]),
        new("E11", "示例丙区康复器械新企业（示例）", Bing, IndustryTaxonomy.Rehab, [null, null, null, 5000, 12000], Founded: 2023),
        new("E12", "示例乙区外迁上市企业（示例）", Yi, IndustryTaxonomy.Chemical, [50000, 50000, 50000, 50000, 50000], CultivationPool.Leading, 2021, ListingStatus.Listed),
        new("E13", "示例邻市生物药企业（示例）", Neighbour, IndustryTaxonomy.Biologic, [30000, 30000, 30000, 30000, 30000]),
    ];

    public static async Task<Ids> SeedAsync(AppDbContext db, DateTimeOffset now, CancellationToken ct = default)
    {
        now = now.ToUniversalTime(); // PostgreSQL stores timestamptz from UTC offsets only
        // Regions: 示例省 → 示例市 (3 districts) and 示例邻市; fictional 99xxxx codes, never official.
        Region R(string code, string name, RegionLevel level, Region? parent) => new()
        {
            Code = code, Name = name, Level = level, Parent = parent, SeriesCode = code, IsOfficialCode = false, Note = "示例数据（黄金测试）",
        };
        var province = R("990000", "示例省", RegionLevel.Province, null);
        var city = R("990100", "示例市", RegionLevel.City, province);
        var jia = R("990101", "示例甲区", RegionLevel.District, city);
        var yi = R("990102", "示例乙区", RegionLevel.District, city);
        var bing = R("990103", "示例丙区", RegionLevel.District, city);
        var neighbour = R("990200", "示例邻市", RegionLevel.City, province);
        db.Regions.AddRange(province, city, jia, yi, bing, neighbour);
        await db.SaveChangesAsync(ct);
        var districts = new Dictionary<string, Region> { [Jia] = jia, [Yi] = yi, [Bing] = bing, [Neighbour] = neighbour };

        Unit U(string full, string shortName, UnitKind kind, Region region) => new() { FullName = full, ShortName = shortName, Kind = kind, Region = region };
        var drc = U("示例市发展和改革委员会", "示例市发改委", UnitKind.Department, city);
        var sci = U("示例市科技创新局", "示例市科技局", UnitKind.Department, city);
        var jiaGov = U("示例市示例甲区人民政府", "示例甲区政府", UnitKind.DistrictGovernment, jia);
        var yiGov = U("示例市示例乙区人民政府", "示例乙区政府", UnitKind.DistrictGovernment, yi);
        var bingGov = U("示例市示例丙区人民政府", "示例丙区政府", UnitKind.DistrictGovernment, bing);
        db.Units.AddRange(drc, sci, jiaGov, yiGov, bingGov);
        var admin = new User { UserName = "admin", DisplayName = "黄金测试管理员（示例）", Role = UserRole.Admin, IsDemo = true, CreatedAt = now };
        admin.PasswordHash = AccountService.HashPassword(admin, AdminPassword);
        db.Users.Add(admin);
        await db.SaveChangesAsync(ct);

        // Indicators: an amount, a tier count, a ratio, and a decreasing amount (the last two reported as IndicatorValues).
        var revenue = new Indicator { Name = "示例生物医药产业营业收入", Unit = "亿元", Kind = IndicatorKind.Amount, Aggregation = Aggregation.Sum, Caliber = Caliber.ByRegistration, Sector = Sector.Bio, Measure = ComputedMeasure.Revenue };
        var tier = new Indicator { Name = "示例营业收入超十亿元生物医药企业数", Unit = "家", Kind = IndicatorKind.Count, Aggregation = Aggregation.Count, Caliber = Caliber.ByRegistration, Sector = Sector.Bio, Measure = ComputedMeasure.RevenueTierCount, TierThreshold = 10m };
        var rdRatio = new Indicator { Name = "示例生物医药研发投入强度", Unit = "%", Kind = IndicatorKind.Ratio, Aggregation = Aggregation.Latest, Caliber = Caliber.ByRegistration, Sector = Sector.Bio };
        var energy = new Indicator { Name = "示例单位产值能耗", Unit = "千克标准煤/万元", Kind = IndicatorKind.Amount, Aggregation = Aggregation.Latest, Caliber = Caliber.ByRegistration, Direction = Direction.Decrease, Sector = Sector.Bio };
        db.Indicators.AddRange(revenue, tier, rdRatio, energy);
        await db.SaveChangesAsync(ct);

        var plan = new Plan
        {
            Slug = PlanSlug, Title = "示例市生物医药产业发展规划（2021—2025年）（示例数据）", Issuer = "示例市人民政府", Region = city,
            PeriodStart = 2021, PeriodEnd = 2025, Status = PlanStatus.Confirmed, Source = "黄金测试示例数据",
            FullText = "示例数据：本规划为黄金测试虚构的示例市规划，不代表任何真实文件。",
        };
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);

        var tRevenue = new Target { PlanId = plan.Id, Indicator = revenue, Region = city, Year = 2025, Comparator = Comparator.AtLeast, Value = 371.293m, Unit = "亿元", Quote = "到2025年，生物医药产业营业收入达到371.293亿元（示例）" };
        var tTier = new Target { PlanId = plan.Id, Indicator = tier, Region = city, Year = 2025, Comparator = Comparator.AtLeast, Value = 8m, Unit = "家", Quote = "营业收入超十亿元企业达到8家（示例）" };
        var tRd = new Target { PlanId = plan.Id, Indicator = rdRatio, Region = city, Year = 2025, Comparator = Comparator.AtLeast, Value = 10m, Unit = "%", Quote = "研发投入强度达到10%（示例）" };
        var tEnergy = new Target { PlanId = plan.Id, Indicator = energy, Region = city, Year = 2025, Comparator = Comparator.AtMost, Value = 5.9049m, Unit = "千克标准煤/万元", Quote = "单位产值能耗降至5.9049千克标准煤/万元以下（示例）" };
        db.Targets.AddRange(tRevenue, tTier, tRd, tEnergy);
        db.Baselines.AddRange(
            new Baseline { PlanId = plan.Id, Indicator = revenue, Region = city, Year = 2020, Value = 100m, Unit = "亿元", Quote = "2020年营业收入100亿元（示例）" },
            new Baseline { PlanId = plan.Id, Indicator = energy, Region = city, Year = 2020, Value = 10m, Unit = "千克标准煤/万元", Quote = "2020年单位产值能耗10千克标准煤/万元（示例）" });
        var aJia = new Allocation { PlanId = plan.Id, Indicator = revenue, Region = jia, Year = 2025, Value = 185.6465m, Unit = "亿元" };
        var aYi = new Allocation { PlanId = plan.Id, Indicator = revenue, Region = yi, Year = 2025, Value = 161.3472m, Unit = "亿元" };
        var aBing = new Allocation { PlanId = plan.Id, Indicator = revenue, Region = bing, Year = 2025, Value = 45m, Unit = "亿元" };
        db.Allocations.AddRange(aJia, aYi, aBing);
        await db.SaveChangesAsync(ct);

        // Ratio and decreasing indicator: values reported for the city (统计数据, synthetic).
        decimal[] rdValues = [8.0m, 8.1m, 8.2m, 8.3m, 8.4m];
        decimal[] energyValues = [10m, 11m, 12.1m, 13.31m, 14.641m];
        for (var i = 0; i < 5; i++)
        {
            db.IndicatorValues.Add(new IndicatorValue { Indicator = rdRatio, Region = city, Year = 2020 + i, Quarter = 0, Value = rdValues[i], Source = ValueSource.Statistics, IsSynthetic = true, Note = "示例数据" });
            db.IndicatorValues.Add(new IndicatorValue { Indicator = energy, Region = city, Year = 2020 + i, Quarter = 0, Value = energyValues[i], Source = ValueSource.Statistics, IsSynthetic = true, Note = "示例数据" });
        }
        await db.SaveChangesAsync(ct);

        // Tasks with lead units; statuses as the latest (2025Q2) reports say.
        PlanTask T(string number, string title, PlanTaskStatus status, Unit lead, int order) => new()
        {
            PlanId = plan.Id, Number = number, Title = title, Status = status, SortOrder = order,
            Assignments = [new TaskAssignment { Unit = lead, Role = AssignmentRole.Lead, Position = 0, WrittenAs = lead.ShortName }],
        };
        var taskPark = T("1", "建设示例生物医药产业园（示例）", PlanTaskStatus.InProgress, drc, 1);
        var taskPlatform = T("2", "建设示例公共技术服务平台（示例）", PlanTaskStatus.Done, sci, 2);
        var taskJia = T("3", "推进甲区生物药产能建设（示例）", PlanTaskStatus.InProgress, jiaGov, 3);
        var taskYi = T("4", "推进乙区细胞治疗中试基地（示例）", PlanTaskStatus.NotStarted, yiGov, 4);
        db.PlanTasks.AddRange(taskPark, taskPlatform, taskJia, taskYi);
        await db.SaveChangesAsync(ct);

        // Enterprises, in table order; E12 starts in 乙区 and is moved out below (an audited update).
        var enterprises = new Dictionary<string, Enterprise>();
        var n = 0;
        foreach (var row in Rows)
        {
            n++;
            var region = districts[row.District];
            var e = new Enterprise
            {
                CreditCode = CreditCode.Complete($"91{region.Code}99000{n:0000}"), Name = row.Name, RegisteredRegionId = region.Id,
                IndustryCode = row.IndustryCode, ListingStatus = row.Listing, StockCode = row.Listing == ListingStatus.Listed ? $"99{n:0000}.SZ" : null,
                FoundedYear = row.Founded, IsSynthetic = true,
            };
            if (row.Pool is { } pool) e.Pools.Add(new PoolMembership { Pool = pool, FromYear = row.PoolFrom });
            for (var i = 0; i < row.Revenue.Length; i++)
                if (row.Revenue[i] is { } r)
                    e.Figures.Add(new EnterpriseFigure { Year = 2020 + i, Quarter = 0, Revenue = r, OutputValue = r, RdExpense = Math.Round(r * 0.1m, 2), Employees = 100, InventionPatents = 10 });
            db.Enterprises.Add(e);
            enterprises[row.Key] = e;
        }
        await db.SaveChangesAsync(ct);
        enterprises["E12"].RegisteredRegionId = neighbour.Id;
        await db.SaveChangesAsync(ct);
        // The move happened on 2025-06-30 10:00 (China): the audit log writes the machine's clock, so its time is pinned here.
        var e12Id = enterprises["E12"].Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var move = db.AuditEntries.Local.Single(a => a.EntityType == nameof(Enterprise) && a.EntityId == e12Id && a.Action == "Modified");
        move.At = E12MovedAt.ToUniversalTime();
        await db.SaveChangesAsync(ct);

        // Credit records (示例数据) of three enterprises; scored on 2025-07-20 (China), so validity windows are fixed.
        CreditRecord C(string key, string indicator, string title, DateOnly on, string doc, string issuer, DateOnly? validUntil = null) => new()
        {
            EnterpriseId = enterprises[key].Id, IndicatorCode = indicator, Title = title, OccurredOn = on, DocumentNo = doc, Issuer = issuer,
            ValidUntil = validUntil, Source = "示例数据（黄金测试）", IsSynthetic = true, ImportedAt = now, ImportedBy = "golden",
        };
        db.AddRange(
            // E01: every dimension, the qualification bonus cap (17 → 15), two expired records, one repaired early, one in the future.
            C("E01", "QUA-HIGH-TECH", "高新技术企业认定（示例）", new(2024, 11, 15), "示例高新〔2024〕15号", "示例市科技创新局"),
            C("E01", "QUA-LITTLE-GIANT", "专精特新“小巨人”企业认定（示例）", new(2023, 8, 1), "示例工信〔2023〕8号", "示例省工业和信息化厅"),
            C("E01", "QUA-AWARD", "示例省科学技术奖（示例）", new(2024, 3, 10), "示例科奖〔2024〕3号", "示例省人民政府"),
            C("E01", "QUA-GMP", "GMP符合性检查通过（示例）", new(2025, 1, 20), "示例药检〔2025〕20号", "示例省药品监督管理局"),
            C("E01", "QUA-SRDI", "专精特新中小企业认定（示例）", new(2022, 9, 1), "示例工信〔2022〕9号", "示例省工业和信息化厅"),
            C("E01", "SOC-DONATION", "公益捐赠（示例）", new(2025, 3, 1), "示例慈〔2025〕1号", "示例市慈善总会"),
            C("E01", "SOC-EMPLOYMENT", "稳岗扩岗表彰（示例）", new(2024, 5, 1), "示例人社〔2024〕5号", "示例市人力资源和社会保障局"),
            C("E01", "CMP-PEN-GENERAL", "罚款（示例）", new(2024, 6, 18), "示例罚〔2024〕18号", "示例市市场监督管理局"),
            C("E01", "PUN-LATE-REPORT", "统计报表逾期报送（示例）", new(2025, 2, 15), "示例统〔2025〕15号", "示例市统计局"),
            C("E01", "REG-SAMPLING-FAIL", "产品抽检不合格（示例）", new(2024, 9, 9), "示例抽〔2024〕9号", "示例省药品监督管理局"),
            C("E01", "CMP-PEN-MINOR", "警告（示例）", new(2024, 4, 1), "示例罚〔2024〕4号", "示例市市场监督管理局"),
            C("E01", "QUA-AWARD", "示例市质量奖（示例，未来日期）", new(2025, 8, 1), "示例质奖〔2025〕8号", "示例市人民政府"),
            C("E01", "PUN-TAX-ARREARS", "欠税公告（示例，已修复）", new(2024, 12, 1), "示例税〔2024〕12号", "示例市税务局", new DateOnly(2025, 6, 30)),
            // E05: 80 + 16 − 30 = 66 (band C), but the serious-violation list forces D.
            C("E05", "CMP-SERIOUS-LIST", "列入严重违法失信名单（示例）", new(2025, 1, 10), "示例严失〔2025〕1号", "示例市市场监督管理局"),
            C("E05", "QUA-HIGH-TECH", "高新技术企业认定（示例）", new(2023, 12, 1), "示例高新〔2023〕12号", "示例市科技创新局"),
            C("E05", "QUA-LITTLE-GIANT", "专精特新“小巨人”企业认定（示例）", new(2024, 6, 1), "示例工信〔2024〕6号", "示例省工业和信息化厅"),
            C("E05", "QUA-AWARD", "示例省科学技术奖（示例）", new(2024, 2, 1), "示例科奖〔2024〕2号", "示例省人民政府"),
            C("E05", "QUA-GMP", "质量管理体系认证（示例）", new(2024, 10, 1), "示例认〔2024〕10号", "示例认证中心"),
            C("E05", "SOC-ENV-GOOD", "环保诚信企业（示例）", new(2024, 8, 1), "示例环〔2024〕8号", "示例市生态环境局"),
            // E09: three serious penalties and an abnormal-list entry against the compliance deduction cap of 40.
            C("E09", "CMP-PEN-SERIOUS", "责令停产停业（示例）", new(2025, 5, 10), "示例罚〔2025〕510号", "示例市市场监督管理局"),
            C("E09", "CMP-PEN-SERIOUS", "暂扣许可证（示例）", new(2024, 10, 10), "示例罚〔2024〕1010号", "示例市市场监督管理局"),
            C("E09", "CMP-PEN-SERIOUS", "责令停产停业（示例）", new(2023, 12, 10), "示例罚〔2023〕1210号", "示例市市场监督管理局"),
            C("E09", "CMP-ABNORMAL", "列入经营异常名录（示例）", new(2025, 1, 5), "示例异〔2025〕5号", "示例市市场监督管理局"));
        await db.SaveChangesAsync(ct);

        // Quarterly task form for all five units; deadline the 10th of the month after the quarter (2025Q1: 04-10, 2025Q2: 07-10).
        var form = new ReportForm
        {
            Name = FormName, Description = "示例数据：黄金测试的季度任务进度报送。", PeriodType = PeriodType.Quarter, PlanId = plan.Id,
            DeadlineDay = 10, OpenDaysBeforeEnd = 92, LockAfterDays = 30, IsSynthetic = true,
            Tasks = new[] { taskPark, taskPlatform, taskJia, taskYi }.Select((t, i) => new ReportFormTask { PlanTaskId = t.Id, SortOrder = i }).ToList(),
            Assignments = new[] { drc, sci, jiaGov, yiGov, bingGov }.Select(u => new ReportFormAssignment { UnitId = u.Id }).ToList(),
        };
        db.Add(form);
        await db.SaveChangesAsync(ct);

        var china = TimeSpan.FromHours(8);
        Submission S(Unit unit, string period, DateTimeOffset localTime, SubmissionStatus status, PlanTask? task, TaskProgress progress)
        {
            var at = localTime.ToUniversalTime();
            var accepted = status == SubmissionStatus.Accepted;
            var version = new SubmissionVersion
            {
                Number = 1, Action = "submit", SavedBy = "示例信息员", SavedAt = at, ValuesJson = "{}", WarningsJson = "[]", RequestHash = $"golden-{period}-{unit.Id}",
            };
            if (task is not null)
                version.TaskReports.Add(new TaskReport { PlanTaskId = task.Id, Status = progress, Percent = progress == TaskProgress.Done ? 100 : progress == TaskProgress.InProgress ? 50 : 0 });
            return new Submission
            {
                FormId = form.Id, UnitId = unit.Id, PeriodKey = period, Status = status, CurrentVersion = 1, CreatedAt = at.AddDays(-1),
                SubmittedAt = at, SubmittedBy = "示例信息员", IsSynthetic = true,
                ReviewedAt = accepted ? at.AddDays(1) : null, ReviewedBy = accepted ? "示例管理员" : null,
                Versions = [version],
            };
        }
        db.AddRange(
            // 2025Q1 (deadline 2025-04-10 23:59:59 +08): four on time and accepted, 丙区 late (04-12).
            S(drc, "2025Q1", new(2025, 4, 3, 9, 0, 0, china), SubmissionStatus.Accepted, taskPark, TaskProgress.NotStarted),
            S(sci, "2025Q1", new(2025, 4, 8, 9, 0, 0, china), SubmissionStatus.Accepted, taskPlatform, TaskProgress.InProgress),
            S(jiaGov, "2025Q1", new(2025, 4, 9, 9, 0, 0, china), SubmissionStatus.Accepted, taskJia, TaskProgress.NotStarted),
            S(yiGov, "2025Q1", new(2025, 4, 10, 18, 0, 0, china), SubmissionStatus.Accepted, taskYi, TaskProgress.NotStarted),
            S(bingGov, "2025Q1", new(2025, 4, 12, 9, 0, 0, china), SubmissionStatus.Accepted, null, TaskProgress.NotStarted),
            // 2025Q2 (deadline 2025-07-10 23:59:59 +08): 发改委, 科技局, 甲区 on time; 乙区 late (07-15); 丙区 missing.
            S(drc, "2025Q2", new(2025, 7, 5, 9, 0, 0, china), SubmissionStatus.Accepted, taskPark, TaskProgress.InProgress),
            S(sci, "2025Q2", new(2025, 7, 9, 9, 0, 0, china), SubmissionStatus.Submitted, taskPlatform, TaskProgress.Done),
            S(jiaGov, "2025Q2", new(2025, 7, 10, 23, 0, 0, china), SubmissionStatus.Accepted, taskJia, TaskProgress.InProgress),
            S(yiGov, "2025Q2", new(2025, 7, 15, 9, 0, 0, china), SubmissionStatus.Submitted, taskYi, TaskProgress.NotStarted));
        await db.SaveChangesAsync(ct);

        return new Ids(province.Id, city.Id, jia.Id, yi.Id, bing.Id, neighbour.Id,
            drc.Id, sci.Id, jiaGov.Id, yiGov.Id, bingGov.Id,
            plan.Id, tRevenue.Id, tTier.Id, tRd.Id, tEnergy.Id, aJia.Id, aYi.Id, aBing.Id,
            taskPark.Id, taskPlatform.Id, taskJia.Id, taskYi.Id, form.Id,
            enterprises.ToDictionary(p => p.Key, p => new EnterpriseRef(p.Value.Id, p.Value.CreditCode, p.Value.Name)));
    }
}
