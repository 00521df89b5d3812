//! The `social-audit` command: [`cli`] parses the arguments, [`config`]
//! validates a scan's, and [`command`] holds one module per subcommand.
//! Everything they drive is in the library (src/lib.rs).

mod cli;
mod command;
mod config;

fn main() {
    std::process::exit(cli::main());
}
