// The counters of one pipelined loop over a box of a tensor in DRAM (issue 10: tile loads and
// stores as one loop each, so the m_axi latency is paid once per tile, not once per row).
#ifndef XAI_BOX_WALK_H
#define XAI_BOX_WALK_H

namespace xai {

/// Position in an n_c x n_r x n_x box of a row-major tensor, walked in that order by one
/// pipelined loop of n_c * n_r * n_x iterations: (c, r, x) within the box and `e`, the element
/// offset in the tensor. next() uses adds and compares only, so the loop has no multiplier and
/// keeps II = 1.
struct box_walk {
    unsigned c = 0, r = 0, x = 0; ///< box coordinates: plane, row, column
    unsigned e;                   ///< offset of (c, r, x) in the tensor
    unsigned n_r, n_x;            ///< rows and columns of the box
    unsigned row_jump;            ///< row_pitch - n_x: from past a row's last column to the next row
    unsigned plane_jump;          ///< plane_pitch - n_r * row_pitch: from past a plane's last row to the next plane

    /// e0: offset of the box's first element; row_pitch, plane_pitch: elements between rows and planes.
    box_walk(unsigned e0, unsigned rows, unsigned cols, unsigned row_pitch, unsigned plane_pitch)
        : e(e0), n_r(rows), n_x(cols), row_jump(row_pitch - cols), plane_jump(plane_pitch - rows * row_pitch) {}

    void next() {
        e++;
        if (++x == n_x) {
            x = 0;
            e += row_jump;
            if (++r == n_r) {
                r = 0;
                c++;
                e += plane_jump;
            }
        }
    }
};

} // namespace xai

#endif
