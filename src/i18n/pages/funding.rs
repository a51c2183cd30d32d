//! Strings of the funding page.

strings! {
    /// Page title.
    TITLE = "TODO", "TODO";
}
