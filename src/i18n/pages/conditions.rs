//! Strings of the conditions page.

strings! {
    /// Page title.
    TITLE = "TODO", "TODO";
}
