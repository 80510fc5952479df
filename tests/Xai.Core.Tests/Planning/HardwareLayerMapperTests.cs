using Xai.Diagnostics;
using Xai.Model;
using Xai.Planning;

namespace Xai.Core.Tests.Planning;

/// <summary>Which convolutions a max-pool can be fused into, which pools run on the pool unit; where a ReLU6 can go.</summary>
public class HardwareLayerMapperTests
{
    private static Network ConvPoolDense(ConvolutionPadding pads, int stride, int poolKernel = 2, ConvolutionPadding poolPads = default)
    {
        var input = TensorShape.FeatureMap(2, 8, 8);
        var conv = new Conv2dLayer("c", input, 3, 3, pads, stride, new float[3 * 2 * 9], new float[3]);
        var relu = new ReluLayer("r", conv.OutputShape);
        var pool = new MaxPool2dLayer("p", conv.OutputShape, poolKernel, poolPads);
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
    [InlineData(1, 0, 0, 0, 1, 2, 0)]
    [InlineData(2, 1, 1, 1, 1, 2, 0)]
    [InlineData(2, 1, 1, 1, 1, 3, 1)]
    [InlineData(1, 1, 1, 1, 1, 3, 1)]
    [InlineData(1, 1, 1, 1, 1, 2, 1)]
    public void A_max_pool_the_store_cannot_fuse_is_a_block_of_its_own_on_the_pool_unit(int stride, int top, int left, int bottom, int right, int poolKernel, int poolPad)
    {
        var network = ConvPoolDense(new ConvolutionPadding(top, left, bottom, right), stride, poolKernel, ConvolutionPadding.Uniform(poolPad));
        var layers = HardwareLayerMapper.Map(network, "n.onnx");
        Assert.Equal(3, layers.Count);
        var conv = Assert.IsType<ConvBlockLayer>(layers[0]);
        Assert.False(conv.Pool);
        Assert.True(conv.Relu);
        var pool = Assert.IsType<PoolBlockLayer>(layers[1]);
        Assert.Equal("p", pool.Pool.Name);
        Assert.Equal(conv.OutputShape, pool.InputShape);
        Assert.False(pool.Relu);
        Assert.Equal(0, pool.ParameterCount);
        Assert.IsType<DenseBlockLayer>(layers[2]);
    }

    [Fact]
    public void A_max_pool_of_the_image_runs_on_the_pool_unit_and_a_ReLU_after_a_pool_block_has_no_block()
    {
        var input = TensorShape.FeatureMap(2, 7, 7);
        var pool = new MaxPool2dLayer("p", input, 3, ConvolutionPadding.Uniform(1));
        var flatten = new FlattenLayer("f", pool.OutputShape);
        var dense = new DenseLayer("d", flatten.OutputShape, 2, new float[2 * flatten.OutputShape.ElementCount], new float[2]);
        var layers = HardwareLayerMapper.Map(new Network("n", input, new Layer[] { pool, flatten, dense }), "n.onnx");
        Assert.IsType<PoolBlockLayer>(layers[0]);
        Assert.Equal("[2,4,4]", layers[0].OutputShape.ToString());

        var relu = new ReluLayer("r", pool.OutputShape);
        var e = Assert.Throws<XaiException>(() => HardwareLayerMapper.Map(new Network("n", input, new Layer[] { pool, relu, flatten, dense }), "n.onnx"));
        Assert.Equal(DiagnosticCatalog.NoHardwareBlock, e.Diagnostics[0].Code);
        Assert.Contains("Relu 'r' after MaxPool2d 'p'", e.Message);
        Assert.Contains("MaxPool alone", e.Message);
    }

    [Fact]
    public void A_ReLU6_fuses_into_the_convolution_or_dense_layer_before_it_and_after_a_pool_block_is_a_coded_error()
    {
        var input = TensorShape.FeatureMap(2, 4, 4);
        var conv = new Conv2dLayer("c", input, 3, 3, 1, new float[3 * 2 * 9], new float[3]);
        var flatten = new FlattenLayer("f", conv.OutputShape);
        var dense = new DenseLayer("d", flatten.OutputShape, 5, new float[5 * 48], new float[5]);
        var logits = new DenseLayer("l", dense.OutputShape, 2, new float[10], new float[2]);

        var fused = HardwareLayerMapper.Map(new Network("n", input, new Layer[] { conv, new Relu6Layer("r6", conv.OutputShape), flatten, dense, logits }), "n.onnx");
        var block = Assert.IsType<ConvBlockLayer>(fused[0]);
        Assert.True(block.Relu6 && block.Relu);

        var afterDense = HardwareLayerMapper.Map(new Network("n", input, new Layer[] { conv, flatten, dense, new Relu6Layer("r6", dense.OutputShape), logits }), "n.onnx");
        var denseBlock = Assert.IsType<DenseBlockLayer>(afterDense[1]);
        Assert.True(denseBlock.Relu6 && denseBlock.Relu);
        Assert.Equal(3, afterDense.Count);

        var pool = new MaxPool2dLayer("p", conv.OutputShape, 3, ConvolutionPadding.Uniform(1));
        var poolFlatten = new FlattenLayer("f", pool.OutputShape);
        var poolDense = new DenseLayer("d", poolFlatten.OutputShape, 2, new float[2 * 12], new float[2]);
        var e = Assert.Throws<XaiException>(() => HardwareLayerMapper.Map(new Network("n", input, new Layer[] { conv, pool, new Relu6Layer("r6", pool.OutputShape), poolFlatten, poolDense }), "n.onnx"));
        Assert.Equal(DiagnosticCatalog.NoHardwareBlock, e.Diagnostics[0].Code);
        Assert.Contains("Relu6 'r6' after MaxPool2d 'p'", e.Message);
        Assert.Contains("ReLU6 is fused into the convolution or dense layer before it", e.Message);
    }
}
