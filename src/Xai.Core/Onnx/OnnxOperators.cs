namespace Xai.Onnx;

/// <summary>The ONNX operators the importer translates, and what each becomes.</summary>
internal static class OnnxOperators
{
    /// <summary>For messages: every supported operator with its restriction in a word.</summary>
    public const string SupportedList =
        "Conv (odd square kernel, stride 1, 'same' padding), Relu, MaxPool (2x2, stride 2), Flatten, Reshape (to [1,N]), " +
        "Gemm, MatMul (optionally followed by Add of a bias), BatchNormalization (directly after Conv), Constant";

    /// <summary>ONNX's own operator set is named "" or "ai.onnx"; anything else is a vendor extension.</summary>
    public static bool IsDefaultDomain(string domain) => domain.Length == 0 || domain == "ai.onnx";
}
