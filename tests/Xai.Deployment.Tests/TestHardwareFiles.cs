using System.Buffers.Binary;
using System.Text;
using Xai.CodeGeneration;

namespace Xai.Deployment.Tests;

/// <summary>
/// Test-made stand-ins for what the Bitstream stage writes when Vivado exists (it does not here):
/// a .bit with a real-format header (preamble, fields a–d, e + data), a minimal .hwh in the shape
/// Vivado writes (EDKSYSTEM / SYSTEMINFO / MODULES), and a driver header in Vitis HLS's
/// x&lt;top&gt;_hw.h format. None of them is a vendor file; the PL is never programmed with them.
/// </summary>
public static class TestHardwareFiles
{
    public static byte[] Bitstream(string part, string design = "design_1_wrapper", int dataBytes = 256, byte fill = 0xAA)
    {
        using var s = new MemoryStream();
        void U16(int v) { Span<byte> b = stackalloc byte[2]; BinaryPrimitives.WriteUInt16BigEndian(b, (ushort)v); s.Write(b); }
        void Field(char key, string text)
        {
            s.WriteByte((byte)key);
            var bytes = Encoding.ASCII.GetBytes(text + "\0");
            U16(bytes.Length);
            s.Write(bytes);
        }

        U16(9);
        s.Write([0x0f, 0xf0, 0x0f, 0xf0, 0x0f, 0xf0, 0x0f, 0xf0, 0x00]);
        U16(1);
        Field('a', $"{design};UserID=0XFFFFFFFF;Version=2024.2");
        Field('b', part);
        Field('c', "2026/11/30");
        Field('d', "23:00:00");
        s.WriteByte((byte)'e');
        Span<byte> len = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(len, (uint)dataBytes);
        s.Write(len);
        for (var i = 0; i < dataBytes; i++)
        {
            s.WriteByte(i < 4 ? (byte)0xFF : fill);
        }

        return s.ToArray();
    }

    /// <summary>A minimal .hwh: the part in SYSTEMINFO, the PS and the accelerator as MODULEs, the PL clock as PYNQ reads it.</summary>
    public static string Hwh(string device, string package, string speed, string top = "xai_top", double clockMHz = 100) => $"""
        <?xml version="1.0" encoding="UTF-8" standalone="no" ?>
        <!-- Test-made for Xai.Deployment.Tests (not written by Vivado): only the elements PYNQ and the SDK read. -->
        <EDKSYSTEM EDWVERSION="1.2" TIMESTAMP="Mon Nov 30 23:00:00 2026" VIVADOVERSION="2024.2">
          <SYSTEMINFO ARCH="zynq" BOARD="tul.com.tw:pynq-z2:part0:1.0" DEVICE="{device}" NAME="design_1" PACKAGE="{package}" SPEEDGRADE="{speed}"/>
          <MODULES>
            <MODULE FULLNAME="/processing_system7_0" INSTANCE="processing_system7_0" IPTYPE="PERIPHERAL" MODCLASS="PROCESSOR" MODTYPE="processing_system7" VLNV="xilinx.com:ip:processing_system7:5.5">
              <PARAMETERS>
                <PARAMETER NAME="PCW_FPGA0_PERIPHERAL_FREQMHZ" VALUE="{clockMHz}"/>
              </PARAMETERS>
            </MODULE>
            <MODULE FULLNAME="/{top}_0" INSTANCE="{top}_0" IPTYPE="PERIPHERAL" MODCLASS="PERIPHERAL" MODTYPE="{top}" VLNV="xilinx.com:hls:{top}:1.0"/>
          </MODULES>
        </EDKSYSTEM>
        """;

    /// <summary>
    /// A driver header in the format of the Vitis HLS 2022.1 x&lt;top&gt;_hw.h (control registers at
    /// 0x00–0x0c, the return value at 0x10, then each argument: 64-bit pointers take three words).
    /// Offsets deliberately differ from any constant a runner could have hard-coded.
    /// </summary>
    public static (string Text, Dictionary<string, int> Offsets) DriverHeader(HlsTopDesign top)
    {
        var prefix = "X" + top.FunctionName.ToUpperInvariant() + "_CONTROL_";
        var s = new StringBuilder("// Test-made in the format of Vitis HLS's x<top>_hw.h (Xai.Deployment.Tests).\n");
        var offsets = new Dictionary<string, int> { ["AP_CTRL"] = 0x00, ["GIE"] = 0x04, ["IER"] = 0x08, ["ISR"] = 0x0c, ["AP_RETURN"] = 0x10 };
        var next = 0x18;
        foreach (var port in top.MasterPorts)
        {
            offsets[port.Name.ToUpperInvariant() + "_DATA"] = next;
            next += 0xc;
        }

        if (top.Variant == HlsTopVariant.Explain)
        {
            offsets["TARGET_DATA"] = next;
        }

        foreach (var (name, offset) in offsets)
        {
            s.Append($"#define {prefix}ADDR_{name,-20} 0x{offset:x2}\n");
            if (name.EndsWith("_DATA", StringComparison.Ordinal))
            {
                s.Append($"#define {prefix}BITS_{name,-20} {(name == "TARGET_DATA" ? 32 : 64)}\n");
            }
        }

        return (s.ToString(), offsets);
    }
}
