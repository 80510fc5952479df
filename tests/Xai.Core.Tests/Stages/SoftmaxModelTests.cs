using Google.Protobuf;
using Xai.Core.Tests.CodeGeneration;
using Xai.Fidelity;
using Xai.Onnx.Proto;
using Xai.Tests;
using Xai.Reporting;
using Xai.Stages;

namespace Xai.Core.Tests.Stages;

/// <summary>The odd network with a Softmax after its logits, as a user's model may end.</summary>
public sealed class OddNetworkWithSoftmaxBuild() : OddNetworkBuild(AppendSoftmax)
{
    private static byte[] AppendSoftmax(byte[] bytes)
    {
        var model = ModelProto.Parser.ParseFrom(bytes);
        var node = new NodeProto { OpType = "Softmax", Name = "/probs/Softmax" };
        node.Input.Add(model.Graph.Output[0].Name);
        node.Output.Add("probs");
        node.Attribute.Add(new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = 1 });
        model.Graph.Node.Add(node);
        model.Graph.Output[0].Name = "probs";
        return model.ToByteArray();
    }
}

/// <summary>
/// A model that ends in Softmax: the hardware stops at the logits (the explanations are of the logits, as
/// attribution libraries compute them), and the C simulation's results carry the probabilities the model gives.
/// </summary>
public sealed class SoftmaxModelTests(OddNetworkWithSoftmaxBuild build) : IClassFixture<OddNetworkWithSoftmaxBuild>
{
    private static readonly ReportSchemas Schemas = ReportSchemas.In(RepositoryLayout.Root);

    [Fact]
    public void The_plan_names_the_dropped_softmax_and_the_network_ends_in_the_logits()
    {
        Assert.Equal("Softmax (node '/probs/Softmax' (Softmax))", build.Plan.DroppedOutputActivation);
        Assert.Equal(4, build.Plan.Classes);
    }

    [Fact]
    public void Each_simulated_image_has_the_softmax_of_its_logits_and_the_prediction_is_its_most_probable_class()
    {
        var csim = CSimStage.Load(build.Layout)!;
        Assert.Equal(2, csim.PerImage.Count);
        foreach (var image in csim.PerImage)
        {
            foreach (var (logits, probabilities) in new[] { (image.Logits, image.Probabilities), (image.FloatLogits, image.FloatProbabilities) })
            {
                Assert.NotNull(probabilities);
                Assert.Equal(logits.Count, probabilities.Count);
                Assert.Equal(1.0, probabilities.Sum(p => p!.Value), 5);
                // An independent softmax of the reported (rounded) logits.
                var z = logits.Select(v => v!.Value).ToArray();
                var e = z.Select(v => Math.Exp(v - z.Max())).ToArray();
                for (var i = 0; i < z.Length; i++) Assert.InRange(Math.Abs(e[i] / e.Sum() - probabilities[i]!.Value), 0, 1e-5); // both sides rounded to 1e-6
            }

            Assert.Equal(image.Class, image.Probabilities!.IndexOf(image.Probabilities.Max()));
        }
    }

    [Fact]
    public void The_report_fits_the_schema_and_shows_the_probability_of_each_prediction()
    {
        var report = ReportStage.Build(build.Settings, build.Layout, [], new Dictionary<string, string> { ["CSim"] = "ran" });
        Schemas.AssertReport(ReportJson.Serialize(report), "report.json");
        var html = ReportHtml.Render(report);
        foreach (var image in report.Csim!.PerImage)
        {
            var p = image.Probabilities![image.Class]!.Value.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains($"(p {p}, the model&#39;s softmax)", html);
        }
    }

    [Fact]
    public void Softmax_survives_large_logits_and_marks_a_non_finite_vector()
    {
        Assert.Equal([0.5, 0.5], ClassProbabilities.Softmax([1000f, 1000f]));
        Assert.Equal(1.0, ClassProbabilities.Softmax([-1000f, 0f, 1000f])[2]);
        Assert.All(ClassProbabilities.Softmax([1f, float.NaN]), p => Assert.True(double.IsNaN(p)));
    }
}

/// <summary>The same network ending in its logits: no probabilities are invented.</summary>
public sealed class LogitsModelProbabilityTests(OddNetworkBuild build) : IClassFixture<OddNetworkBuild>
{
    [Fact]
    public void A_model_that_ends_in_its_logits_reports_no_probabilities()
    {
        Assert.Null(build.Plan.DroppedOutputActivation);
        var csim = CSimStage.Load(build.Layout)!;
        Assert.All(csim.PerImage, image => Assert.Null(image.Probabilities));
        Assert.All(csim.PerImage, image => Assert.Null(image.FloatProbabilities));
    }
}
