using Xai.Attribution;

namespace Xai.CodeGeneration;

/// <summary>Which pass the synthesized top runs.</summary>
public enum HlsTopVariant
{
    /// <summary><c>xai_top</c>: forward pass, then backward pass (the prediction and its attribution).</summary>
    Explain,

    /// <summary><c>xai_top_fp</c>: forward pass only, for the paper's FP vs FP+BP comparison (Table IV).</summary>
    Inference,
}

/// <summary>One m_axi port of the top: its C argument, the AXI bundle it shares, and its depth in elements.</summary>
public sealed record HlsTopPort(string Name, string Bundle, long Depth);

/// <summary>
/// The interface of one synthesizable top: function name, files, m_axi ports and bundles. The
/// Vivado block design and the driver header follow from it (<c>m_axi_&lt;bundle&gt;</c>,
/// <c>s_axi_control</c>, <c>x&lt;top&gt;_hw.h</c>).
/// </summary>
public sealed record HlsTopDesign(HlsTopVariant Variant, AttributionMethod Method, IReadOnlyList<HlsTopPort> MasterPorts)
{
    /// <summary>The s_axilite bundle of the pointers' offsets, <c>target</c> and the return value.</summary>
    public const string ControlBundle = "control";

    public const string HeaderFileName = "xai_top.h";

    /// <summary>The packed dense weight port: the weight image again, as beats (<c>xai/weight_beat.h</c>).</summary>
    public const string DenseWeightsPort = "dense_weights";

    /// <summary>The multi-pass methods' running sums in DRAM (XaiPassSums OffChip; hls-lib's pass_memory::sums).</summary>
    public const string SumsPort = "sums";

    /// <summary>The multi-pass methods' pass input in DRAM (XaiPassSums OffChip; hls-lib's pass_memory::image).</summary>
    public const string PassInputPort = "pass_input";

    /// <summary>The image buffer a port reads: <see cref="DenseWeightsPort"/> reads <c>weights</c>' buffer.</summary>
    public static string BufferOf(string port) => port == DenseWeightsPort ? "weights" : port;

    public string FunctionName => Variant == HlsTopVariant.Explain ? "xai_top" : "xai_top_fp";

    public string SourceFileName => FunctionName + ".cpp";

    public string TestbenchFileName => Variant == HlsTopVariant.Explain ? "xai_tb.cpp" : "xai_tb_fp.cpp";

    /// <summary>The AXI master interfaces Vitis HLS makes, one per bundle, in first-use order.</summary>
    public IReadOnlyList<string> MasterInterfaces => MasterPorts.Select(p => "m_axi_" + p.Bundle).Distinct().ToList();

    /// <summary>The AXI-Lite slave interface.</summary>
    public string ControlInterface => "s_axi_" + ControlBundle;

    /// <summary>The register map header Vitis HLS writes with the exported IP (top name lower-cased).</summary>
    public string DriverHeaderName => $"x{FunctionName.ToLowerInvariant()}_hw.h";

    /// <summary>
    /// Bundles: the weights alone (read in every layer, FP and BP); image, activation arena and
    /// logits together (FP writes what BP re-reads); gradients and relevance together (BP only).
    /// Three masters let a layer read weights and activations and write its output concurrently
    /// without paying for six AXI adapters on the small Zynq-7000. With packed dense weights the
    /// same image is also <c>dense_weights</c>, beats of <see cref="NetworkMemorySizes.DenseWeightBeat"/>
    /// weights, on a bundle of its own: every argument of a bundle must have the same width or Vitis
    /// HLS infers no bursts on it (UG1448, message 200-451), and the 16-bit weight port keeps its
    /// bursts. The host points both arguments at the one buffer.
    /// </summary>
    public static HlsTopDesign For(HlsTopVariant variant, AttributionMethod method, NetworkMemorySizes sizes)
    {
        var ports = new List<HlsTopPort>
        {
            new("image", "gmem_act", sizes.Input),
            new("weights", "gmem_weights", sizes.WeightImage),
        };
        if (sizes.DenseWeightBeat > 1)
        {
            ports.Add(new(DenseWeightsPort, "gmem_dense_weights", sizes.WeightBeats));
        }

        ports.Add(new("act", "gmem_act", sizes.ActArena));
        if (variant == HlsTopVariant.Explain)
        {
            ports.Add(new("grad", "gmem_grad", sizes.GradArena));
            ports.Add(new("relevance", "gmem_grad", sizes.Input));
        }

        ports.Add(new("logits", "gmem_act", sizes.Classes));
        if (variant == HlsTopVariant.Explain && sizes.PassSumsOffChip && ExplanationSchedule.For(method, ExplanationSettings.Default).MultiPass)
        {
            // The pass input: activation words beside the image it is formed from. The sums: power-of-two words
            // (hls-lib's sum_word: no padding, or no bursts), a bundle of their own for the width rule above.
            ports.Add(new(PassInputPort, "gmem_act", sizes.Input));
            ports.Add(new(SumsPort, "gmem_sums", sizes.Input));
        }

        return new HlsTopDesign(variant, method, ports);
    }
}
