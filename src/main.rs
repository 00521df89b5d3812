fn main() {
    std::process::exit(social_audit::cli::main());
}
