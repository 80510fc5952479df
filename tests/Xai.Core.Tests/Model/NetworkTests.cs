using Xai.Model;

namespace Xai.Core.Tests.Model;

/// <summary>The network IR on its own: shapes, parameter counts, and refusal of inconsistent layers.</summary>
public class NetworkTests
{
    private static float[] Zeros(int n) => new float[n];

    [Fact]
    public void TensorShape_ComparesByValue()
    {
        Assert.Equal(TensorShape.FeatureMap(3, 32, 32), new TensorShape(3, 32, 32));
        Assert.True(TensorShape.Vector(10) == new TensorShape(10));
        Assert.NotEqual(TensorShape.FeatureMap(3, 32, 32), TensorShape.FeatureMap(3, 32, 31));
        Assert.Equal(TensorShape.FeatureMap(3, 32, 32).GetHashCode(), new TensorShape(3, 32, 32).GetHashCode());
        Assert.Equal("[64,8,8]", TensorShape.FeatureMap(64, 8, 8).ToString());
        Assert.Equal(4096, TensorShape.FeatureMap(64, 8, 8).ElementCount);
    }

    [Theory]
    [InlineData(new[] { 3, 32 })]
    [InlineData(new[] { 1, 3, 32, 32 })]
    [InlineData(new[] { 3, 0, 32 })]
    [InlineData(new[] { -1 })]
    [InlineData(new[] { 65536, 65536, 1 })]
    public void TensorShape_RejectsOtherRanksAndNonPositiveSizes(int[] dims)
    {
        Assert.Throws<ArgumentException>(() => new TensorShape(dims));
    }

    [Fact]
    public void Conv2d_SamePaddingKeepsTheSize_AndCountsWeightsAndBias()
    {
        var conv = new Conv2dLayer("c", TensorShape.FeatureMap(3, 10, 14), 5, 5, 2, Zeros(5 * 3 * 25), Zeros(5));
        Assert.Equal(TensorShape.FeatureMap(5, 10, 14), conv.OutputShape);
        Assert.Equal(5 * 3 * 25 + 5, conv.ParameterCount);
        Assert.Equal(1, conv.Stride);
    }

    [Fact]
    public void Conv2d_CopiesItsWeights()
    {
        var weights = new float[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 };
        var conv = new Conv2dLayer("c", TensorShape.FeatureMap(1, 3, 3), 1, 3, 1, weights, new float[] { 0 });
        weights[4] = 100;
        Assert.Equal(5f, conv.Weight(0, 0, 1, 1));
    }

    [Fact]
    public void Conv2d_RejectsEvenKernels_AndWrongWeightCounts()
    {
        var input = TensorShape.FeatureMap(2, 8, 8);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Conv2dLayer("c", input, 4, 2, 1, Zeros(4 * 2 * 4), Zeros(4)));
        Assert.Throws<ArgumentException>(() => new Conv2dLayer("c", input, 4, 3, 1, Zeros(4 * 2 * 9 - 1), Zeros(4)));
        Assert.Throws<ArgumentException>(() => new Conv2dLayer("c", input, 4, 3, 1, Zeros(4 * 2 * 9), Zeros(3)));
        Assert.Throws<ArgumentException>(() => new Conv2dLayer("c", TensorShape.Vector(8), 4, 3, 1, Zeros(4 * 8 * 9), Zeros(4)));
    }

    [Fact]
    public void MaxPool2d_RoundsDown()
    {
        Assert.Equal(TensorShape.FeatureMap(7, 2, 3), new MaxPool2dLayer("p", TensorShape.FeatureMap(7, 5, 7)).OutputShape);
        Assert.Equal(TensorShape.FeatureMap(32, 16, 16), new MaxPool2dLayer("p", TensorShape.FeatureMap(32, 32, 32)).OutputShape);
        Assert.Throws<ArgumentException>(() => new MaxPool2dLayer("p", TensorShape.FeatureMap(1, 1, 8)));
        Assert.Throws<ArgumentException>(() => new MaxPool2dLayer("p", TensorShape.Vector(8)));
    }

    [Fact]
    public void Dense_TakesAVector()
    {
        var dense = new DenseLayer("d", TensorShape.Vector(4096), 128, Zeros(4096 * 128), Zeros(128));
        Assert.Equal(TensorShape.Vector(128), dense.OutputShape);
        Assert.Equal(524_416, dense.ParameterCount);
        Assert.Throws<ArgumentException>(() => new DenseLayer("d", TensorShape.FeatureMap(1, 2, 2), 2, Zeros(8), Zeros(2)));
    }

    [Fact]
    public void Network_ChecksThatLayersChain_AndEndInAVector()
    {
        var input = TensorShape.FeatureMap(1, 4, 4);
        var conv = new Conv2dLayer("c", input, 2, 3, 1, Zeros(18), Zeros(2));
        var pool = new MaxPool2dLayer("p", conv.OutputShape);
        var flatten = new FlattenLayer("f", pool.OutputShape);
        var dense = new DenseLayer("d", flatten.OutputShape, 3, Zeros(24), Zeros(3));

        var network = new Network("n", input, new Layer[] { conv, new ReluLayer("r", conv.OutputShape), pool, flatten, dense });
        Assert.Equal(3, network.OutputClasses);
        Assert.Equal(20 + 27, network.ParameterCount);

        Assert.Throws<ArgumentException>(() => new Network("n", input, new Layer[] { conv, flatten, dense })); // pool missing
        Assert.Throws<ArgumentException>(() => new Network("n", input, new Layer[] { conv, pool })); // ends in a feature map
        Assert.Throws<ArgumentException>(() => new Network("n", input, Array.Empty<Layer>()));
        Assert.Throws<ArgumentException>(() => new Network("n", TensorShape.Vector(16), new Layer[] { dense }));
    }
}
