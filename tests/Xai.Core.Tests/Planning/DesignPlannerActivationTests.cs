using Xai.Attribution;
using Xai.Onnx;
using Xai.Planning;

namespace Xai.Core.Tests.Planning;

/// <summary>
/// Per-boundary activation exponents: the calibration maximum at every boundary (input, each
/// block's output, logits) lands in [1, 2) of the shared 16-bit activation format, whatever its
/// magnitude, and the paper profile keeps everything unscaled.
/// </summary>
public class DesignPlannerActivationTests
{
    private static IReadOnlyList<HardwareLayer> TinyCnnLayers()
    {
        var model = Path.Combine(AppContext.BaseDirectory, "Data", "tiny_cnn.onnx");
        return HardwareLayerMapper.Map(new OnnxModelImporter().Import(model), model);
    }

    [Fact]
    public void PerTensor_PutsEachBoundaryMaximumInTheTopBinade()
    {
        var layers = TinyCnnLayers();
        Assert.Equal(4, layers.Count);
        double[] activationMax = [1.5, 0.2, 28.0, 8.0];
        var ranges = new CalibrationRanges(4, 1.0, activationMax,
            new Dictionary<AttributionMethod, double[]> { [AttributionMethod.Saliency] = [0.01, 0.1, 0.1, 0.5, 1.0] });

        var plan = DesignPlanner.PerTensor(layers, ranges, AttributionMethod.Saliency);

        Assert.Equal(new NumberFormat(16, 2, Round: true, Saturate: true), plan.Activation);
        Assert.Equal(new[] { 0, 0, 3, -4, -3 }, plan.ActivationExponents);
        var maxima = activationMax.Prepend(1.0).ToArray();
        for (var b = 0; b < maxima.Length; b++)
        {
            var stored = maxima[b] * Math.Pow(2, plan.ActivationExponents[b]);
            Assert.InRange(stored, 1.0, plan.Activation.Max);
        }

        // The accumulator keeps every product's fraction bits: activation (14) + weight.
        Assert.Equal(plan.Activation.FractionBits + plan.Weight.FractionBits, plan.Accumulator.FractionBits);
    }

    [Fact]
    public void PaperProfile_HasNoActivationScaling()
    {
        Assert.All(NumericsPlan.PaperFaithful(5).ActivationExponents, e => Assert.Equal(0, e));
    }
}
