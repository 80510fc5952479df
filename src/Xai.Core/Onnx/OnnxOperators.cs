namespace Xai.Onnx;

/// <summary>The ONNX operators the importer translates, and what each becomes.</summary>
internal static class OnnxOperators
{
    /// <summary>For messages: every supported operator with its restriction in a word.</summary>
    public const string SupportedList =
        "Conv (odd square kernel, stride 1 or 2, pads up to (K-1)/2, group 1 or depthwise), Relu, Clip (0 and 6: ReLU6, after a Conv or a dense layer), MaxPool (2x2 or 3x3, stride 2, pads up to half the window), " +
        "AveragePool (square window up to 7, stride 1 or 2, count_include_pad with padding: a depthwise convolution), " +
        "GlobalAveragePool, ReduceMean over H and W or AveragePool over the whole map (each before the dense layer), Flatten, Reshape (to [1,N]), " +
        "Gemm, MatMul (optionally followed by Add of a bias), BatchNormalization (directly after Conv), " +
        "Add of two feature maps (a residual join, right after a stride-1 'same' Conv and before its ReLU), " +
        "Pad (zeros, directly before Conv or AveragePool: folded into its padding), Constant, " +
        "Softmax or LogSoftmax as the last node (dropped: the explanation runs on the logits)";

    /// <summary>Operators that become (part of) a layer; Constant is read separately, Add after MatMul or as a residual join.</summary>
    public static bool IsTranslated(string opType) =>
        opType is "Conv" or "Relu" or "Clip" or "MaxPool" or "Flatten" or "Reshape" or "Gemm" or "MatMul" or "BatchNormalization"
            or "GlobalAveragePool" or "AveragePool" or "ReduceMean";

    /// <summary>ONNX's own operator set is named "" or "ai.onnx"; anything else is a vendor extension.</summary>
    public static bool IsDefaultDomain(string domain) => domain.Length == 0 || domain == "ai.onnx";
}
