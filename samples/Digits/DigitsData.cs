using System.Globalization;
using System.IO.Compression;

namespace Nabla.Samples.Digits;

/// <summary>
/// The UCI handwritten digits (8×8 images, pixels 0..16, labels 0..9): read from the gzipped CSV, scaled to [0, 1],
/// split 80/20 with a seeded shuffle.
/// </summary>
public sealed record DigitsData(float[] Pixels, long[] Labels)
{
    /// <summary>Pixels per image.</summary>
    public const int ImageSize = 64;

    /// <summary>Number of images.</summary>
    public int Count => Labels.Length;

    /// <summary>The file shipped next to the sample (copied to the output directory on build).</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "data", "digits.csv.gz");

    /// <summary>Reads rows of 64 pixels and a label from a gzipped CSV without a header.</summary>
    public static DigitsData Load(string path)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        var pixels = new List<float>();
        var labels = new List<long>();
        var row = 0;
        while (reader.ReadLine() is { } line)
        {
            row++;
            if (line.Length == 0) continue;
            var fields = line.Split(',');
            if (fields.Length != ImageSize + 1)
                throw new InvalidDataException($"{path}, row {row}: expected {ImageSize + 1} columns, found {fields.Length}");
            for (var i = 0; i < ImageSize; i++) pixels.Add(int.Parse(fields[i], CultureInfo.InvariantCulture) / 16f);
            labels.Add(long.Parse(fields[ImageSize], CultureInfo.InvariantCulture));
        }
        return new DigitsData(pixels.ToArray(), labels.ToArray());
    }

    /// <summary>A seeded shuffle cut into the first <paramref name="trainFraction"/> for training and the rest for testing.</summary>
    public (DigitsData Train, DigitsData Test) Split(double trainFraction, int seed)
    {
        var order = new Shuffle((ulong)seed).Permutation(Count);
        var cut = (int)Math.Round(Count * trainFraction);
        return (Take(order[..cut]), Take(order[cut..]));
    }

    /// <summary>The images at <paramref name="indices"/>, in that order.</summary>
    public DigitsData Take(ReadOnlySpan<int> indices)
    {
        var pixels = new float[indices.Length * ImageSize];
        var labels = new long[indices.Length];
        for (var i = 0; i < indices.Length; i++)
        {
            Array.Copy(Pixels, indices[i] * ImageSize, pixels, i * ImageSize, ImageSize);
            labels[i] = Labels[indices[i]];
        }
        return new DigitsData(pixels, labels);
    }

    /// <summary>The images as a Float32 tensor [N, 1, 8, 8].</summary>
    public Tensor Images() => Tensor.From(Pixels, [Count, 1, 8, 8]);

    /// <summary>The labels as an Int64 tensor [N].</summary>
    public Tensor Targets() => Tensor.From(Labels);
}
