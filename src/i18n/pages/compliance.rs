//! Strings of the compliance page.

strings! {
    /// Page title.
    TITLE = "TODO", "TODO";
}
