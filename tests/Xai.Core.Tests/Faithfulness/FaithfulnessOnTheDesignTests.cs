using Xai.Attribution;
using Xai.Core.Tests.CodeGeneration;
using Xai.Faithfulness;
using Xai.Simulation;
using Xai.Stages;

namespace Xai.Core.Tests.Faithfulness;

/// <summary>
/// The deletion and insertion curves of a real build (hls-lib's odd network, four methods): their ends are
/// the design's own logits of the image and of the zero image, and the forward pass they run gives the
/// logits the explanation run gives.
/// </summary>
[Collection(ExplanationNetworkCollection.Name)]
public sealed class FaithfulnessOnTheDesignTests(ExplanationNetworkBuild build)
{
    private int Inputs => build.Plan.InputShape.ElementCount;

    private Dictionary<(int Image, NumericsProfile Profile, AttributionMethod Method), CSimOutput> Outputs(string stem, int images) =>
        CSimResults.Read(Path.Combine(build.Layout.IntermediateDirectory, stem + "-outputs.bin"), images, build.Plan.Methods, build.Plan.Classes, Inputs);

    /// <summary>Image k as the C simulation read it (csim-inputs.f32).</summary>
    private float[] Input(int k)
    {
        var bytes = File.ReadAllBytes(Path.Combine(build.Layout.IntermediateDirectory, "csim-inputs.f32"));
        return [.. Enumerable.Range(0, Inputs).Select(i => BitConverter.ToSingle(bytes, 4 * (k * Inputs + i)))];
    }

    [Fact]
    public void Every_methods_curves_start_at_the_images_logit_and_end_at_the_zero_images()
    {
        var csim = CSimStage.Load(build.Layout)!;
        var f = csim.Faithfulness!;
        Assert.Equal((2, 10, "zeros"), (f.Images, f.Steps, f.Baseline));
        var outputs = Outputs("csim", 2);
        // The zero image through the explanation run: Integrated Gradients' baseline run of the same build.
        var zero = Outputs("csim-baseline", 1);
        foreach (var method in build.Plan.Methods)
        {
            var c = f.Methods[method.ToString()];
            Assert.Equal(11, c.Deletion.Count);
            var images = Enumerable.Range(0, 2).Select(k => outputs[(k, NumericsProfile.Planned, method)]).ToList();
            var full = images.Average(o => (double)o.Logits[o.Class]);
            var none = images.Average(o => (double)zero[(0, NumericsProfile.Planned, method)].Logits[o.Class]);
            Assert.Equal(full, c.Deletion[0]!.Value, 5);
            Assert.Equal(full, c.Insertion[^1]!.Value, 5);
            Assert.Equal(none, c.Deletion[^1]!.Value, 5);
            Assert.Equal(none, c.Insertion[0]!.Value, 5);
            Assert.All(csim.PerImage, i => Assert.NotNull(i.Methods[method.ToString()].DeletionArea));
        }

        Assert.Equal(11, f.RandomOrder.Insertion.Count);
    }

    [Fact]
    public void The_forward_pass_alone_gives_the_logits_of_the_explanation_run()
    {
        var outputs = Outputs("csim", 2);
        var image = Enumerable.Range(0, 2).Select(k => new FaithfulnessMeasurement.ImageMaps(
            Input(k),
            build.Plan.Methods.ToDictionary(m => m, m => (outputs[(k, NumericsProfile.Planned, m)].Relevance, outputs[(k, NumericsProfile.Planned, m)].Class)))).ToList();
        var channels = build.Plan.InputShape.Channels;

        var forward = FaithfulnessMeasurement.Run(build.Plan.Methods, image, channels, 3, (k, inputs, methods) =>
            CSimProgram.Forward(build.Layout.SimulationProgram, build.Layout.FloatWeights, inputs, methods, build.Directory, $"forward-check-{k}", build.Plan.Classes, CancellationToken.None));
        var explained = FaithfulnessMeasurement.Run(build.Plan.Methods, image, channels, 3, (k, inputs, methods) =>
        {
            var runs = CSimProgram.Run(build.Layout.SimulationProgram, build.Layout.FloatWeights, inputs, -1, false, build.Directory, $"explain-check-{k}", build.Plan.Methods, build.Plan.Classes, CancellationToken.None);
            return [.. inputs.Select((_, i) => runs[(i, NumericsProfile.Planned, build.Plan.Methods[methods[i]])].Logits)];
        });

        foreach (var method in build.Plan.Methods)
        {
            Assert.Equal(explained.Summary.Methods[method.ToString()].Deletion, forward.Summary.Methods[method.ToString()].Deletion);
            Assert.Equal(explained.Summary.Methods[method.ToString()].Insertion, forward.Summary.Methods[method.ToString()].Insertion);
        }

        Assert.Equal(explained.Summary.RandomOrder.Deletion, forward.Summary.RandomOrder.Deletion);
        // Not a constant: removing pixels moves the logit.
        Assert.True(forward.Summary.RandomOrder.Deletion.Distinct().Count() > 1);
    }
}
