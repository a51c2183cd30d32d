//! Windows only, and part of the binary (not the library): the console of
//! the program that started innocheck.
//!
//! A GUI-subsystem program gets no console of its own, so without this,
//! `innocheck evaluate …` typed in cmd or PowerShell would print nothing.
//! Attaching to the parent's console (when it has one) makes `println!` and
//! `eprintln!` reach it; started from Explorer there is no parent console and
//! nothing happens. On Windows 8 and later, a standard handle that was
//! redirected (`> out.json`, a pipe) is kept: only the missing ones are
//! opened on the console. A console-subsystem build (debug, or without the
//! `gui` feature) already has its console, and the call fails harmlessly.

/// Attaches the process to its parent's console, if the parent has one.
#[expect(
    unsafe_code,
    reason = "one Win32 call that takes a process id and touches no memory of ours; the crates \
              that wrap it are unmaintained or part of a GUI framework"
)]
pub fn attach_to_parent() {
    use windows_sys::Win32::System::Console::{ATTACH_PARENT_PROCESS, AttachConsole};
    // SAFETY: AttachConsole takes a process id by value and returns a BOOL; it
    // touches no memory of ours. Failure (no parent console, already attached)
    // leaves the process as it was, which is the fallback we want.
    let _ = unsafe { AttachConsole(ATTACH_PARENT_PROCESS) };
}
