//! Every bundled pack loads and validates.

use innocheck::rules::Registry;

#[test]
fn bundled_packs_load() {
    let reg = match Registry::bundled() {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    };
    assert!(reg.get("tc.nat.2016").is_some());
}
