//! `cargo bench --bench package`: the application package (filled in below).

fn main() {}
