using Xai.Attribution;
using Xai.Faithfulness;

namespace Xai.Core.Tests.Faithfulness;

/// <summary>The curves on a linear "network" (logit c = Σ w_c · x), where the right ranking is known.</summary>
public sealed class FaithfulnessMeasurementTests
{
    private const int Channels = 1;
    private const int Pixels = 16;
    private static readonly AttributionMethod[] Methods = [AttributionMethod.InputXGradient, AttributionMethod.Saliency];

    // Class 0's weights rise with the pixel index; class 1's are all one.
    private static float[][] Linear(IReadOnlyList<float[]> inputs, IReadOnlyList<int> methods) =>
        [.. inputs.Select(x => new[] { x.Select((v, i) => v * (i + 1f)).Sum(), x.Sum() })];

    private static FaithfulnessMeasurement.ImageMaps Image()
    {
        var x = Enumerable.Repeat(1f, Pixels).ToArray();
        // Input x Gradient of class 0 is exact: w * x. "Saliency" here is given the reversed (worst) map.
        float[] exact = [.. x.Select((v, i) => v * (i + 1f))];
        // Pixel 0 speaks against the class in this map: a signed method (x * g) ranks it last, where it is anyway;
        // ranked by magnitude it would go first and change every point of the curves checked below.
        exact[0] = -100;
        float[] reversed = [.. x.Select((v, i) => v * (16f - i))];
        return new(x, new Dictionary<AttributionMethod, (float[], int)> { [AttributionMethod.InputXGradient] = (exact, 0), [AttributionMethod.Saliency] = (reversed, 0) });
    }

    [Fact]
    public void The_exact_ranking_beats_random_and_the_reversed_one_loses_to_it()
    {
        var m = FaithfulnessMeasurement.Run(Methods, [Image()], Channels, 4, (_, inputs, methods) => Linear(inputs, methods));

        var exact = m.Summary.Methods["InputXGradient"];
        var reversed = m.Summary.Methods["Saliency"];
        var random = m.Summary.RandomOrder;
        Assert.True(exact.DeletionArea < random.DeletionArea && random.DeletionArea < reversed.DeletionArea, $"{exact.DeletionArea} {random.DeletionArea} {reversed.DeletionArea}");
        Assert.True(exact.InsertionArea > random.InsertionArea && random.InsertionArea > reversed.InsertionArea);
        // Removing pixels 16..13 first (a quarter) leaves 136 - 58 = 78; all removed leaves 0.
        Assert.Equal(new double?[] { 136, 78, 36, 10, 0 }, exact.Deletion);
        Assert.Equal(new double?[] { 0, 58, 100, 126, 136 }, exact.Insertion);
        Assert.Equal((136 / 2.0 + 78 + 36 + 10) / 4, exact.DeletionArea!.Value, 6);
        Assert.Equal(exact.DeletionArea!.Value, m.PerImage[(0, AttributionMethod.InputXGradient)].Deletion, 6);
        Assert.Equal(exact.InsertionArea!.Value, m.PerImage[(0, AttributionMethod.InputXGradient)].Insertion, 6);
        Assert.Equal(5, m.Summary.Steps + 1);
    }

    [Fact]
    public void Each_input_runs_with_the_formats_of_the_method_that_ranked_it_and_the_random_order_with_the_first()
    {
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<int, IReadOnlyList<int>>();
        FaithfulnessMeasurement.Run(Methods, [Image(), Image()], Channels, 2, (k, inputs, methods) =>
        {
            Assert.True(seen.TryAdd(k, [.. methods]));
            return Linear(inputs, methods);
        });

        // Per image: method 0's two curves, method 1's, then the random order's (method 0), 3 points each.
        int[] perImage = [.. Enumerable.Repeat(0, 6), .. Enumerable.Repeat(1, 6), .. Enumerable.Repeat(0, 6)];
        Assert.Equal(perImage, seen[0]);
        Assert.Equal(perImage, seen[1]);
    }

    [Fact]
    public void The_curves_follow_each_methods_explained_class()
    {
        var image = Image();
        var other = new FaithfulnessMeasurement.ImageMaps(image.Input, new Dictionary<AttributionMethod, (float[], int)>
        {
            [AttributionMethod.InputXGradient] = (image.Methods[AttributionMethod.InputXGradient].Relevance, 1),
            [AttributionMethod.Saliency] = image.Methods[AttributionMethod.Saliency],
        });

        var m = FaithfulnessMeasurement.Run(Methods, [other], Channels, 4, (_, inputs, methods) => Linear(inputs, methods));

        Assert.Equal(new double?[] { 16, 12, 8, 4, 0 }, m.Summary.Methods["InputXGradient"].Deletion);
        Assert.Equal(136, m.Summary.Methods["Saliency"].Deletion[0]);
    }
}
