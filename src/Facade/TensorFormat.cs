using System.Globalization;
using System.Text;
using Nabla.Core;

namespace Nabla;

/// <summary>
/// PyTorch's tensor repr (torch/_tensor_str.py, default print options: precision 4, linewidth 80, threshold 1000,
/// edgeitems 3): one formatter for all elements chosen from the values, integer mode ("1."), fixed ("1.5000") or
/// scientific ("1.0000e+08"), right-aligned to a common width, nested brackets, summarised with "..." past 1000.
/// </summary>
internal static class TensorFormat
{
    const int Precision = 4, LineWidth = 80, Threshold = 1000, EdgeItems = 3;
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Repr(NdArray value, Core.DType defaultDType, string? gradFn, bool requiresGrad)
    {
        const string prefix = "tensor(";
        var indent = prefix.Length;
        var suffixes = new List<string>();
        var isDefaultDType = value.DType == defaultDType || value.DType == Core.DType.Int64 || value.DType == Core.DType.Bool;
        string body;
        if (value.Numel == 0)
        {
            if (value.Shape.Rank != 1) suffixes.Add($"size=({string.Join(", ", value.Shape.ToArray())})");
            body = "[]";
            isDefaultDType = value.DType == defaultDType || value.DType == Core.DType.Int64;   // an empty Bool shows its dtype
        }
        else body = Body(value, indent);
        if (!isDefaultDType) suffixes.Add("dtype=" + value.DType.Name());
        if (gradFn is not null) suffixes.Add($"grad_fn=<{gradFn}>");
        else if (requiresGrad) suffixes.Add("requires_grad=True");
        return AddSuffixes(prefix + body, suffixes, indent);
    }

    static string AddSuffixes(string tensorStr, List<string> suffixes, int indent)
    {
        var sb = new StringBuilder(tensorStr);
        var lastLineLen = tensorStr.Length - tensorStr.LastIndexOf('\n') + 1;
        foreach (var suffix in suffixes)
        {
            if (lastLineLen + suffix.Length + 2 > LineWidth)
            {
                sb.Append(",\n").Append(' ', indent).Append(suffix);
                lastLineLen = indent + suffix.Length;
            }
            else
            {
                sb.Append(", ").Append(suffix);
                lastLineLen += suffix.Length + 2;
            }
        }
        return sb.Append(')').ToString();
    }

    static string Body(NdArray value, int indent)
    {
        var shape = value.Shape.ToArray();
        var summarize = value.Numel > Threshold;
        var formatter = new Formatter(value, summarize ? Summarized(shape) : Enumerable.Range(0, value.Numel));
        return Str(shape, 0, 0, indent, summarize, formatter);
    }

    // The offsets of the elements the repr shows when summarising: the first and last EdgeItems along every dimension.
    static IEnumerable<int> Summarized(int[] shape)
    {
        return Walk(0, 0);

        IEnumerable<int> Walk(int dim, int offset)
        {
            if (dim == shape.Length) { yield return offset; yield break; }
            var inner = 1;
            for (var d = dim + 1; d < shape.Length; d++) inner *= shape[d];
            foreach (var i in Indices(shape[dim], true))
                foreach (var v in Walk(dim + 1, offset + i * inner)) yield return v;
        }
    }

    static IEnumerable<int> Indices(int n, bool summarize) =>
        summarize && n > 2 * EdgeItems
            ? Enumerable.Range(0, EdgeItems).Concat(Enumerable.Range(n - EdgeItems, EdgeItems))
            : Enumerable.Range(0, n);

    static string Str(int[] shape, int dim, int offset, int indent, bool summarize, Formatter f)
    {
        var rank = shape.Length;
        if (rank == 0) return f.Format(0);
        var inner = 1;
        for (var d = dim + 1; d < rank; d++) inner *= shape[d];
        var n = shape[dim];
        var cut = summarize && n > 2 * EdgeItems;
        if (dim == rank - 1)
        {
            var items = new List<string>();
            for (var i = 0; i < n; i++)
            {
                if (cut && i == EdgeItems) { items.Add(" ..."); i = n - EdgeItems; }
                items.Add(f.Format(offset + i));
            }
            var perLine = Math.Max(1, (LineWidth - indent) / (f.Width + 2));
            var lines = items.Chunk(perLine).Select(line => string.Join(", ", line));
            return "[" + string.Join(",\n" + new string(' ', indent + 1), lines) + "]";
        }
        var slices = new List<string>();
        for (var i = 0; i < n; i++)
        {
            if (cut && i == EdgeItems) { slices.Add("..."); i = n - EdgeItems; }
            slices.Add(Str(shape, dim + 1, offset + i * inner, indent + 1, summarize, f));
        }
        var sep = "," + new string('\n', rank - dim - 1) + new string(' ', indent + 1);
        return "[" + string.Join(sep, slices) + "]";
    }

    // Formats the element at an offset of the row-major buffer. Int64 elements are read as longs, never through double,
    // so every value prints exactly (2⁵³ + 1 included). Bool elements print as Python's True and False, right-aligned.
    sealed class Formatter
    {
        readonly double[]? floats;
        readonly long[]? integers;
        readonly bool[]? bools;
        readonly bool intMode = true, sciMode;

        public Formatter(NdArray value, IEnumerable<int> shown)
        {
            Width = 1;
            if (value.DType == Core.DType.Bool)
            {
                bools = value.Span<bool>().ToArray();
                foreach (var i in shown) Width = Math.Max(Width, bools[i] ? 4 : 5);
                return;
            }
            if (!value.DType.IsFloating())
            {
                integers = value.Span<long>().ToArray();
                foreach (var i in shown) Width = Math.Max(Width, integers[i].ToString(Inv).Length);
                return;
            }
            floats = value.ToDoubles();
            var finite = shown.Select(i => floats[i]).Where(v => double.IsFinite(v) && v != 0).ToList();
            if (finite.Count == 0) return;
            var abs = finite.Select(Math.Abs).ToList();
            double min = abs.Min(), max = abs.Max();
            intMode = finite.All(v => v == Math.Ceiling(v));
            sciMode = intMode ? max / min > 1000 || max > 1e8 : max / min > 1000 || max > 1e8 || min < 1e-4;
            foreach (var v in finite)
                Width = Math.Max(Width, sciMode ? Sci(v).Length : intMode ? Fixed(v, 0).Length + 1 : Fixed(v, Precision).Length);
        }

        public int Width { get; }

        public string Format(int offset)
        {
            string s;
            var v = floats?[offset] ?? 0;
            if (bools is not null) s = bools[offset] ? "True" : "False";
            else if (integers is not null) s = integers[offset].ToString(Inv);
            else if (double.IsNaN(v)) s = "nan";
            else if (double.IsInfinity(v)) s = v > 0 ? "inf" : "-inf";
            else if (sciMode) s = Sci(v);
            else if (intMode) s = Fixed(v, 0) + ".";
            else s = Fixed(v, Precision);
            return s.Length < Width ? new string(' ', Width - s.Length) + s : s;
        }

        // Python's '{:.Nf}', including "-0" for negative zero.
        static string Fixed(double v, int digits)
        {
            var s = v.ToString("F" + digits, Inv);
            return double.IsNegative(v) && !s.StartsWith('-') ? "-" + s : s;
        }

        // Python's '{:.4e}': mantissa with 4 decimals, exponent sign and at least two digits.
        static string Sci(double v) => v.ToString("0.0000e+00", Inv);
    }
}
