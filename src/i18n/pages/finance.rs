//! Strings of the finance page.

strings! {
    /// Page title.
    TITLE = "TODO", "TODO";
}
