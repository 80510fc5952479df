using Google.Protobuf;
using Xai.Diagnostics;
using Xai.Model;
using Xai.Onnx;
using Xai.Onnx.Proto;

namespace Xai.Core.Tests.Onnx;

/// <summary>Writes a model to a temporary .onnx file and imports it, as a user's build would.</summary>
internal static class OnnxImportHarness
{
    public static Network Import(ModelProto model) => ImportBytes(model.ToByteArray(), out _);

    public static Network ImportBytes(byte[] bytes, out string path)
    {
        path = Path.Combine(Path.GetTempPath(), $"xai-onnx-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(path, bytes);
        try
        {
            return new OnnxModelImporter().Import(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Asserts the import fails with <paramref name="code"/> and a diagnostic that names the file.</summary>
    public static XaiException Fails(ModelProto model, string code) => FailsBytes(model.ToByteArray(), code);

    public static XaiException FailsBytes(byte[] bytes, string code)
    {
        string path = "";
        var e = Assert.Throws<XaiException>(() => ImportBytes(bytes, out path));
        Assert.True(code == e.Code, $"expected {code}, got {e.Diagnostic}");
        Assert.Equal(path, e.Diagnostic.File);
        Assert.Equal(DiagnosticSeverity.Error, e.Diagnostic.Severity);
        Assert.Contains(path, e.Diagnostic.ToString());
        return e;
    }
}
