using Xai.Diagnostics;
using Xai.Model;
using Xai.Planning;

namespace Xai.Core.Tests.Planning;

/// <summary>Which convolutions a max-pool can be fused into; where a ReLU6 can go.</summary>
public class HardwareLayerMapperTests
{
    private static Network ConvPoolDense(ConvolutionPadding pads, int stride)
    {
        var input = TensorShape.FeatureMap(2, 8, 8);
        var conv = new Conv2dLayer("c", input, 3, 3, pads, stride, new float[3 * 2 * 9], new float[3]);
        var relu = new ReluLayer("r", conv.OutputShape);
        var pool = new MaxPool2dLayer("p", conv.OutputShape);
        var flatten = new FlattenLayer("f", pool.OutputShape);
        var dense = new DenseLayer("d", flatten.OutputShape, 2, new float[2 * flatten.OutputShape.ElementCount], new float[2]);
        return new Network("n", input, new Layer[] { conv, relu, pool, flatten, dense });
    }

    [Fact]
    public void A_max_pool_fuses_into_a_stride_1_same_convolution()
    {
        var layers = HardwareLayerMapper.Map(ConvPoolDense(ConvolutionPadding.Uniform(1), 1), "n.onnx");
        var conv = Assert.IsType<ConvBlockLayer>(layers[0]);
        Assert.True(conv.Pool);
        Assert.Equal("[3,4,4]", conv.OutputShape.ToString());
    }

    [Theory]
    [InlineData(1, 0, 0, 0, 1)]
    [InlineData(2, 1, 1, 1, 1)]
    public void A_max_pool_after_a_strided_or_unevenly_padded_convolution_is_a_coded_error_naming_both(int stride, int top, int left, int bottom, int right)
    {
        var e = Assert.Throws<XaiException>(() => HardwareLayerMapper.Map(ConvPoolDense(new ConvolutionPadding(top, left, bottom, right), stride), "n.onnx"));
        Assert.Equal(DiagnosticCatalog.NoHardwareBlock, e.Diagnostics[0].Code);
        Assert.Contains("MaxPool 'p' after Conv 'c'", e.Message);
        Assert.Contains($"stride {stride}", e.Message);
        Assert.Contains("stride-2 convolution instead of the pool", e.Message);
    }

    [Fact]
    public void A_ReLU6_fuses_into_the_convolution_before_it_and_after_a_dense_layer_is_a_coded_error()
    {
        var input = TensorShape.FeatureMap(2, 4, 4);
        var conv = new Conv2dLayer("c", input, 3, 3, 1, new float[3 * 2 * 9], new float[3]);
        var flatten = new FlattenLayer("f", conv.OutputShape);
        var dense = new DenseLayer("d", flatten.OutputShape, 5, new float[5 * 48], new float[5]);
        var logits = new DenseLayer("l", dense.OutputShape, 2, new float[10], new float[2]);

        var fused = HardwareLayerMapper.Map(new Network("n", input, new Layer[] { conv, new Relu6Layer("r6", conv.OutputShape), flatten, dense, logits }), "n.onnx");
        var block = Assert.IsType<ConvBlockLayer>(fused[0]);
        Assert.True(block.Relu6 && block.Relu);

        var e = Assert.Throws<XaiException>(() => HardwareLayerMapper.Map(new Network("n", input, new Layer[] { conv, flatten, dense, new Relu6Layer("r6", dense.OutputShape), logits }), "n.onnx"));
        Assert.Equal(DiagnosticCatalog.NoHardwareBlock, e.Diagnostics[0].Code);
        Assert.Contains("Relu6 'r6' after Dense 'd'", e.Message);
        Assert.Contains("ReLU6 is fused into the convolution before it", e.Message);
    }
}
