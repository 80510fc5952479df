namespace Xai.Onnx;

/// <summary>
/// Diagnostic codes of the ONNX importer (range XAI2000–XAI2999, model import). Stable: users
/// search for them, so a code is never reused for a different problem.
/// </summary>
public static class OnnxImportCodes
{
    /// <summary>The model file does not exist.</summary>
    public const string FileNotFound = "XAI2001";

    /// <summary>The model file exists but cannot be read (permissions, I/O error, a directory).</summary>
    public const string FileUnreadable = "XAI2002";

    /// <summary>The model file is empty (0 bytes).</summary>
    public const string EmptyFile = "XAI2003";

    /// <summary>The bytes are not a protobuf ONNX model: truncated, corrupt or another format.</summary>
    public const string NotOnnx = "XAI2004";

    /// <summary>The model parses but has no graph, so it is most likely not an ONNX model.</summary>
    public const string NoGraph = "XAI2005";

    /// <summary>The graph does not have exactly one input that is not an initializer.</summary>
    public const string InputCount = "XAI2010";

    /// <summary>The graph input is not a float32 tensor.</summary>
    public const string InputType = "XAI2011";

    /// <summary>The graph input shape is not a concrete <c>[1,C,H,W]</c>.</summary>
    public const string InputShape = "XAI2012";

    /// <summary>The graph input has a batch size other than 1.</summary>
    public const string InputBatch = "XAI2013";

    /// <summary>A node's operator is not one the importer translates.</summary>
    public const string UnsupportedOperator = "XAI2020";

    /// <summary>A node's attribute (or constant shape operand) has a value the hardware does not implement.</summary>
    public const string UnsupportedAttribute = "XAI2021";

    /// <summary>A node needs a constant operand (weights, bias, shape) that is neither an initializer nor a Constant node.</summary>
    public const string MissingInitializer = "XAI2022";

    /// <summary>The graph is not a single chain from its input to its output (branches, loose nodes, other outputs).</summary>
    public const string NotSingleChain = "XAI2023";

    /// <summary>Shapes do not fit together (weights vs. incoming channels or features, pooling a map under 2x2, declared shapes).</summary>
    public const string ShapeMismatch = "XAI2024";

    /// <summary>A BatchNormalization does not directly follow a Conv, so it cannot be folded into it.</summary>
    public const string BatchNormalizationPlacement = "XAI2025";

    /// <summary>A node has too few inputs or outputs for its operator.</summary>
    public const string NodeArity = "XAI2026";

    /// <summary>An initializer has an element type other than the one required (float32; int64 for shapes).</summary>
    public const string InitializerType = "XAI2030";

    /// <summary>An initializer's data does not match its dims (empty, wrong length, or in two places at once).</summary>
    public const string InitializerData = "XAI2031";

    /// <summary>An initializer stores its data in an external file, which the importer does not read.</summary>
    public const string InitializerExternal = "XAI2032";

    /// <summary>An initializer's dims are negative or describe more elements than fit in memory.</summary>
    public const string InitializerDims = "XAI2033";

    /// <summary>The chain does not end in a vector of class scores.</summary>
    public const string OutputNotScores = "XAI2040";
}
