namespace ClusterWatch.Core.Enterprises.Credit;

/// <summary>The facts of one credit record the model needs (what the score cites).</summary>
public sealed record CreditRecordFacts(
    long Id, string IndicatorCode, string Title, DateOnly OccurredOn, string? DocumentNo, string Issuer, DateOnly? ValidUntil);

/// <summary>
/// One counted record: the indicator's points, the points actually counted after the dimension cap (Note says why they differ)
/// and the record it cites.
/// </summary>
public sealed record CreditFactor(
    string IndicatorCode, string IndicatorName, string Dimension, string DimensionName, int Points, int CountedPoints, string? Note,
    long RecordId, string Title, DateOnly OccurredOn, string? DocumentNo, string Issuer, DateOnly ValidUntil);

/// <summary>
/// Score = BaseScore + Bonuses − Deductions (bounded to the scheme's range), its grade, why, and every factor; NextChangeOn is
/// the first day a record starts or stops counting (the score may change then without new data).
/// </summary>
public sealed record CreditEvaluation(
    string SchemeVersion, int BaseScore, int Bonuses, int Deductions, int Score, string Grade, string GradeReason,
    IReadOnlyList<CreditFactor> Factors, int ExpiredRecords, DateOnly? NextChangeOn = null);

/// <summary>
/// Scores one enterprise's credit records on a day: records in their validity window count; within a dimension the largest
/// points count first until its bonus or deduction cap is used up; the grade comes from the score band unless a counted
/// indicator forces a lower grade (the serious-violation list forces D).
/// </summary>
public sealed class CreditScoringModel(CreditScheme scheme)
{
    private static readonly Lazy<CreditScoringModel> DefaultModel = new(() => new CreditScoringModel(CreditScheme.Load(CreditScheme.DefaultPath)));

    /// <summary>The scheme shipped in SeedData/credit.</summary>
    public static CreditScoringModel Default => DefaultModel.Value;

    public CreditScheme Scheme { get; } = scheme;

    /// <summary>Built once: every score's reason quotes it, and a refresh scores 200,000 enterprises.</summary>
    private readonly string _gradeRule = scheme.GradeRule();

    /// <summary>The last day a record counts: its own 有效期至 when given, else the day before the indicator's window of N years ends.</summary>
    public static DateOnly ValidThrough(CreditRecordFacts record, CreditIndicator indicator) =>
        record.ValidUntil ?? record.OccurredOn.AddYears(indicator.ValidityYears).AddDays(-1);

    public CreditEvaluation Evaluate(IEnumerable<CreditRecordFacts> records, DateOnly asOf)
    {
        var expired = 0;
        DateOnly? nextChange = null;
        var valid = new List<(CreditRecordFacts Record, CreditIndicator Indicator, DateOnly Through)>();
        foreach (var record in records)
        {
            if (!Scheme.IndicatorsByCode.TryGetValue(record.IndicatorCode, out var indicator)) continue; // an indicator retired from the scheme
            var through = ValidThrough(record, indicator);
            if (record.OccurredOn > asOf) { nextChange = Earlier(nextChange, record.OccurredOn); continue; }
            if (through < asOf) { expired++; continue; }
            nextChange = Earlier(nextChange, through.AddDays(1));
            valid.Add((record, indicator, through));
        }

        var factors = new List<CreditFactor>();
        foreach (var dimension in Scheme.Dimensions)
        {
            var inDimension = valid.Where(v => v.Indicator.Dimension == dimension.Code).ToList();
            factors.AddRange(Capped(dimension, inDimension.Where(v => !v.Indicator.IsDeduction), dimension.BonusCap, "加分"));
            factors.AddRange(Capped(dimension, inDimension.Where(v => v.Indicator.IsDeduction), dimension.DeductionCap, "扣分"));
        }

        var bonuses = factors.Where(f => f.CountedPoints > 0).Sum(f => f.CountedPoints);
        var deductions = -factors.Where(f => f.CountedPoints < 0).Sum(f => f.CountedPoints);
        var raw = Scheme.BaseScore + bonuses - deductions;
        var score = Math.Clamp(raw, Scheme.MinScore, Scheme.MaxScore);
        var bandGrade = Scheme.GradeOf(score);
        var reason = $"得分 {score} 分（基础分 {Scheme.BaseScore} + 加分 {bonuses} − 扣分 {deductions}"
            + (raw != score ? $"，按 {Scheme.MinScore}–{Scheme.MaxScore} 分取值" : "") + $"），按分数段（{_gradeRule}）评为 {bandGrade} 级";

        var grade = bandGrade;
        var forcing = valid.Where(v => v.Indicator.ForcesGrade is not null)
            .OrderBy(v => GradeRank(v.Indicator.ForcesGrade!)).ThenByDescending(v => v.Record.OccurredOn).FirstOrDefault();
        if (forcing.Indicator is { ForcesGrade: { } forced } && GradeRank(forced) < GradeRank(bandGrade))
        {
            grade = forced;
            reason += $"；但有效期内存在“{forcing.Indicator.Name}”记录（{forcing.Record.DocumentNo ?? forcing.Record.Title}），直接评为 {forced} 级";
        }

        var ordered = factors.OrderBy(f => DimensionOrder(f.Dimension)).ThenBy(f => f.Points > 0 ? 0 : 1)
            .ThenByDescending(f => Math.Abs(f.Points)).ThenByDescending(f => f.OccurredOn).ThenBy(f => f.RecordId).ToList();
        return new CreditEvaluation(Scheme.Version, Scheme.BaseScore, bonuses, deductions, score, grade, reason, ordered, expired, nextChange);
    }

    private static DateOnly Earlier(DateOnly? current, DateOnly candidate) => current is { } c && c < candidate ? c : candidate;

    /// <summary>Evaluation of an enterprise without records: the base score and its grade.</summary>
    public CreditEvaluation Baseline(DateOnly asOf) => Evaluate([], asOf);

    private IEnumerable<CreditFactor> Capped(CreditDimension dimension,
        IEnumerable<(CreditRecordFacts Record, CreditIndicator Indicator, DateOnly Through)> items, int cap, string kind)
    {
        var remaining = cap;
        foreach (var (record, indicator, through) in items
                     .OrderByDescending(v => Math.Abs(v.Indicator.Points)).ThenByDescending(v => v.Record.OccurredOn).ThenBy(v => v.Record.Id))
        {
            var magnitude = Math.Abs(indicator.Points);
            var counted = Math.Min(magnitude, remaining);
            remaining -= counted;
            var note = counted == magnitude ? null
                : counted == 0 ? $"“{dimension.Name}”维度{kind}上限 {cap} 分已用满，本项计 0 分"
                : $"“{dimension.Name}”维度{kind}上限 {cap} 分，本项只计 {counted} 分";
            yield return new CreditFactor(indicator.Code, indicator.Name, dimension.Code, dimension.Name, indicator.Points,
                Math.Sign(indicator.Points) * counted, note, record.Id, record.Title, record.OccurredOn, record.DocumentNo, record.Issuer, through);
        }
    }

    private int GradeRank(string grade)
    {
        for (var i = 0; i < Scheme.Grades.Count; i++) if (Scheme.Grades[i].Grade == grade) return -i;
        return 0;
    }

    private int DimensionOrder(string code)
    {
        for (var i = 0; i < Scheme.Dimensions.Count; i++) if (Scheme.Dimensions[i].Code == code) return i;
        return int.MaxValue;
    }
}
