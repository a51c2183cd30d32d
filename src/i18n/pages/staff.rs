//! Strings of the staff page.

strings! {
    /// Page title.
    TITLE = "TODO", "TODO";
}
