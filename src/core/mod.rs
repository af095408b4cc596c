//! What every layer may use and that knows no HTTP.

pub mod error;
pub mod ids;
pub mod metrics;
pub mod private_files;
pub mod process;
