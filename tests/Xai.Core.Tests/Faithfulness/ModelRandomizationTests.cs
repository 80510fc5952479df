using Xai.Attribution;
using Xai.Core.Tests.CodeGeneration;
using Xai.Faithfulness;
using Xai.Reporting;
using Xai.Reporting.Model;
using Xai.Stages;

namespace Xai.Core.Tests.Faithfulness;

/// <summary>The cascading randomization on a real build's weight image, and the sanity check run on it.</summary>
[Collection(ExplanationNetworkCollection.Name)]
public sealed class ModelRandomizationTests(ExplanationNetworkBuild build)
{
    private float[] Weights()
    {
        var bytes = File.ReadAllBytes(build.Layout.FloatWeights);
        return [.. Enumerable.Range(0, bytes.Length / 4).Select(i => BitConverter.ToSingle(bytes, 4 * i))];
    }

    [Fact]
    public void Each_step_permutes_one_more_layer_from_the_top_and_leaves_the_others()
    {
        var weights = Weights();
        var blocks = ModelRandomization.Blocks(build.Plan.Layers);
        Assert.Equal(weights.Length, blocks.Sum(b => b.Weights + b.Biases));
        for (var count = 1; count <= blocks.Count; count++)
        {
            var randomized = ModelRandomization.Cascade(weights, build.Plan.Layers, count);
            for (var i = 0; i < blocks.Count; i++)
            {
                var (_, offset, nWeights, nBiases) = blocks[i];
                var before = weights.AsSpan(offset, nWeights + nBiases).ToArray();
                var after = randomized.AsSpan(offset, nWeights + nBiases).ToArray();
                if (i < blocks.Count - count)
                {
                    Assert.Equal(before, after);
                    continue;
                }

                // A permutation within the weights and within the biases: the same values, in other places.
                Assert.Equal(before[..nWeights].Order(), after[..nWeights].Order());
                Assert.Equal(before[nWeights..].Order(), after[nWeights..].Order());
                Assert.NotEqual(before[..nWeights], after[..nWeights]);
            }
        }

        Assert.Equal(ModelRandomization.Cascade(weights, build.Plan.Layers, 2), ModelRandomization.Cascade(weights, build.Plan.Layers, 2));
    }

    [Fact]
    public void The_sanity_check_runs_a_step_per_layer_and_the_maps_move_away_from_the_trained_ones()
    {
        var blocks = ModelRandomization.Blocks(build.Plan.Layers);

        var check = SanityCheckStage.Run(build.Plan, build.Layout, CancellationToken.None);

        Assert.Equal(blocks.Count, check.Steps.Count);
        Assert.Equal(build.Plan.Layers[blocks[^1].Layer].Name, check.Steps[0].From);
        Assert.Equal(build.Plan.Layers[blocks[0].Layer].Name, check.Steps[^1].From);
        Assert.All(check.Steps, s => Assert.Equal(build.Plan.Methods.Select(m => m.ToString()), s.Methods.Keys));
        // Grad-CAM's map is a ReLU: on a randomized model it can be zero everywhere on both images, and rho of a
        // constant map is undefined (null). Every other method has a figure at every step.
        static bool LayerMap(string method) => method is nameof(AttributionMethod.GradCam) or nameof(AttributionMethod.GuidedGradCam);
        Assert.All(check.Steps.SelectMany(s => s.Methods.Where(m => !LayerMap(m.Key)).Select(m => m.Value)), f => Assert.InRange(f.Planned!.Value, -1, 1));
        Assert.All(check.Steps.SelectMany(s => s.Methods.Values).Where(f => f.Planned is not null), f => Assert.InRange(f.Planned!.Value, -1, 1));
        // With every layer randomized, no method's map is its trained map.
        Assert.All(check.Steps[^1].Methods.Values.Where(f => f.Float is not null), f => Assert.True(f.Float < 0.95, $"rho {f.Float} with every layer randomized"));
        Assert.Equal(check, SanityCheckStage.Load(build.Layout), new SectionJson());
        Assert.False(File.Exists(Path.Combine(build.Layout.IntermediateDirectory, "sanity-weights.f32")));

        // A newer C simulation hides the check: it was computed from the old one.
        File.SetLastWriteTimeUtc(build.Layout.SanityCheckJson, File.GetLastWriteTimeUtc(build.Layout.CSimResultsFile).AddSeconds(-5));
        Assert.Null(SanityCheckStage.Load(build.Layout));
    }

    private sealed class SectionJson : IEqualityComparer<SanityCheckSection?>
    {
        public bool Equals(SanityCheckSection? a, SanityCheckSection? b) =>
            ReportJson.Serialize(a!) == ReportJson.Serialize(b!);

        public int GetHashCode(SanityCheckSection? s) => 0;
    }
}
