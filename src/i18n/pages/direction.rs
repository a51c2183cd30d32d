//! Strings of the direction page.

strings! {
    /// Page title.
    TITLE = "TODO", "TODO";
}
