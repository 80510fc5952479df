using System.Buffers.Binary;
using Xai.Diagnostics;
using Xai.Onnx.Proto;

namespace Xai.Onnx;

/// <summary>
/// Reads the values of a constant ONNX tensor (an initializer or a Constant node's value). Data is
/// either little-endian bytes in raw_data or the typed repeated field; the element count must match
/// the dims exactly, and nothing is allocated before that has been checked, so a corrupt file cannot
/// make the importer allocate more than the file holds.
/// </summary>
internal sealed class OnnxTensorDecoder
{
    private readonly string _source;

    public OnnxTensorDecoder(string source)
    {
        _source = source;
    }

    /// <summary>A float32 tensor's dims and values (row-major).</summary>
    public (long[] Dims, float[] Values) Float32(TensorProto tensor, string usedBy)
    {
        int count = CheckHeader(tensor, TensorProto.Types.DataType.Float, usedBy);
        if (tensor.RawData.Length == 0)
        {
            CheckTypedLength(tensor, tensor.FloatData.Count, count, "float_data", usedBy);
            return (tensor.Dims.ToArray(), tensor.FloatData.ToArray());
        }

        CheckOnlyRaw(tensor, tensor.FloatData.Count, usedBy);
        CheckRawLength(tensor, count, sizeof(float), usedBy);
        var values = new float[count];
        var bytes = tensor.RawData.Span;
        for (int i = 0; i < count; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.Slice(i * sizeof(float), sizeof(float)));
        }

        return (tensor.Dims.ToArray(), values);
    }

    /// <summary>An int64 tensor's dims and values, as used for Reshape's target shape.</summary>
    public (long[] Dims, long[] Values) Int64(TensorProto tensor, string usedBy)
    {
        int count = CheckHeader(tensor, TensorProto.Types.DataType.Int64, usedBy);
        if (tensor.RawData.Length == 0)
        {
            CheckTypedLength(tensor, tensor.Int64Data.Count, count, "int64_data", usedBy);
            return (tensor.Dims.ToArray(), tensor.Int64Data.ToArray());
        }

        CheckOnlyRaw(tensor, tensor.Int64Data.Count, usedBy);
        CheckRawLength(tensor, count, sizeof(long), usedBy);
        var values = new long[count];
        var bytes = tensor.RawData.Span;
        for (int i = 0; i < count; i++)
        {
            values[i] = BinaryPrimitives.ReadInt64LittleEndian(bytes.Slice(i * sizeof(long), sizeof(long)));
        }

        return (tensor.Dims.ToArray(), values);
    }

    private static string Describe(TensorProto tensor) =>
        tensor.Name.Length > 0 ? $"initializer '{tensor.Name}'" : "constant tensor";

    private static string TypeName(int dataType) =>
        Enum.IsDefined(typeof(TensorProto.Types.DataType), dataType)
            ? ((TensorProto.Types.DataType)dataType).ToString().ToUpperInvariant()
            : $"unknown type {dataType}";

    private int CheckHeader(TensorProto tensor, TensorProto.Types.DataType required, string usedBy)
    {
        if (tensor.DataLocation == TensorProto.Types.DataLocation.External || tensor.ExternalData.Count > 0)
        {
            throw Error(
                DiagnosticCatalog.InitializerExternal,
                $"{Describe(tensor)} ({usedBy}) keeps its data in an external file; export the model with the weights inside the .onnx file " +
                "(torch.onnx.export does so for models under 2 GB).");
        }

        if (tensor.DataType != (int)required)
        {
            throw Error(
                DiagnosticCatalog.InitializerType,
                $"{Describe(tensor)} ({usedBy}) has element type {TypeName(tensor.DataType)}; only {TypeName((int)required)} is supported here.");
        }

        if (tensor.Dims.Any(d => d < 0))
        {
            throw Error(DiagnosticCatalog.InitializerDims, $"{Describe(tensor)} ({usedBy}) has a negative dimension in dims {OnnxNodeView.Format(tensor.Dims)}.");
        }

        if (tensor.Dims.Contains(0))
        {
            return 0;
        }

        // Bounded so that the element count times 8 bytes still fits in one .NET array.
        const long limit = int.MaxValue / sizeof(long);
        long count = 1;
        foreach (var d in tensor.Dims)
        {
            if (d > limit / count)
            {
                throw Error(DiagnosticCatalog.InitializerDims, $"{Describe(tensor)} ({usedBy}) has dims {OnnxNodeView.Format(tensor.Dims)}: more than {limit} elements.");
            }

            count *= d;
        }

        return (int)count;
    }

    private void CheckOnlyRaw(TensorProto tensor, int typedCount, string usedBy)
    {
        if (typedCount > 0)
        {
            throw Error(
                DiagnosticCatalog.InitializerData,
                $"{Describe(tensor)} ({usedBy}) has data in both raw_data and a typed field; ONNX allows only one.");
        }
    }

    private void CheckRawLength(TensorProto tensor, int count, int elementSize, string usedBy)
    {
        long expected = (long)count * elementSize;
        if (tensor.RawData.Length != expected)
        {
            throw Error(
                DiagnosticCatalog.InitializerData,
                $"{Describe(tensor)} ({usedBy}) has {tensor.RawData.Length} bytes of raw_data; dims {OnnxNodeView.Format(tensor.Dims)} need {expected}.");
        }
    }

    private void CheckTypedLength(TensorProto tensor, int actual, int count, string field, string usedBy)
    {
        if (actual != count)
        {
            var holds = actual == 0 ? "holds no data" : $"holds {actual} values in {field}";
            throw Error(
                DiagnosticCatalog.InitializerData,
                $"{Describe(tensor)} ({usedBy}) {holds}; dims {OnnxNodeView.Format(tensor.Dims)} need {count}.");
        }
    }

    private XaiException Error(string code, string message) => new(code, message, _source);
}
