// Cycle accounting of the Table III network on the engines (issue 12, point 6), for the
// paper's three Table IV configurations, beside the paper's latencies.
//
// A model printed from the loop trip counts (xai/engine_cycles.h), not a measurement: no
// vendor tool has confirmed these cycles. Machine-independent: the same figures everywhere.
//
//   cmake -S hls-lib -B /tmp/b && cmake --build /tmp/b -j2 --target engine_cycles_bench && /tmp/b/bench/engine_cycles_bench
#include <cstdio>

#include "xai/engine_cycles.h"
#include "../examples/table3/table3_top.h" // (the bench glob adds no include path for it)

namespace {

using namespace xai::cycle_model;
typedef table3::float_numerics shapes; // the counts do not depend on the number types

/// The Table III engine with the parallelism of one Table IV column (tiles and kernel as table3).
template <unsigned NOH, unsigned NOW, bool DB = false> struct conv_cfg : table3::engine<shapes> {
    static const unsigned n_oh = NOH, n_ow = NOW;
    static const bool double_buffer = DB;
};
template <unsigned TILE> struct fc_cfg : table3::fc_engine<shapes> {
    static const unsigned tile = TILE;
};
/// The dense engine reading its weight blocks P per beat (weight_beat.h: the packed weight port).
template <unsigned TILE, unsigned P> struct fc_packed : fc_cfg<TILE> {
    static const unsigned weight_beat = P;
};

const char* const layer_names[] = {"conv1", "conv2", "conv3", "conv4", "fc1", "fc2"};

struct board {
    const char* name;
    double clock_mhz;      ///< Table IV: synthesized and simulated at 100 MHz (boards/*.json default too)
    unsigned packed_epb;   ///< elements per beat if the ports were packed to the HP port width
    double paper_fp_ms, paper_fpbp_ms; ///< Table IV
};

/// One variant of the design: as written (serial conv steps), or double-buffered, at a port width.
struct variant_cycles {
    cycle_count serial, packed, db, db_packed;
};

void print_row(const char* name, const char* pass, const variant_cycles& v, bool per_layer) {
    const cycle_count& c = v.serial;
    std::printf("| %-7s | %s | %10llu | %10llu | %9llu | %10llu |", name, pass, c.compute, c.memory, c.setup, c.total());
    if (per_layer)
        std::printf(" %5.1f %% | %5.1f %% |", 100.0 * mac_utilisation(c.macs, c.lanes, c.compute),
                    100.0 * mac_utilisation(c.macs, c.lanes, c.total()));
    else
        std::printf("    —    |    —    |");
    std::printf(" %10llu | %10llu | %10llu |\n", v.packed.total(), v.db.total(), v.db_packed.total());
}

template <unsigned NOH, unsigned NOW, unsigned FC> void report(const board& b) {
    typedef conv_cfg<NOH, NOW> CE;
    typedef conv_cfg<NOH, NOW, true> CE_DB;
    typedef fc_cfg<FC> DE;
    typedef table3::network<shapes> NET;
    const unsigned NL = NET::n_layers;
    std::printf("\n### %s: conv %ux%u, fc tile %u, %.0f MHz; packed column: %u elements/beat\n\n", b.name, NOH, NOW,
                FC, b.clock_mhz, b.packed_epb);
    std::printf("| layer   | pass | compute    | memory     | setup     | total      | MAC util core | MAC util layer | total, packed ports | total, double-buffered | double-buffered + packed |\n");
    std::printf("|---------|------|-----------:|-----------:|----------:|-----------:|------:|------:|-----------:|-----------:|-----------:|\n");
    variant_cycles sum[2] = {};
    const unsigned epb1 = elements_per_beat_as_written;
    for (int bp = 0; bp < 2; bp++) {
        const bool back = bp != 0;
        const variant_cycles io = {network_io_cycles(NL, table3::input_size, table3::n_classes, back, epb1),
                                   network_io_cycles(NL, table3::input_size, table3::n_classes, back, b.packed_epb),
                                   network_io_cycles(NL, table3::input_size, table3::n_classes, back, epb1),
                                   network_io_cycles(NL, table3::input_size, table3::n_classes, back, b.packed_epb)};
        sum[bp] = io;
        for (unsigned i = 0; i < NL; i++) {
            const unsigned l = bp ? NL - 1 - i : i; // BP runs the layers in reverse
            const xai::layer_desc& d = NET::layers[l];
            const variant_cycles v = {layer_cycles<CE, DE>(d, back, epb1), layer_cycles<CE, DE>(d, back, b.packed_epb),
                                      layer_cycles<CE_DB, DE>(d, back, epb1),
                                      layer_cycles<CE_DB, DE>(d, back, b.packed_epb)};
            print_row(layer_names[l], bp ? "BP" : "FP", v, true);
            add(sum[bp].serial, v.serial);
            add(sum[bp].packed, v.packed);
            add(sum[bp].db, v.db);
            add(sum[bp].db_packed, v.db_packed);
        }
        print_row("copies", bp ? "BP" : "FP", io, false);
        print_row("total", bp ? "BP" : "FP", sum[bp], false);
    }
    const cycle_count pass[2] = {sum[0].serial, sum[1].serial}, packed[2] = {sum[0].packed, sum[1].packed};
    // Network utilisation: useful MACs over every multiplier (both engines) for the whole pass.
    const count_t lanes = count_t(NOH) * NOW + FC;
    const double cyc_per_ms = b.clock_mhz * 1e3;
    const count_t fp = pass[0].total(), fpbp = pass[0].total() + pass[1].total();
    const count_t fp_p = packed[0].total(), fpbp_p = packed[0].total() + packed[1].total();
    std::printf("\n| | cycles | model ms | paper ms (Table IV) | model / paper | packed-port cycles | packed ms | packed / paper | MAC util (all %llu multipliers) |\n",
                lanes);
    std::printf("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    std::printf("| FP | %llu | %.2f | %.2f | %.2f | %llu | %.2f | %.2f | %.1f %% |\n", fp, fp / cyc_per_ms, b.paper_fp_ms,
                fp / cyc_per_ms / b.paper_fp_ms, fp_p, fp_p / cyc_per_ms, fp_p / cyc_per_ms / b.paper_fp_ms,
                100.0 * mac_utilisation(pass[0].macs, lanes, fp));
    std::printf("| FP+BP | %llu | %.2f | %.2f | %.2f | %llu | %.2f | %.2f | %.1f %% |\n", fpbp, fpbp / cyc_per_ms,
                b.paper_fpbp_ms, fpbp / cyc_per_ms / b.paper_fpbp_ms, fpbp_p, fpbp_p / cyc_per_ms,
                fpbp_p / cyc_per_ms / b.paper_fpbp_ms, 100.0 * mac_utilisation(pass[0].macs + pass[1].macs, lanes, fpbp));
    const count_t db_fp = sum[0].db.total(), db_fpbp = db_fp + sum[1].db.total();
    const count_t dbp_fp = sum[0].db_packed.total(), dbp_fpbp = dbp_fp + sum[1].db_packed.total();
    std::printf("\nDouble-buffered conv steps (E::double_buffer): FP %.2f ms (%.2f of the paper), FP+BP %.2f ms (%.2f); "
                "with packed ports too: FP %.2f ms (%.2f), FP+BP %.2f ms (%.2f).\n",
                db_fp / cyc_per_ms, db_fp / cyc_per_ms / b.paper_fp_ms, db_fpbp / cyc_per_ms,
                db_fpbp / cyc_per_ms / b.paper_fpbp_ms, dbp_fp / cyc_per_ms, dbp_fp / cyc_per_ms / b.paper_fp_ms,
                dbp_fpbp / cyc_per_ms, dbp_fpbp / cyc_per_ms / b.paper_fpbp_ms);
    std::printf("\nFP: %llu MACs, core %llu cycles in %llu calls, %llu DRAM loops (bursts); "
                "BP: %llu MACs, core %llu cycles in %llu calls, %llu DRAM loops.\n",
                pass[0].macs, pass[0].core, pass[0].core_calls, pass[0].dram_loops, pass[1].macs, pass[1].core,
                pass[1].core_calls, pass[1].dram_loops);
}

/// The fastest configuration the SDK's exploration finds fitting on a board (double-buffered, dense
/// weights packed to the HP port), per layer as written, beside the what-if of every port packed.
/// The engine with the tiles the SDK's planner gives an unroll (DesignPlanner.ConvTile: max(16, 2 x unroll)).
template <unsigned NOH, unsigned NOW> struct planned_cfg : conv_cfg<NOH, NOW, true> {
    static const unsigned tile_h = NOH * 2 > 16 ? NOH * 2 : 16, tile_w = NOW * 2 > 16 ? NOW * 2 : 16;
};

/// P: the dense engine's weight beat as built; EPB: the what-if of every port packed to the HP port.
template <unsigned NOH, unsigned NOW, unsigned FC, unsigned P, unsigned EPB>
void report_best(const char* board, const char* name, double goal_ms) {
    typedef planned_cfg<NOH, NOW> CE;
    typedef fc_packed<FC, P> DE;
    typedef table3::network<shapes> NET;
    const unsigned NL = NET::n_layers;
    std::printf("\n#### %s: %s (double-buffered, dense weights %u per cycle), 100 MHz\n\n", board, name, P);
    std::printf("| layer   | pass | compute    | memory     | setup     | hidden     | total      | total, every port packed |\n");
    std::printf("|---------|------|-----------:|-----------:|----------:|-----------:|-----------:|-----------:|\n");
    count_t fpbp = 0, fpbp_all = 0;
    for (int bp = 0; bp < 2; bp++) {
        const bool back = bp != 0;
        cycle_count sum = network_io_cycles(NL, table3::input_size, table3::n_classes, back, 1);
        cycle_count all = network_io_cycles(NL, table3::input_size, table3::n_classes, back, EPB);
        for (unsigned i = 0; i < NL; i++) {
            const unsigned l = bp ? NL - 1 - i : i;
            const cycle_count c = layer_cycles<CE, DE>(NET::layers[l], back, 1);
            const cycle_count a = layer_cycles<CE, DE>(NET::layers[l], back, EPB);
            std::printf("| %-7s | %s | %10llu | %10llu | %9llu | %10llu | %10llu | %10llu |\n", layer_names[l], bp ? "BP" : "FP",
                        c.compute, c.memory, c.setup, c.overlapped, c.total(), a.total());
            add(sum, c);
            add(all, a);
        }
        std::printf("| total   | %s | %10llu | %10llu | %9llu | %10llu | %10llu | %10llu |\n", bp ? "BP" : "FP", sum.compute,
                    sum.memory, sum.setup, sum.overlapped, sum.total(), all.total());
        fpbp += sum.total();
        fpbp_all += all.total();
    }
    // (No clock for the goal here: these counts hold the DDR round trip at its 100 MHz cycles; the SDK's model
    // converts it per clock, DesignSpaceExplorer.ClockToMeet.)
    std::printf("\nFP+BP %.2f ms at 100 MHz (goal %.2f ms: %.2fx it); every port packed: %.2f ms.\n", fpbp / 1e5, goal_ms,
                fpbp / 1e5 / goal_ms, fpbp_all / 1e5);
}

} // namespace

int main() {
    std::printf("Cycle accounting of the Table III network on the engines: a MODEL from the loop trip counts\n"
                "(xai/engine_cycles.h), not a measurement; no vendor tool has confirmed these cycles.\n"
                "As written, loads, core and stores run one after another; the double-buffered columns overlap a conv\n"
                "step's loads with the previous step's core and store (E::double_buffer, DATAFLOW step loop).\n"
                "Assumptions: core depth %u (dense %u), on-chip loop depth %u, read loop depth %u after the first\n"
                "beat, store loop depth %u, %u cycles per pipelined-loop entry, %u per iteration of a loop that is\n"
                "not pipelined, AXI read latency %u per read loop, write response %u per write loop; %u element\n"
                "per DRAM beat as written.\n",
                conv_core_depth, dense_core_depth, onchip_loop_depth, read_loop_depth, store_loop_depth,
                pipelined_loop_entry, outer_loop_iteration, axi_read_latency, axi_write_latency,
                elements_per_beat_as_written);
    // Fully connected tile: Table IV's DSP counts are N_oh*N_ow + the tile (32 = 16+16,
    // 48 = 32+16, 96 = 64+32), so 16, 16 and 32.
    report<4, 4, 16>({"Pynq-Z2", 100.0, elements_per_beat_zynq7000_hp, 43.53, 66.75});
    report<4, 8, 16>({"Ultra96-V2", 100.0, elements_per_beat_zynqmp_hp, 24.56, 39.96});
    report<8, 8, 32>({"ZCU104", 100.0, elements_per_beat_zynqmp_hp, 15.32, 26.37});
    // The fastest fitting configurations of `dotnet build -t:Explore` (resource model: LUT fit, DSP, BRAM),
    // goal a third of Table IV's FP+BP.
    std::printf("\n### The fastest fitting configuration per board, as the exploration ranks them\n");
    // (Pynq-Z2: packed, the same 4x4 array is modelled one AXI master over its LUTs; its fastest fitting is unpacked.)
    report_best<4, 4, 16, 1, elements_per_beat_zynq7000_hp>("Pynq-Z2", "4x4-fc16-db", 66.75 / 3);
    report_best<4, 8, 32, elements_per_beat_zynqmp_hp, elements_per_beat_zynqmp_hp>("Ultra96-V2", "4x8-fc32-db-pw", 39.96 / 3);
    report_best<8, 16, 32, elements_per_beat_zynqmp_hp, elements_per_beat_zynqmp_hp>("ZCU104", "8x16-fc32-db-pw", 26.37 / 3);
    return 0;
}
