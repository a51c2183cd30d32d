//! Strings of the projects page.

strings! {
    /// Page title.
    TITLE = "TODO", "TODO";
}
