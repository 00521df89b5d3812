//! The arithmetic of social-audit's contextual encoder (docs/ENCODER.md):
//! every loop the forward pass spends its time in, so that the encoder in
//! the main crate only orders the steps.
//!
//! A crate of its own so that debug and test builds can optimise it
//! (Cargo.toml, `[profile.dev.package.encoder-kernels]`). Unoptimised,
//! with the standard library's debug checks on every index and range
//! step, self-attention alone took about three quarters of the time the
//! evaluation test spent scoring blind sets with `--deep`. Optimisation
//! does not change a result: Rust does not reorder or fuse floating-point
//! operations at any level, so each sum is added in the order written.

mod attention;
pub mod matmul;
mod ops;

pub use attention::self_attention;
pub use matmul::Matrix;
pub use ops::{add, dot, gelu, layer_norm, mean_rows};
