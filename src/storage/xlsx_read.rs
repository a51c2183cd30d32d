//! The little of an xlsx workbook the import reads: its sheets in order, each
//! sheet's filled cells (shared, inline and formula strings, numbers, dates,
//! booleans, error values) and its merged ranges.
//!
//! Built on the zip and XML readers alone (the zip crate is the one the
//! workbook export writes with). It reads what Excel, WPS, `LibreOffice` and the
//! export write; anything else — a part too large, a broken zip, malformed
//! XML — is an error string the import names the file with, never a panic.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// One filled cell's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text (a shared, inline or formula string, or an ISO date cell).
    Text(String),
    /// A number not formatted as a date.
    Number(f64),
    /// A number formatted as a date: days since Excel's day 0.
    Date(f64),
    /// `TRUE` / `FALSE`.
    Bool(bool),
    /// An error value (`#DIV/0!`).
    Error(String),
}

/// A merged range, 0-based (row, column), first and last cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Merge {
    /// Top-left cell.
    pub start: (u32, u32),
    /// Bottom-right cell.
    pub end: (u32, u32),
}

/// The most bytes one part (a sheet's XML, the shared strings) may unpack
/// to: far above what a few million cells take, far below a zip bomb.
const MAX_PART_BYTES: u64 = 256 * 1024 * 1024;

/// Excel's last row and column (0-based).
const MAX_ROW: u32 = 1_048_575;
const MAX_COL: u32 = 16_383;

/// An open workbook: its sheets' names and where they are, the shared
/// strings and which cell styles are dates.
pub struct Workbook<'a> {
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
    sheets: Vec<(String, Option<String>)>,
    strings: Vec<String>,
    date_styles: Vec<bool>,
}

impl<'a> Workbook<'a> {
    /// Opens the workbook in `bytes`.
    pub fn open(bytes: &'a [u8]) -> Result<Self, String> {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
        let book_path = main_part(&mut zip)?;
        let book_xml = part(&mut zip, &book_path)?.ok_or("no workbook part (xl/workbook.xml)")?;
        let rels_path = rels_of(&book_path);
        let rels = match part(&mut zip, &rels_path)? {
            Some(x) => relationships(&x, &book_path)?,
            None => Vec::new(),
        };
        let target = |id: &str| {
            rels.iter()
                .find(|r| r.id == id)
                .map(|r| (r.target.clone(), r.kind.clone()))
        };
        let mut sheets = Vec::new();
        for (name, id) in sheet_list(&book_xml)? {
            // A chart sheet or a dangling id holds no cells: listed, read empty.
            let path = target(&id)
                .filter(|(_, kind)| kind.ends_with("/worksheet"))
                .map(|(t, _)| t);
            sheets.push((name, path));
        }
        let by_kind = |suffix: &str, fallback: &str| {
            rels.iter()
                .find(|r| r.kind.ends_with(suffix))
                .map_or_else(|| fallback.to_string(), |r| r.target.clone())
        };
        let strings = match part(&mut zip, &by_kind("/sharedStrings", "xl/sharedStrings.xml"))? {
            Some(x) => shared_strings(&x)?,
            None => Vec::new(),
        };
        let date_styles = match part(&mut zip, &by_kind("/styles", "xl/styles.xml"))? {
            Some(x) => date_styles(&x)?,
            None => Vec::new(),
        };
        Ok(Workbook {
            zip,
            sheets,
            strings,
            date_styles,
        })
    }

    /// The sheets' names, in the workbook's order.
    #[must_use]
    pub fn sheet_names(&self) -> Vec<String> {
        self.sheets.iter().map(|(n, _)| n.clone()).collect()
    }

    /// Reads sheet number `index` (of [`sheet_names`](Self::sheet_names)):
    /// every filled cell goes to `cell` (row, column, value), in the sheet's
    /// order; the merged ranges are returned. `cell` may stop the read with
    /// an error.
    pub fn read_sheet(
        &mut self,
        index: usize,
        cell: &mut dyn FnMut(u32, u32, Cell) -> Result<(), String>,
    ) -> Result<Vec<Merge>, String> {
        let Some((_, Some(path))) = self.sheets.get(index) else {
            return Ok(Vec::new());
        };
        let path = path.clone();
        let Some(xml) = part(&mut self.zip, &path)? else {
            return Err(format!("the workbook names a sheet part it lacks: {path}"));
        };
        sheet_cells(&xml, &self.strings, &self.date_styles, cell)
    }
}

/// The main part's path (`xl/workbook.xml` unless the package says otherwise).
fn main_part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>) -> Result<String, String> {
    if let Some(x) = part(zip, "_rels/.rels")? {
        let rels = relationships(&x, "")?;
        if let Some(r) = rels.iter().find(|r| r.kind.ends_with("/officeDocument")) {
            return Ok(r.target.clone());
        }
    }
    Ok("xl/workbook.xml".into())
}

/// The relationships part of `path`: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`.
fn rels_of(path: &str) -> String {
    match path.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
        None => format!("_rels/{path}.rels"),
    }
}

/// The bytes of the part at `path` (names compared without case, as the
/// package format does), `None` if absent.
fn part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, path: &str) -> Result<Option<Vec<u8>>, String> {
    let path = path.trim_start_matches('/');
    let index = zip.index_for_name(path).or_else(|| {
        (0..zip.len()).find(|&i| {
            zip.name_for_index(i)
                .is_some_and(|n| n.is_ok_and(|n| n.eq_ignore_ascii_case(path)))
        })
    });
    let Some(index) = index else {
        return Ok(None);
    };
    let file = zip.by_index(index).map_err(|e| format!("{path}: {e}"))?;
    let mut out = Vec::with_capacity(file.size().min(MAX_PART_BYTES) as usize);
    file.take(MAX_PART_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(|e| format!("{path}: {e}"))?;
    if out.len() as u64 > MAX_PART_BYTES {
        return Err(format!(
            "{path} unpacks to more than {} MB",
            MAX_PART_BYTES / 1024 / 1024
        ));
    }
    Ok(Some(out))
}

/// One relationship: its id, its type and its target (a path in the package).
struct Rel {
    id: String,
    kind: String,
    target: String,
}

/// The relationships in a `.rels` part of the part at `source`; targets are
/// resolved against `source`'s folder.
fn relationships(xml: &[u8], source: &str) -> Result<Vec<Rel>, String> {
    let base = source.rsplit_once('/').map_or("", |(dir, _)| dir);
    let mut out = Vec::new();
    let mut r = Reader::from_reader(xml);
    loop {
        match r.read_event().map_err(|e| xml_error(".rels", &e))? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"Relationship" => {
                let mut rel = Rel {
                    id: String::new(),
                    kind: String::new(),
                    target: String::new(),
                };
                let mut external = false;
                for (key, value) in attributes(&e)? {
                    match key.as_str() {
                        "Id" => rel.id = value,
                        "Type" => rel.kind = value,
                        "Target" => rel.target = value,
                        "TargetMode" => external = value == "External",
                        _ => {}
                    }
                }
                if !external {
                    rel.target = resolve(base, &rel.target);
                    out.push(rel);
                }
            }
            Event::Eof => return Ok(out),
            _ => {}
        }
    }
}

/// `target` relative to the folder `base` (`..` and `.` resolved; a leading
/// `/` is from the package root).
fn resolve(base: &str, target: &str) -> String {
    let mut parts: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        base.split('/').filter(|p| !p.is_empty()).collect()
    };
    for p in target.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// The sheets of `workbook.xml`: name and relationship id, in order.
fn sheet_list(xml: &[u8]) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    let mut r = Reader::from_reader(xml);
    loop {
        match r.read_event().map_err(|e| xml_error("workbook.xml", &e))? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"sheet" => {
                let mut name = String::new();
                let mut id = String::new();
                for (key, value) in attributes(&e)? {
                    match key.as_str() {
                        "name" => name = value,
                        // `r:id`, whatever the namespace's prefix.
                        k if k.ends_with(":id") => id = value,
                        _ => {}
                    }
                }
                out.push((name, id));
            }
            Event::Eof => return Ok(out),
            _ => {}
        }
    }
}

/// The element's attributes, names as written (with any prefix), values unescaped.
fn attributes(e: &BytesStart<'_>) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|e| e.to_string())?;
        let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
        let value = a
            .decode_and_unescape_value(e.decoder())
            .map_err(|e| e.to_string())?
            .into_owned();
        out.push((key, value));
    }
    Ok(out)
}

/// The value of attribute `name` (without prefix), if there.
fn attribute(e: &BytesStart<'_>, name: &[u8]) -> Result<Option<String>, String> {
    for a in e.attributes() {
        let a = a.map_err(|e| e.to_string())?;
        if a.key.local_name().as_ref() == name {
            return Ok(Some(
                a.decode_and_unescape_value(e.decoder())
                    .map_err(|e| e.to_string())?
                    .into_owned(),
            ));
        }
    }
    Ok(None)
}

fn xml_error(part: &str, e: &quick_xml::Error) -> String {
    format!("{part}: {e}")
}

/// The shared strings (`<si>` in order; rich-text runs joined, phonetic
/// guides left out).
fn shared_strings(xml: &[u8]) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut r = Reader::from_reader(xml);
    loop {
        match r
            .read_event()
            .map_err(|e| xml_error("sharedStrings.xml", &e))?
        {
            Event::Start(e) if e.local_name().as_ref() == b"si" => {
                out.push(rich_text(&mut r, b"si", "sharedStrings.xml")?);
            }
            Event::Empty(e) if e.local_name().as_ref() == b"si" => out.push(String::new()),
            Event::Eof => return Ok(out),
            _ => {}
        }
    }
}

/// The text of a string item up to its closing `end` tag: the `<t>` runs,
/// without those inside a phonetic guide (`<rPh>`).
fn rich_text(r: &mut Reader<&[u8]>, end: &[u8], part: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut in_t = false;
    let mut phonetic = 0u32;
    loop {
        match r.read_event().map_err(|e| xml_error(part, &e))? {
            Event::Start(e) => match e.local_name().as_ref() {
                b"t" => in_t = true,
                b"rPh" => phonetic += 1,
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                b"t" => in_t = false,
                b"rPh" => phonetic = phonetic.saturating_sub(1),
                n if n == end => return Ok(unescape_ooxml(&out)),
                _ => {}
            },
            Event::Text(t) if in_t && phonetic == 0 => {
                out.push_str(&t.xml10_content().map_err(|e| e.to_string())?);
            }
            Event::CData(t) if in_t && phonetic == 0 => {
                out.push_str(&t.xml10_content().map_err(|e| e.to_string())?);
            }
            Event::GeneralRef(g) if in_t && phonetic == 0 => push_ref(&mut out, &g)?,
            Event::Eof => return Err(format!("{part}: ends inside a string")),
            _ => {}
        }
    }
}

/// An entity or character reference (`&amp;`, `&#x4E2D;`) in text.
fn push_ref(out: &mut String, g: &quick_xml::events::BytesRef<'_>) -> Result<(), String> {
    if let Some(c) = g.resolve_char_ref().map_err(|e| e.to_string())? {
        out.push(c);
        return Ok(());
    }
    let name = g.decode().map_err(|e| e.to_string())?;
    out.push(match name.as_ref() {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        other => return Err(format!("unknown entity &{other};")),
    });
    Ok(())
}

/// OOXML's escape of characters XML cannot hold: `_x000D_` is a carriage
/// return, `_x005F_` an underscore (so `_x005F_x0041_` is the text `_x0041_`).
fn unescape_ooxml(s: &str) -> String {
    if !s.contains("_x") {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find("_x") {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let code = tail
            .get(2..6)
            .filter(|h| {
                h.bytes().all(|b| b.is_ascii_hexdigit()) && tail.as_bytes().get(6) == Some(&b'_')
            })
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .and_then(char::from_u32);
        if let Some(c) = code {
            out.push(c);
            rest = &tail[7..];
        } else {
            out.push_str("_x");
            rest = &tail[2..];
        }
    }
    out.push_str(rest);
    out
}

/// For each cell style (`<cellXfs>` in order), whether its number format is a date.
fn date_styles(xml: &[u8]) -> Result<Vec<bool>, String> {
    let mut custom: HashMap<u32, bool> = HashMap::new();
    let mut out = Vec::new();
    let mut in_cell_xfs = false;
    let mut r = Reader::from_reader(xml);
    loop {
        match r.read_event().map_err(|e| xml_error("styles.xml", &e))? {
            // `<cellXfs/>` holds no styles; `<cellXfs>` holds the `<xf>`s the
            // cells' `s` count (those of `<cellStyleXfs>` are not).
            Event::Start(e) if e.local_name().as_ref() == b"cellXfs" => in_cell_xfs = true,
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"numFmt" => {
                    let id = attribute(&e, b"numFmtId")?.and_then(|v| v.parse().ok());
                    let code = attribute(&e, b"formatCode")?.unwrap_or_default();
                    if let Some(id) = id {
                        custom.insert(id, is_date_format(&code));
                    }
                }
                b"xf" if in_cell_xfs => {
                    let id: u32 = attribute(&e, b"numFmtId")?
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0);
                    let date = custom
                        .get(&id)
                        .copied()
                        .unwrap_or_else(|| is_builtin_date(id));
                    out.push(date);
                }
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == b"cellXfs" => in_cell_xfs = false,
            Event::Eof => return Ok(out),
            _ => {}
        }
    }
}

/// Excel's built-in date and time formats, with those the Chinese, Japanese
/// and Korean versions number 27–36 and 50–58.
fn is_builtin_date(id: u32) -> bool {
    matches!(id, 14..=22 | 27..=36 | 45..=47 | 50..=58)
}

/// Whether a custom number format shows a date or time: a `y m d h s`
/// outside quotes, brackets (colours, locales) and escapes.
fn is_date_format(code: &str) -> bool {
    let mut quoted = false;
    let mut bracket = false;
    let mut escaped = false;
    for c in code.chars() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '"' => quoted = !quoted,
            _ if quoted => {}
            // `\x` shows x; `_x` leaves the width of x; `*x` repeats x.
            '\\' | '_' | '*' => escaped = true,
            '[' => bracket = true,
            ']' => bracket = false,
            _ if bracket => {}
            // A number format's first section ends here; a date in a later
            // section alone would still show numbers as numbers.
            ';' => return false,
            c if matches!(c.to_ascii_lowercase(), 'y' | 'm' | 'd' | 'h' | 's') => return true,
            _ => {}
        }
    }
    false
}

/// `B3` → (2, 1), 0-based; `None` if not a cell reference inside Excel's grid.
fn parse_ref(s: &str) -> Option<(u32, u32)> {
    let s = s.trim().trim_start_matches('$');
    let split = s.find(|c: char| !c.is_ascii_alphabetic())?;
    let (letters, digits) = s.split_at(split);
    let digits = digits.trim_start_matches('$');
    if letters.is_empty() || letters.len() > 3 || digits.is_empty() {
        return None;
    }
    let mut col = 0u32;
    for b in letters.bytes() {
        col = col * 26 + u32::from(b.to_ascii_uppercase() - b'A' + 1);
    }
    let row: u32 = digits.parse().ok()?;
    let (row, col) = (row.checked_sub(1)?, col.checked_sub(1)?);
    (row <= MAX_ROW && col <= MAX_COL).then_some((row, col))
}

/// What a `<c>` element said before its value was read.
struct Pending {
    at: (u32, u32),
    kind: String,
    date: bool,
    value: Option<String>,
    inline: Option<String>,
}

/// Reads a worksheet's cells and merged ranges.
fn sheet_cells(
    xml: &[u8],
    strings: &[String],
    date_styles: &[bool],
    cell: &mut dyn FnMut(u32, u32, Cell) -> Result<(), String>,
) -> Result<Vec<Merge>, String> {
    const PART: &str = "worksheet";
    let mut merges = Vec::new();
    let mut r = Reader::from_reader(xml);
    // The row being read and the column after the last cell: where a cell
    // without a reference (`<c>` without `r`) is.
    let mut row: u32 = 0;
    let mut next_row: u32 = 0;
    let mut next_col: u32 = 0;
    let mut pending: Option<Pending> = None;
    let mut in_v = false;
    let mut value = String::new();
    loop {
        let event = r.read_event().map_err(|e| xml_error(PART, &e))?;
        match event {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"row" => {
                row = attribute(&e, b"r")?
                    .and_then(|v| v.trim().parse::<u32>().ok())
                    .and_then(|r| r.checked_sub(1))
                    .filter(|&r| r <= MAX_ROW)
                    .unwrap_or(next_row);
                next_row = row.saturating_add(1);
                next_col = 0;
            }
            Event::Start(ref e) | Event::Empty(ref e) if e.local_name().as_ref() == b"c" => {
                let mut at = None;
                let mut kind = String::from("n");
                let mut style = 0usize;
                // Read in place: a reference, a type and a style index hold
                // no character a reference would stand for.
                for a in e.attributes() {
                    let a = a.map_err(|e| e.to_string())?;
                    let text = std::str::from_utf8(&a.value).ok();
                    match a.key.as_ref() {
                        b"r" => at = text.and_then(parse_ref),
                        b"t" => kind = text.unwrap_or_default().trim().to_string(),
                        b"s" => style = text.and_then(|v| v.trim().parse().ok()).unwrap_or(0),
                        _ => {}
                    }
                }
                let at = at.unwrap_or((row, next_col));
                next_col = at.1.saturating_add(1);
                let p = Pending {
                    at,
                    kind,
                    date: date_styles.get(style).copied().unwrap_or(false),
                    value: None,
                    inline: None,
                };
                if matches!(event, Event::Empty(_)) {
                    continue; // A styled cell with no value.
                }
                pending = Some(p);
            }
            Event::Start(e) if pending.is_some() => match e.local_name().as_ref() {
                b"v" => {
                    in_v = true;
                    value.clear();
                }
                b"is" => {
                    let text = rich_text(&mut r, b"is", PART)?;
                    if let Some(p) = pending.as_mut() {
                        p.inline = Some(text);
                    }
                }
                _ => {}
            },
            Event::Text(t) if in_v => {
                value.push_str(&t.xml10_content().map_err(|e| e.to_string())?);
            }
            Event::GeneralRef(g) if in_v => push_ref(&mut value, &g)?,
            Event::End(e) => match e.local_name().as_ref() {
                b"v" if in_v => {
                    in_v = false;
                    if let Some(p) = pending.as_mut() {
                        p.value = Some(std::mem::take(&mut value));
                    }
                }
                b"c" => {
                    if let Some(p) = pending.take()
                        && let Some(v) =
                            cell_value(p.kind.as_str(), p.date, p.value, p.inline, strings)?
                    {
                        cell(p.at.0, p.at.1, v)?;
                    }
                }
                _ => {}
            },
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"mergeCell" => {
                if let Some(range) = attribute(&e, b"ref")? {
                    let (a, b) = range.split_once(':').unwrap_or((&range, &range));
                    if let (Some(start), Some(end)) = (parse_ref(a), parse_ref(b)) {
                        merges.push(Merge {
                            start: (start.0.min(end.0), start.1.min(end.1)),
                            end: (start.0.max(end.0), start.1.max(end.1)),
                        });
                    }
                }
            }
            Event::Eof => return Ok(merges),
            _ => {}
        }
    }
}

/// A cell's value from its type (`t`), its style and what it held; `None`
/// for one that holds nothing.
fn cell_value(
    kind: &str,
    date: bool,
    value: Option<String>,
    inline: Option<String>,
    strings: &[String],
) -> Result<Option<Cell>, String> {
    let number = |v: &str| -> Result<f64, String> {
        v.trim()
            .parse::<f64>()
            .map_err(|_| format!("a number cell holds “{v}”"))
    };
    Ok(match (kind, value) {
        ("inlineStr", _) => inline.map(Cell::Text),
        (_, None) => None,
        ("s", Some(v)) => {
            let i: usize = v
                .trim()
                .parse()
                .map_err(|_| format!("bad shared string index “{v}”"))?;
            let s = strings
                .get(i)
                .ok_or_else(|| format!("shared string {i} is not in the workbook"))?;
            Some(Cell::Text(s.clone()))
        }
        ("str" | "d", Some(v)) => Some(Cell::Text(unescape_ooxml(&v))),
        ("b", Some(v)) => Some(Cell::Bool(
            v.trim() == "1" || v.trim().eq_ignore_ascii_case("true"),
        )),
        ("e", Some(v)) => Some(Cell::Error(v)),
        (_, Some(v)) if v.trim().is_empty() => None,
        (_, Some(v)) if date => Some(Cell::Date(number(&v)?)),
        (_, Some(v)) => Some(Cell::Number(number(&v)?)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references() {
        assert_eq!(parse_ref("A1"), Some((0, 0)));
        assert_eq!(parse_ref("$B$3"), Some((2, 1)));
        assert_eq!(parse_ref("AA10"), Some((9, 26)));
        assert_eq!(parse_ref("XFD1048576"), Some((MAX_ROW, MAX_COL)));
        assert_eq!(parse_ref("XFE1"), None);
        assert_eq!(parse_ref("A0"), None);
        assert_eq!(parse_ref("A1048577"), None);
        assert_eq!(parse_ref("1A"), None);
        assert_eq!(parse_ref(""), None);
    }

    #[test]
    fn date_formats() {
        assert!(is_date_format("yyyy-mm-dd"));
        assert!(is_date_format("yyyy\"年\"m\"月\"d\"日\""));
        assert!(is_date_format("[$-804]yyyy/m/d"));
        assert!(!is_date_format("0.00"));
        assert!(!is_date_format("#,##0\" 万元\""));
        assert!(!is_date_format("[Red]0.0"));
        assert!(!is_date_format("0\\d"));
        assert!(!is_date_format("#,##0_);(#,##0)"));
        assert!(!is_date_format("#,##0_s"));
        assert!(!is_date_format("General"));
        assert!(is_builtin_date(14) && is_builtin_date(31) && !is_builtin_date(2));
    }

    #[test]
    fn ooxml_escapes() {
        assert_eq!(unescape_ooxml("a_x000D_b"), "a\rb");
        assert_eq!(unescape_ooxml("_x005F_x0041_"), "_x0041_");
        assert_eq!(unescape_ooxml("_x12_"), "_x12_");
        assert_eq!(unescape_ooxml("中_x"), "中_x");
    }

    #[test]
    fn relative_targets() {
        assert_eq!(
            resolve("xl", "worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(resolve("xl", "/xl/styles.xml"), "xl/styles.xml");
        assert_eq!(
            resolve("xl/worksheets", "../sharedStrings.xml"),
            "xl/sharedStrings.xml"
        );
        assert_eq!(rels_of("xl/workbook.xml"), "xl/_rels/workbook.xml.rels");
    }

    #[test]
    fn cells_of_every_kind() {
        let strings = vec!["共享".to_string()];
        let styles = vec![false, true];
        let xml = br#"<worksheet xmlns="x"><sheetData>
            <row r="2"><c r="A2" t="s"><v>0</v></c><c t="inlineStr"><is><r><t>a&amp;</t></r><r><t xml:space="preserve"> b</t></r><rPh><t>x</t></rPh></is></c>
            <c r="D2" s="1"><v>45473</v></c><c r="E2"><v>1.5</v></c><c r="F2" t="b"><v>1</v></c>
            <c r="G2" t="e"><v>#DIV/0!</v></c><c r="H2" t="str"><f>A1</f><v>x&#x4E2D;</v></c><c r="I2" s="1"/></row>
            </sheetData><mergeCells><mergeCell ref="B1:A3"/></mergeCells></worksheet>"#;
        let mut got = Vec::new();
        let merges = sheet_cells(xml, &strings, &styles, &mut |r, c, v| {
            got.push((r, c, v));
            Ok(())
        })
        .expect("reads");
        assert_eq!(
            got,
            vec![
                (1, 0, Cell::Text("共享".into())),
                (1, 1, Cell::Text("a& b".into())),
                (1, 3, Cell::Date(45473.0)),
                (1, 4, Cell::Number(1.5)),
                (1, 5, Cell::Bool(true)),
                (1, 6, Cell::Error("#DIV/0!".into())),
                (1, 7, Cell::Text("x中".into())),
            ]
        );
        assert_eq!(
            merges,
            vec![Merge {
                start: (0, 0),
                end: (2, 1)
            }]
        );
    }

    #[test]
    fn broken_input_is_an_error() {
        assert!(Workbook::open(b"PK\x03\x04 not really").is_err());
        let mut sink = |_, _, _| Ok(());
        assert!(sheet_cells(b"<c r=\"A1\"><v>abc</v></c>", &[], &[], &mut sink).is_err());
        assert!(sheet_cells(b"<c r=\"A1\" t=\"s\"><v>7</v></c>", &[], &[], &mut sink).is_err());
    }
}
