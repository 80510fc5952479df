namespace Xai.Onnx;

/// <summary>The ONNX operators the importer translates, and what each becomes.</summary>
internal static class OnnxOperators
{
    /// <summary>For messages: every supported operator with its restriction in a word.</summary>
    public const string SupportedList =
        "Conv (odd square kernel, stride 1, 'same' padding), Relu, MaxPool (2x2, stride 2), Flatten, Reshape (to [1,N]), " +
        "Gemm, MatMul (optionally followed by Add of a bias), BatchNormalization (directly after Conv), " +
        "Pad (zeros, directly before Conv: folded into its padding), Constant, " +
        "Softmax or LogSoftmax as the last node (dropped: the explanation runs on the logits)";

    /// <summary>Operators that become (part of) a layer; Constant is read separately, Add only after MatMul.</summary>
    public static bool IsTranslated(string opType) =>
        opType is "Conv" or "Relu" or "MaxPool" or "Flatten" or "Reshape" or "Gemm" or "MatMul" or "BatchNormalization";

    /// <summary>ONNX's own operator set is named "" or "ai.onnx"; anything else is a vendor extension.</summary>
    public static bool IsDefaultDomain(string domain) => domain.Length == 0 || domain == "ai.onnx";
}
