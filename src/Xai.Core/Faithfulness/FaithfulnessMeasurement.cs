using Xai.Attribution;
using Xai.Reporting.Model;
using Xai.Simulation;

namespace Xai.Faithfulness;

/// <summary>
/// Deletion and insertion curves for every method on the project's images, and for a random order, with
/// the fixed-point design: every perturbed input runs through the C simulation's forward pass in the
/// planned formats of the method that ranked it.
/// </summary>
public sealed class FaithfulnessMeasurement
{
    /// <summary>The random order of image k is seeded with this plus k (any fixed nonzero value would do).</summary>
    public const uint RandomSeed = 0x9E3779B9;

    /// <summary>XaiFaithfulnessSteps when the project leaves it empty: a point per tenth of the pixels.</summary>
    public const int DefaultSteps = 10;

    /// <summary>The most steps XaiFaithfulnessSteps allows: finer curves cost a forward pass per point and show nothing new.</summary>
    public const int MaxSteps = 100;

    /// <summary>What one image brings: its input and, per method, the map and the class it explains.</summary>
    public sealed record ImageMaps(float[] Input, IReadOnlyDictionary<AttributionMethod, (float[] Relevance, int Class)> Methods);

    /// <summary>Areas under one image's curves.</summary>
    public sealed record ImageAreas(double Deletion, double Insertion);

    public required FaithfulnessSummary Summary { get; init; }

    /// <summary>(image, method) → that image's areas.</summary>
    public required Dictionary<(int Image, AttributionMethod Method), ImageAreas> PerImage { get; init; }

    /// <param name="forward">
    /// Runs one image's batch through the forward pass: the image's index, the inputs and each one's method index
    /// (in <paramref name="methods"/>) → logits. Called for several images at once (one per core), so it must keep
    /// their files apart.
    /// </param>
    public static FaithfulnessMeasurement Run(
        IReadOnlyList<AttributionMethod> methods, IReadOnlyList<ImageMaps> images, int channels, int steps,
        Func<int, IReadOnlyList<float[]>, IReadOnlyList<int>, float[][]> forward, CancellationToken cancel = default)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var curves = new List<Curve>[images.Count];
        try
        {
            // The C simulation is one thread: an image per core. Each image is its own batch, so memory stays
            // a few images' curves whatever the project's image count.
            Parallel.For(0, images.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancel },
                k => curves[k] = CurvesOf(k, images[k], methods, channels, steps, forward));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }

        // Summed in image order, so the means do not depend on which image finished first.
        var perImage = new Dictionary<(int, AttributionMethod), ImageAreas>();
        var sums = new Dictionary<(AttributionMethod?, bool), double[]>();
        var areas = new Dictionary<(AttributionMethod?, bool), List<double>>();
        for (var k = 0; k < images.Count; k++)
        {
            foreach (var (method, insertion, values) in curves[k])
            {
                var key = (method, insertion);
                var sum = sums.TryGetValue(key, out var s) ? s : sums[key] = new double[steps + 1];
                for (var i = 0; i <= steps; i++)
                {
                    sum[i] += values[i];
                }

                var area = PerturbationCurve.Area(values);
                (areas.TryGetValue(key, out var list) ? list : areas[key] = []).Add(area);
                if (method is { } m)
                {
                    perImage[(k, m)] = insertion
                        ? new ImageAreas(perImage[(k, m)].Deletion, area)
                        : new ImageAreas(area, double.NaN);
                }
            }
        }

        FaithfulnessCurves Curves(AttributionMethod? method) => new()
        {
            DeletionArea = Round(areas.GetValueOrDefault((method, false))?.Average() ?? double.NaN),
            InsertionArea = Round(areas.GetValueOrDefault((method, true))?.Average() ?? double.NaN),
            Deletion = [.. (sums.GetValueOrDefault((method, false)) ?? []).Select(v => Round(v / images.Count))],
            Insertion = [.. (sums.GetValueOrDefault((method, true)) ?? []).Select(v => Round(v / images.Count))],
        };

        return new FaithfulnessMeasurement
        {
            Summary = new FaithfulnessSummary
            {
                Images = images.Count,
                Steps = steps,
                Baseline = "zeros",
                Seconds = Math.Round(clock.Elapsed.TotalSeconds, 3),
                Methods = methods.ToDictionary(m => m.ToString(), m => Curves(m)),
                RandomOrder = Curves(null),
            },
            PerImage = perImage,
        };
    }

    /// <summary>One curve of one image: the explained logit at each step.</summary>
    private sealed record Curve(AttributionMethod? Method, bool Insertion, double[] Values);

    /// <summary>Image k's curves, deletion before insertion, per method and then the random order.</summary>
    private static List<Curve> CurvesOf(
        int k, ImageMaps image, IReadOnlyList<AttributionMethod> methods, int channels, int steps, Func<int, IReadOnlyList<float[]>, IReadOnlyList<int>, float[][]> forward)
    {
        var pixels = PixelRanking.PixelCount(image.Input.Length, channels);
        var counts = PerturbationCurve.Counts(pixels, steps);
        var rankings = methods
            .Select(m => ((AttributionMethod?)m, PixelRanking.ByRelevance(image.Methods[m].Relevance, channels, RelevanceReading.ComparedAsMagnitude(m)), image.Methods[m].Class))
            .Append((null, PixelRanking.Random(pixels, RandomSeed + (uint)k), image.Methods[methods[0]].Class))
            .ToList();
        var inputs = new List<float[]>();
        var methodIndex = new List<int>();
        foreach (var (method, ranking, _) in rankings)
        {
            foreach (var insertion in new[] { false, true })
            {
                foreach (var changed in counts)
                {
                    inputs.Add(PerturbationCurve.Input(image.Input, channels, ranking, changed, insertion));
                    methodIndex.Add(method is { } m ? IndexOf(methods, m) : 0);
                }
            }
        }

        var logits = forward(k, inputs, methodIndex);
        var curves = new List<Curve>();
        var first = 0;
        foreach (var (method, _, cls) in rankings)
        {
            foreach (var insertion in new[] { false, true })
            {
                curves.Add(new Curve(method, insertion, [.. Enumerable.Range(first, steps + 1).Select(i => (double)logits[i][cls])]));
                first += steps + 1;
            }
        }

        return curves;
    }

    private static int IndexOf(IReadOnlyList<AttributionMethod> methods, AttributionMethod method)
    {
        for (var i = 0; i < methods.Count; i++)
        {
            if (methods[i] == method)
            {
                return i;
            }
        }

        throw new ArgumentException($"{method} is not among the plan's methods.", nameof(method));
    }

    private static double? Round(double v) => double.IsFinite(v) ? Math.Round(v, 6) : null;
}
