//! The one benchmark command: `cargo bench`. It measures every figure the
//! project promises and prints one table (figure, target, measured). It is
//! never part of the test suite's pass or fail.
//!
//! Each area lives in its own file under `benches/parts/` and adds rows to
//! the table. Set `KIOSK_BENCH_QUICK=1` for a fast, smaller run.

mod parts;

use parts::Table;

fn main() {
    let mut table = Table::default();
    parts::run_all(&mut table);
    table.print();
}
