using Xai.Onnx;
using Xai.Onnx.Proto;
using static Xai.Core.Tests.Onnx.OnnxModelBuilder;

namespace Xai.Core.Tests.Onnx;

/// <summary>
/// The constant evaluator on small tensors worked out by hand, operator by operator as ONNX defines
/// them (opset 13), and what it leaves alone.
/// </summary>
public class OnnxConstantFoldingTests
{
    /// <summary>A graph with initializer x = [[0,1,2],[3,4,5]] (int64), the given nodes, and a Relu reading <paramref name="result"/>.</summary>
    private static GraphProto Graph(string result, params NodeProto[] nodes)
    {
        var g = new GraphProto();
        g.Initializer.Add(Int64Tensor("x", [2, 3], [0, 1, 2, 3, 4, 5]));
        g.Node.Add(nodes);
        var relu = new NodeProto { OpType = "Relu", Name = "consumer" };
        relu.Input.Add(result);
        relu.Output.Add("y");
        g.Node.Add(relu);
        return g;
    }

    private static NodeProto Op(string op, string output, string[] inputs, params AttributeProto[] attributes)
    {
        var n = new NodeProto { OpType = op, Name = "/" + output };
        n.Input.Add(inputs);
        n.Output.Add(output);
        n.Attribute.Add(attributes);
        return n;
    }

    private static (long[] Dims, long[] Values) Folded(GraphProto g, string name)
    {
        OnnxConstantFolding.Fold(g, "test.onnx");
        Assert.Equal(["consumer"], g.Node.Select(n => n.Name)); // every constant computation went
        var t = Assert.Single(g.Initializer, i => i.Name == name);
        return (t.Dims.ToArray(), t.Int64Data.ToArray());
    }

    [Fact]
    public void Transpose_then_a_reversing_slice_then_a_flattening_reshape()
    {
        var g = Graph("r",
            Op("Transpose", "t", ["x"], Ints("perm", 1, 0)),
            Op("Constant", "starts", [], new AttributeProto { Name = "value", Type = AttributeProto.Types.AttributeType.Tensor, T = Int64Tensor("", [1], [-1]) }),
            Op("Constant", "ends", [], new AttributeProto { Name = "value", Type = AttributeProto.Types.AttributeType.Tensor, T = Int64Tensor("", [1], [long.MinValue + 1]) }),
            Op("Constant", "axes", [], new AttributeProto { Name = "value", Type = AttributeProto.Types.AttributeType.Tensor, T = Int64Tensor("", [1], [0]) }),
            Op("Constant", "steps", [], new AttributeProto { Name = "value", Type = AttributeProto.Types.AttributeType.Tensor, T = Int64Tensor("", [1], [-1]) }),
            Op("Slice", "s", ["t", "starts", "ends", "axes", "steps"]),
            Op("Constant", "flat", [], new AttributeProto { Name = "value", Type = AttributeProto.Types.AttributeType.Tensor, T = Int64Tensor("", [1], [-1]) }),
            Op("Reshape", "r", ["s", "flat"]));
        // x^T = [[0,3],[1,4],[2,5]]; rows reversed: [[2,5],[1,4],[0,3]]; flattened.
        var (dims, values) = Folded(g, "r");
        Assert.Equal([6L], dims);
        Assert.Equal([2L, 5, 1, 4, 0, 3], values);
    }

    [Fact]
    public void Concat_along_the_last_axis_and_a_constant_of_shape()
    {
        var g = Graph("c",
            Op("Constant", "shape", [], new AttributeProto { Name = "value", Type = AttributeProto.Types.AttributeType.Tensor, T = Int64Tensor("", [2], [2, 1]) }),
            Op("ConstantOfShape", "z", ["shape"], new AttributeProto { Name = "value", Type = AttributeProto.Types.AttributeType.Tensor, T = Int64Tensor("", [1], [7]) }),
            Op("Concat", "c", ["x", "z"], Int("axis", -1)));
        var (dims, values) = Folded(g, "c");
        Assert.Equal([2L, 4], dims);
        Assert.Equal([0L, 1, 2, 7, 3, 4, 5, 7], values);
    }

    [Fact]
    public void A_forward_slice_clamps_its_end_and_a_reshape_copies_a_zero_dimension()
    {
        var g = Graph("r",
            Op("Constant", "starts", [], new AttributeProto { Name = "value", Type = AttributeProto.Types.AttributeType.Tensor, T = Int64Tensor("", [1], [1]) }),
            Op("Constant", "ends", [], new AttributeProto { Name = "value", Type = AttributeProto.Types.AttributeType.Tensor, T = Int64Tensor("", [1], [long.MaxValue]) }),
            Op("Constant", "axes", [], new AttributeProto { Name = "value", Type = AttributeProto.Types.AttributeType.Tensor, T = Int64Tensor("", [1], [1]) }),
            Op("Slice", "s", ["x", "starts", "ends", "axes"]),
            Op("Constant", "shape", [], new AttributeProto { Name = "value", Type = AttributeProto.Types.AttributeType.Tensor, T = Int64Tensor("", [2], [0, 2]) }),
            Op("Reshape", "r", ["s", "shape"]));
        var (dims, values) = Folded(g, "r");
        Assert.Equal([2L, 2], dims);
        Assert.Equal([1L, 2, 4, 5], values);
    }

    [Fact]
    public void A_cast_to_float_keeps_the_values()
    {
        var g = Graph("f", Op("Cast", "f", ["x"], Int("to", 1)));
        OnnxConstantFolding.Fold(g, "test.onnx");
        var t = Assert.Single(g.Initializer, i => i.Name == "f");
        Assert.Equal(new float[] { 0, 1, 2, 3, 4, 5 }, t.FloatData.ToArray());
    }

    [Fact]
    public void Operators_it_does_not_evaluate_and_computed_inputs_are_left_in_the_graph()
    {
        var g = Graph("m", Op("Mul", "m", ["x", "x"]), Op("Transpose", "t", ["image"]));
        OnnxConstantFolding.Fold(g, "test.onnx");
        Assert.Equal(["/m", "/t", "consumer"], g.Node.Select(n => n.Name));
        Assert.Single(g.Initializer);
    }
}
