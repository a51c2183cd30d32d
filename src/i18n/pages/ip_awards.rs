//! Strings of the IP-and-awards page.

strings! {
    /// Page title.
    TITLE = "TODO", "TODO";
}
