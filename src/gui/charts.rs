//! Charts drawn with `egui_plot` from the same numbers as the reports.
