using System.Globalization;
using System.Text;

namespace ClusterWatch.Core.Reporting;

public sealed class RuleExpressionException(string message, int position) : Exception(message)
{
    public int Position { get; } = position;
}

public enum ValueWhen { Current = 0, Previous = 1, PreviousInYear = 2 }
public enum ValueScope { Own = 0, City = 1 }

/// <summary>
/// A small arithmetic language for validation rules, parsed by hand and evaluated without eval:
/// numbers, + - * / and parentheses, #{名称} (this period), #{名称}[previous] (last period), #{名称}[previous_in_year]
/// (last period of the same year), #{名称}@city (the city's report), sum(district:#{名称}) (all districts' reports),
/// abs(x), min(x, y), max(x, y).
/// </summary>
public abstract record RuleExpression
{
    public static RuleExpression Parse(string text) => new Parser(text).ParseAll();

    /// <summary>Every value the expression names, in order of appearance.</summary>
    public abstract IEnumerable<ValueRef> References();

    internal abstract Evaluated Evaluate(IRuleValues values);
}

/// <summary>A value named by #{...}: its name, which period and whose report.</summary>
public sealed record ValueRef(string Name, ValueWhen When = ValueWhen.Current, ValueScope Scope = ValueScope.Own, bool AllDistricts = false) : RuleExpression
{
    public override IEnumerable<ValueRef> References() { yield return this; }
    internal override Evaluated Evaluate(IRuleValues values)
    {
        if (AllDistricts)
        {
            var present = values.Districts(this).Where(v => v is not null).Select(v => v!.Value).ToList();
            return present.Count == 0 ? Evaluated.Missing : new Evaluated(present.Sum(), 1, 0);
        }
        return values.Get(this) is { } v ? new Evaluated(v, 1, 0) : Evaluated.Missing;
    }
}

public sealed record NumberLiteral(decimal Value) : RuleExpression
{
    public override IEnumerable<ValueRef> References() => [];
    internal override Evaluated Evaluate(IRuleValues values) => new(Value, 0, 0);
}

public sealed record Negation(RuleExpression Operand) : RuleExpression
{
    public override IEnumerable<ValueRef> References() => Operand.References();
    internal override Evaluated Evaluate(IRuleValues values) { var o = Operand.Evaluate(values); return o with { Value = -o.Value }; }
}

public sealed record BinaryOperation(char Operator, RuleExpression Left, RuleExpression Right) : RuleExpression
{
    public override IEnumerable<ValueRef> References() => Left.References().Concat(Right.References());
    internal override Evaluated Evaluate(IRuleValues values)
    {
        var l = Left.Evaluate(values);
        var r = Right.Evaluate(values);
        decimal? value = Operator switch
        {
            '+' => l.Value + r.Value,
            '-' => l.Value - r.Value,
            '*' => l.Value * r.Value,
            _ => r.Value == 0 ? null : l.Value / r.Value,
        };
        return new Evaluated(value ?? 0, l.References + r.References, l.MissingCount + r.MissingCount, l.Undefined || r.Undefined || value is null);
    }
}

public sealed record FunctionCall(string Name, IReadOnlyList<RuleExpression> Arguments) : RuleExpression
{
    public override IEnumerable<ValueRef> References() => Arguments.SelectMany(a => a.References());
    internal override Evaluated Evaluate(IRuleValues values)
    {
        var args = Arguments.Select(a => a.Evaluate(values)).ToList();
        var value = Name switch
        {
            "abs" => Math.Abs(args[0].Value),
            "min" => args.Min(a => a.Value),
            _ => args.Max(a => a.Value),
        };
        return new Evaluated(value, args.Sum(a => a.References), args.Sum(a => a.MissingCount), args.Any(a => a.Undefined));
    }
}

/// <summary>A side's value (missing values count as 0), how many values it named and how many of them were missing.</summary>
internal sealed record Evaluated(decimal Value, int References, int MissingCount, bool Undefined = false)
{
    public static readonly Evaluated Missing = new(0, 1, 1);
}

/// <summary>Where the values named by a rule come from.</summary>
public interface IRuleValues
{
    decimal? Get(ValueRef reference);
    IEnumerable<decimal?> Districts(ValueRef reference);
}

internal sealed class Parser(string text)
{
    private int _pos;

    public RuleExpression ParseAll()
    {
        if (string.IsNullOrWhiteSpace(text)) throw new RuleExpressionException("表达式为空", 0);
        var e = ParseSum();
        SkipSpace();
        if (_pos < text.Length) throw Error($"第 {_pos + 1} 个字符「{text[_pos]}」无法识别");
        return e;
    }

    private RuleExpressionException Error(string message) => new(message, _pos);

    private void SkipSpace() { while (_pos < text.Length && char.IsWhiteSpace(text[_pos])) _pos++; }

    private bool Accept(string token)
    {
        SkipSpace();
        if (string.CompareOrdinal(text, _pos, token, 0, token.Length) != 0) return false;
        _pos += token.Length;
        return true;
    }

    private void Expect(string token)
    {
        if (!Accept(token)) throw Error($"第 {_pos + 1} 个字符处应为「{token}」");
    }

    private RuleExpression ParseSum()
    {
        var left = ParseProduct();
        while (true)
        {
            if (Accept("+")) left = new BinaryOperation('+', left, ParseProduct());
            else if (Accept("-")) left = new BinaryOperation('-', left, ParseProduct());
            else return left;
        }
    }

    private RuleExpression ParseProduct()
    {
        var left = ParseUnary();
        while (true)
        {
            if (Accept("*")) left = new BinaryOperation('*', left, ParseUnary());
            else if (Accept("/")) left = new BinaryOperation('/', left, ParseUnary());
            else return left;
        }
    }

    private RuleExpression ParseUnary() => Accept("-") ? new Negation(ParseUnary()) : ParsePrimary();

    private RuleExpression ParsePrimary()
    {
        SkipSpace();
        if (_pos >= text.Length) throw Error("表达式不完整");
        if (Accept("(")) { var inner = ParseSum(); Expect(")"); return inner; }
        if (text[_pos] == '#') return ParseReference(allDistricts: false);
        if (char.IsDigit(text[_pos]) || text[_pos] == '.') return ParseNumber();
        if (char.IsAsciiLetter(text[_pos])) return ParseFunction();
        throw Error($"第 {_pos + 1} 个字符「{text[_pos]}」无法识别");
    }

    private NumberLiteral ParseNumber()
    {
        var start = _pos;
        while (_pos < text.Length && (char.IsDigit(text[_pos]) || text[_pos] == '.')) _pos++;
        var token = text[start.._pos];
        if (!decimal.TryParse(token, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            throw new RuleExpressionException($"「{token}」不是数字", start);
        return new NumberLiteral(value);
    }

    private RuleExpression ParseFunction()
    {
        var start = _pos;
        while (_pos < text.Length && char.IsAsciiLetter(text[_pos])) _pos++;
        var name = text[start.._pos].ToLowerInvariant();
        Expect("(");
        if (name == "sum")
        {
            if (!Accept("district:")) throw Error("sum 只能写成 sum(district:#{名称})");
            SkipSpace();
            var reference = ParseReference(allDistricts: true);
            Expect(")");
            return reference;
        }
        if (name is not ("abs" or "min" or "max")) throw new RuleExpressionException($"未知函数「{name}」（可用 abs、min、max、sum）", start);
        var args = new List<RuleExpression> { ParseSum() };
        while (Accept(",")) args.Add(ParseSum());
        Expect(")");
        if (name == "abs" && args.Count != 1) throw new RuleExpressionException("abs 只接受一个参数", start);
        if (name != "abs" && args.Count < 2) throw new RuleExpressionException($"{name} 至少需要两个参数", start);
        return new FunctionCall(name, args);
    }

    private ValueRef ParseReference(bool allDistricts)
    {
        Expect("#{");
        var start = _pos;
        var close = text.IndexOf('}', _pos);
        if (close < 0) throw Error("「#{」缺少对应的「}」");
        var name = text[start..close].Trim();
        if (name.Length == 0) throw Error("#{} 中缺少名称");
        _pos = close + 1;
        var when = ValueWhen.Current;
        var scope = ValueScope.Own;
        while (true)
        {
            if (string.CompareOrdinal(text, _pos, "[previous_in_year]", 0, 18) == 0) { when = ValueWhen.PreviousInYear; _pos += 18; }
            else if (string.CompareOrdinal(text, _pos, "[previous]", 0, 10) == 0) { when = ValueWhen.Previous; _pos += 10; }
            else if (string.CompareOrdinal(text, _pos, "@city", 0, 5) == 0) { scope = ValueScope.City; _pos += 5; }
            else if (_pos < text.Length && text[_pos] == '[') throw Error("只支持 [previous] 与 [previous_in_year]");
            else break;
        }
        if (allDistricts && scope == ValueScope.City) throw Error("sum(district:…) 中不能再写 @city");
        return new ValueRef(name, when, scope, allDistricts);
    }
}
