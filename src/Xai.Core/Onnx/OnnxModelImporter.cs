using Google.Protobuf;
using Xai.Diagnostics;
using Xai.Model;
using Xai.Onnx.Proto;

namespace Xai.Onnx;

/// <summary>
/// Reads an ONNX model (as exported by <c>torch.onnx.export</c>) into the network IR. Only what the
/// hardware implements is accepted — Conv (optionally followed by BatchNormalization, which is folded
/// in), Relu, Clip(0, 6), MaxPool, average pools folded into a dense layer, Flatten/Reshape, Gemm or
/// MatMul(+Add), and residual joins (Add) where the graph forks and joins — with float32 weights stored in the file. Anything else
/// fails with an <see cref="XaiException"/> whose code is one of the XAI2xxx codes of <see cref="DiagnosticCatalog"/>.
/// </summary>
public sealed class OnnxModelImporter
{
    /// <summary>Imports the model at <paramref name="path"/>; the network is named after the file.</summary>
    public Network Import(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            throw new XaiException(DiagnosticCatalog.OnnxFileUnreadable, $"'{path}' is a directory; expected an .onnx model file.", path);
        }

        if (!File.Exists(path))
        {
            throw new XaiException(DiagnosticCatalog.OnnxFileNotFound, $"The model file '{path}' does not exist.", path);
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new XaiException(DiagnosticCatalog.OnnxFileUnreadable, $"The model file '{path}' cannot be read: {e.Message}", path, inner: e);
        }

        return Import(bytes, path, Path.GetFileNameWithoutExtension(path));
    }

    /// <summary>
    /// Imports a model from <paramref name="stream"/>; <paramref name="sourceName"/> (a file name or
    /// URI) names it in diagnostics and gives the network its name.
    /// </summary>
    public Network Import(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        using var buffer = new MemoryStream();
        try
        {
            stream.CopyTo(buffer);
        }
        catch (IOException e)
        {
            throw new XaiException(DiagnosticCatalog.OnnxFileUnreadable, $"The model '{sourceName}' cannot be read: {e.Message}", sourceName, inner: e);
        }

        return Import(buffer.ToArray(), sourceName, Path.GetFileNameWithoutExtension(sourceName));
    }

    private static Network Import(byte[] bytes, string source, string name)
    {
        if (bytes.Length == 0)
        {
            throw new XaiException(DiagnosticCatalog.OnnxEmptyFile, $"The model file '{source}' is empty (0 bytes); expected an ONNX model.", source);
        }

        ModelProto model;
        try
        {
            model = ModelProto.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new XaiException(
                DiagnosticCatalog.NotOnnx,
                $"'{source}' is not a readable ONNX model ({bytes.Length} bytes): the protobuf data is truncated or corrupt ({e.Message}).",
                source,
                inner: e);
        }

        if (model.Graph is null)
        {
            throw new XaiException(
                DiagnosticCatalog.NoGraph,
                $"'{source}' holds no ONNX graph (ir_version {model.IrVersion}); it is probably not an ONNX model.",
                source);
        }

        OnnxConstantFolding.Fold(model.Graph, source);
        UnsupportedNodeScan.ThrowIfAny(model.Graph, source);
        var chain = OnnxComputeGraph.Build(model.Graph, source);
        var inputShape = ReadInputShape(chain.Input, source);
        var translator = new OnnxLayerTranslator(chain, inputShape, source);
        var layers = translator.Translate();
        var networkName = name.Length > 0 ? name : model.Graph.Name;
        return new Network(networkName, inputShape, layers, translator.Sources)
        {
            DroppedOutputActivation = translator.DroppedOutputActivation,
            FoldedAveragePool = translator.FoldedAveragePool,
            AveragePoolsAsConvolutions = translator.AveragePoolsAsConvolutions,
        };
    }

    /// <summary>The image shape [C,H,W] from the declared input [1,C,H,W]; a symbolic batch dimension counts as 1.</summary>
    private static TensorShape ReadInputShape(ValueInfoProto input, string source)
    {
        var tensor = input.Type?.TensorType;
        if (tensor is null)
        {
            throw new XaiException(DiagnosticCatalog.InputType, $"The graph input '{input.Name}' is not declared as a tensor.", source);
        }

        if (tensor.ElemType != (int)TensorProto.Types.DataType.Float)
        {
            var type = Enum.IsDefined(typeof(TensorProto.Types.DataType), tensor.ElemType)
                ? ((TensorProto.Types.DataType)tensor.ElemType).ToString().ToUpperInvariant()
                : $"type {tensor.ElemType}";
            throw new XaiException(DiagnosticCatalog.InputType, $"The graph input '{input.Name}' has element type {type}; only FLOAT (float32) is supported.", source);
        }

        var dims = tensor.Shape?.Dim;
        string Stated() => dims is null
            ? "no shape"
            : "[" + string.Join(",", dims.Select(d => d.ValueCase == TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue ? d.DimValue.ToString() : d.DimParam.Length > 0 ? d.DimParam : "?")) + "]";

        bool concrete(TensorShapeProto.Types.Dimension d) =>
            d.ValueCase == TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue && d.DimValue > 0 && d.DimValue <= int.MaxValue;

        if (dims is null || dims.Count != 4 || !dims.Skip(1).All(concrete))
        {
            throw new XaiException(
                DiagnosticCatalog.InputShape,
                $"The graph input '{input.Name}' has {Stated()}; expected one image [1,C,H,W] with fixed positive C, H and W.",
                source);
        }

        var batch = dims[0];
        if (batch.ValueCase == TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue && batch.DimValue != 1)
        {
            throw new XaiException(
                DiagnosticCatalog.InputBatch,
                $"The graph input '{input.Name}' has batch size {batch.DimValue} in {Stated()}; the accelerator processes one image: batch must be 1.",
                source);
        }

        long planeCount = dims[1].DimValue * dims[2].DimValue; // each factor fits in an int, so no overflow
        if (planeCount > int.MaxValue || planeCount * dims[3].DimValue > int.MaxValue)
        {
            throw new XaiException(DiagnosticCatalog.InputShape, $"The graph input '{input.Name}' {Stated()} is too large.", source);
        }

        return TensorShape.FeatureMap((int)dims[1].DimValue, (int)dims[2].DimValue, (int)dims[3].DimValue);
    }
}
