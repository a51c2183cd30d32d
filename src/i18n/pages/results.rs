//! Strings of the results page.

strings! {
    /// Page title.
    TITLE = "TODO", "TODO";
}
