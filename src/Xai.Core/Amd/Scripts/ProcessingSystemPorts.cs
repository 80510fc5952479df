using Xai.Boards;
using Xai.Diagnostics;

namespace Xai.Amd.Scripts;

/// <summary>
/// What a board's processing system needs in a Vivado block design: the IP, its board-automation
/// rule, the CONFIG property that enables each AXI port, the PL clock property and the interrupt pin.
/// Zynq-7000 names are the PCW_* properties; Zynq UltraScale+ names follow the mapping used
/// consistently by public scripts (M_AXI_HPM0_FPD = PSU__USE__M_AXI_GP0, S_AXI_HP0_FPD = PSU__USE__S_AXI_GP2, ...).
/// </summary>
/// <param name="Ip">IP name (<c>processing_system7</c>, <c>zynq_ultra_ps_e</c>).</param>
/// <param name="AutomationRule">Board automation rule for the PS cell.</param>
/// <param name="AutomationConfig">Its <c>-config</c> as key/value pairs.</param>
/// <param name="MasterEnable">CONFIG property enabling the board's master port.</param>
/// <param name="SlaveEnable">CONFIG property enabling the board's slave port.</param>
/// <param name="OtherMastersToDisable">Master ports a board preset may enable that the design leaves unconnected (their clocks would fail validation).</param>
/// <param name="ClockProperty">CONFIG property of PL clock 0 in MHz.</param>
/// <param name="InterruptPin">PS pin for a PL interrupt.</param>
/// <param name="InterruptEnable">CONFIG properties enabling that pin.</param>
/// <param name="InterconnectIp">Interconnect the axi4 automation creates.</param>
public sealed record ProcessingSystemPorts(
    string Ip,
    string AutomationRule,
    IReadOnlyList<KeyValuePair<string, string>> AutomationConfig,
    string MasterEnable,
    string SlaveEnable,
    IReadOnlyList<string> OtherMastersToDisable,
    string ClockProperty,
    string InterruptPin,
    IReadOnlyList<string> InterruptEnable,
    string InterconnectIp)
{
    private static readonly Dictionary<string, string> Ps7Masters = new()
    {
        ["M_AXI_GP0"] = "CONFIG.PCW_USE_M_AXI_GP0",
        ["M_AXI_GP1"] = "CONFIG.PCW_USE_M_AXI_GP1",
    };

    private static readonly Dictionary<string, string> Ps7Slaves = new()
    {
        ["S_AXI_HP0"] = "CONFIG.PCW_USE_S_AXI_HP0",
        ["S_AXI_HP1"] = "CONFIG.PCW_USE_S_AXI_HP1",
        ["S_AXI_HP2"] = "CONFIG.PCW_USE_S_AXI_HP2",
        ["S_AXI_HP3"] = "CONFIG.PCW_USE_S_AXI_HP3",
        ["S_AXI_ACP"] = "CONFIG.PCW_USE_S_AXI_ACP",
    };

    private static readonly Dictionary<string, string> Ps8Masters = new()
    {
        ["M_AXI_HPM0_FPD"] = "CONFIG.PSU__USE__M_AXI_GP0",
        ["M_AXI_HPM1_FPD"] = "CONFIG.PSU__USE__M_AXI_GP1",
        ["M_AXI_HPM0_LPD"] = "CONFIG.PSU__USE__M_AXI_GP2",
    };

    private static readonly Dictionary<string, string> Ps8Slaves = new()
    {
        ["S_AXI_HPC0_FPD"] = "CONFIG.PSU__USE__S_AXI_GP0",
        ["S_AXI_HPC1_FPD"] = "CONFIG.PSU__USE__S_AXI_GP1",
        ["S_AXI_HP0_FPD"] = "CONFIG.PSU__USE__S_AXI_GP2",
        ["S_AXI_HP1_FPD"] = "CONFIG.PSU__USE__S_AXI_GP3",
        ["S_AXI_HP2_FPD"] = "CONFIG.PSU__USE__S_AXI_GP4",
        ["S_AXI_HP3_FPD"] = "CONFIG.PSU__USE__S_AXI_GP5",
    };

    /// <exception cref="XaiException">XAI5531 when the board names a PS or port this writer does not know.</exception>
    public static ProcessingSystemPorts For(Board board)
    {
        var ps = board.ProcessingSystem;
        var (expectedIp, masters, slaves) = board.Family switch
        {
            "zynq" => ("processing_system7", Ps7Masters, Ps7Slaves),
            "zynquplus" => ("zynq_ultra_ps_e", Ps8Masters, Ps8Slaves),
            _ => throw Unknown(board, $"family '{board.Family}'", "zynq, zynquplus"),
        };
        if (ps.Ip != expectedIp)
        {
            throw Unknown(board, $"ps.ip '{ps.Ip}' for family '{board.Family}'", expectedIp);
        }

        if (!masters.TryGetValue(ps.MasterPort, out var masterEnable))
        {
            throw Unknown(board, $"ps.masterPort '{ps.MasterPort}'", string.Join(", ", masters.Keys));
        }

        if (!slaves.TryGetValue(ps.SlavePort, out var slaveEnable))
        {
            throw Unknown(board, $"ps.slavePort '{ps.SlavePort}'", string.Join(", ", slaves.Keys));
        }

        var others = masters.Where(m => m.Key != ps.MasterPort).Select(m => m.Value).ToList();
        return board.Family == "zynq"
            ? new ProcessingSystemPorts(ps.Ip, "xilinx.com:bd_rule:processing_system7",
                [new("make_external", "FIXED_IO, DDR"), new("apply_board_preset", "1"), new("Master", "Disable"), new("Slave", "Disable")],
                masterEnable, slaveEnable, others, "CONFIG.PCW_FPGA0_PERIPHERAL_FREQMHZ", "IRQ_F2P",
                ["CONFIG.PCW_USE_FABRIC_INTERRUPT", "CONFIG.PCW_IRQ_F2P_INTR"], "New AXI Interconnect")
            : new ProcessingSystemPorts(ps.Ip, "xilinx.com:bd_rule:zynq_ultra_ps_e",
                [new("apply_board_preset", "1")],
                masterEnable, slaveEnable, others, "CONFIG.PSU__CRL_APB__PL0_REF_CTRL__FREQMHZ", "pl_ps_irq0",
                ["CONFIG.PSU__USE__IRQ0"], "New AXI SmartConnect");
    }

    private static XaiException Unknown(Board board, string what, string allowed) =>
        new(DiagnosticCatalog.UnknownPsPort, $"Board '{board.Id}' has {what}, which the Vivado script writer does not support; allowed: {allowed}.", board.SourceFile);
}
