using Xai.Diagnostics;
using Xai.Model;
using Xai.Planning;

namespace Xai.Core.Tests.Planning;

/// <summary>Residual joins and forks: how the mapper fuses them and which graphs the engines cannot run.</summary>
public class ResidualMappingTests
{
    private static readonly TensorShape Map = TensorShape.FeatureMap(2, 4, 4);

    private static Conv2dLayer Conv(string name) => new(name, Map, 2, 3, 1, new float[2 * 2 * 9], new float[2]);

    private static DenseLayer Logits(string name) => new(name, TensorShape.Vector(32), 3, new float[3 * 32], new float[3]);

    /// <summary>
    /// stem (c0 r0), block (c1 r1, c2 + stem, r2), head; <paramref name="skip"/> is the model boundary the join adds
    /// (3 = the stem's ReLU output), <paramref name="reluBeforeAdd"/> puts r2 before the add.
    /// </summary>
    private static Network Block(int skip = 2, bool reluBeforeAdd = false, bool secondReader = false)
    {
        var layers = new List<Layer> { Conv("c0"), new ReluLayer("r0", Map), Conv("c1"), new ReluLayer("r1", Map), Conv("c2") };
        var sources = new List<int> { 0, 1, 2, 3, 4 };
        void Add(Layer l, int source)
        {
            layers.Add(l);
            sources.Add(source);
        }

        if (reluBeforeAdd)
        {
            Add(new ReluLayer("r2", Map), 5);
            Add(new ResidualAddLayer("add", Map, skip), 6);
        }
        else
        {
            Add(new ResidualAddLayer("add", Map, skip), 5);
            Add(new ReluLayer("r2", Map), 6);
        }

        if (secondReader)
        {
            Add(Conv("c3"), 2); // reads the stem's output after the join
        }

        Add(new FlattenLayer("f", Map), layers.Count);
        Add(Logits("d"), layers.Count);
        return new Network("n", Map, layers, sources);
    }

    [Fact]
    public void A_join_fuses_between_its_convolution_and_ReLU_and_the_forks_earlier_reader_adds_its_gradient()
    {
        var layers = HardwareLayerMapper.Map(Block(), "n.onnx");
        Assert.Equal(4, layers.Count);
        var join = Assert.IsType<ConvBlockLayer>(layers[2]);
        Assert.Equal(1, join.ResidualFrom);
        Assert.True(join.Relu);
        Assert.Null(join.InputFrom);
        Assert.Equal(new[] { false, true, false, false }, BackwardWrites.Of(layers).Accumulate);
    }

    [Fact]
    public void A_skip_fused_inside_a_block_a_ReLU_before_the_add_and_a_later_reader_of_the_skip_are_coded_errors()
    {
        XaiException Refused(Network n)
        {
            var e = Assert.Throws<XaiException>(() => HardwareLayerMapper.Map(n, "n.onnx"));
            Assert.Equal(DiagnosticCatalog.NoHardwareBlock, e.Diagnostics[0].Code);
            return e;
        }

        Assert.Contains("ResidualAdd 'add' adds the output of Conv2d 'c0', which the hardware fuses into a block", Refused(Block(skip: 1)).Message);
        Assert.Contains("a residual join follows the convolution directly, before its ReLU", Refused(Block(reluBeforeAdd: true)).Message);
        Assert.Contains("the join must be the last block to read its skip", Refused(Block(secondReader: true)).Message);
    }

    [Fact]
    public void A_join_adding_its_own_convolutions_input_and_a_dense_layer_reading_a_fork_first_are_coded_errors()
    {
        // c1 + its own input (the stem's output).
        var own = new Network("n", Map,
            new Layer[] { Conv("c0"), new ReluLayer("r0", Map), Conv("c1"), new ResidualAddLayer("add", Map, 2), new ReluLayer("r1", Map), new FlattenLayer("f", Map), Logits("d") });
        var e = Assert.Throws<XaiException>(() => HardwareLayerMapper.Map(own, "n.onnx"));
        Assert.Contains("adds its convolution's own input", e.Message);

        // Two dense layers read the stem's output; the first (in BP the second writer) cannot add.
        var hidden = new DenseLayer("h", TensorShape.Vector(32), 4, new float[4 * 32], new float[4]);
        var fork = new Network("n", Map,
            new Layer[] { Conv("c0"), new ReluLayer("r0", Map), new FlattenLayer("f1", Map), hidden, new FlattenLayer("f2", Map), Logits("d") },
            new[] { 0, 1, 2, 3, 2, 5 });
        e = Assert.Throws<XaiException>(() => HardwareLayerMapper.Map(fork, "n.onnx"));
        Assert.Contains("the vector-matrix engine cannot add its gradient", e.Message);
    }
}
