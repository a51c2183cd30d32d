//! Fuzzing the whole read path: mutated samples and arbitrary bytes go
//! through load → validate → evaluate (every bundled pack, and the packs in
//! force) → report data → JSON and text. Nothing may panic, and no number in
//! the evaluation or the report data may be NaN or infinite.
//!
//! `cargo test` runs 2,400 cases from a seed that changes every run (printed
//! on failure); `cargo test --test fuzz -- --ignored` runs 100,000.
//! `INNOCHECK_FUZZ_SEED=n` replays a run.

use std::fmt::Write as _;

use chrono::NaiveDate;
use innocheck::eval::evaluate;
use innocheck::i18n::Lang;
use innocheck::model::{Assessment, validate};
use innocheck::report;
use innocheck::rules::{Pack, Registry};
use innocheck::storage;

/// KNOWN ISSUE, tolerated here on purpose — the only non-finite numbers this
/// test lets pass. A ratio over a tiny denominator (R&D spending over a main
/// business revenue of 5e-324 万元) is infinite in `src/metrics.rs`; that is
/// item 4 of the "Hardening" issue, fixed separately in the metrics and the
/// model's validation. Until that fix is merged, a non-finite number is
/// tolerated only in a case whose input holds such a tiny number
/// ([`tiny_number_in`]); any other non-finite number fails. Set to `false`
/// once the metrics fix is in.
const KNOWN_TINY_DENOMINATORS: bool = false;

/// KNOWN ISSUE, tolerated here on purpose — the only panics this test lets
/// pass. Year arithmetic in `src/metrics.rs` overflows `i32` on absurd years
/// (`tc_years`: as-of year − an institution year of -2147483648;
/// `years_in_niche`: the same with the niche entry year): a panic in a debug
/// build, a wrong figure in a release build. Same owner and fix as
/// [`KNOWN_TINY_DENOMINATORS`] (saturating or checked arithmetic, or the
/// model's validation treating such years as missing). Tolerated only for a
/// panic located in `src/metrics.rs` whose message says "overflow". Set to
/// `false` once the metrics fix is in.
const KNOWN_YEAR_OVERFLOW: bool = false;

thread_local! {
    /// Where the last panic on this thread happened (`file:line`).
    static PANIC_AT: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Records panic locations (for [`KNOWN_YEAR_OVERFLOW`]); the known panics
/// are not printed, every other one is, as usual.
fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let at = info
                .location()
                .map(|l| format!("{}:{}", l.file(), l.line()))
                .unwrap_or_default();
            let known = is_known_overflow(&at, &payload_text(info.payload()));
            PANIC_AT.with(|p| *p.borrow_mut() = Some(at));
            if !known {
                previous(info);
            }
        }));
    });
}

fn payload_text(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<String>()
        .cloned()
        .or_else(|| p.downcast_ref::<&str>().map(|s| (*s).to_string()))
        .unwrap_or_default()
}

fn is_known_overflow(at: &str, message: &str) -> bool {
    KNOWN_YEAR_OVERFLOW && at.starts_with("src/metrics.rs:") && message.contains("overflow")
}

/// Whether the input holds a number below 1e-100 in magnitude (as the
/// mutations write them): the only source of the known non-finite ratios.
fn tiny_number_in(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(bytes);
    ["e-300", "e-308", "e-324"].iter().any(|t| text.contains(t))
}

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % (n.max(1) as u64)) as usize
    }

    fn pick<T: Copy>(&mut self, v: &[T]) -> T {
        v[self.below(v.len())]
    }
}

/// Floats that stress the metrics: zeros, tiny and huge magnitudes, the
/// model's limits, the non-finite spellings RON accepts.
const FLOATS: &[&str] = &[
    "0.0",
    "-0.0",
    "1.0",
    "-1.0",
    "0.5",
    "0.0001",
    "60.0",
    "1e-300",
    "5e-324",
    "-5e-324",
    "2.2250738585072014e-308",
    "1e-9",
    "1e9",
    "999999999.9",
    "1000000000.0",
    "1e15",
    "1.7976931348623157e308",
    "-1e308",
    "NaN",
    "inf",
    "-inf",
];

/// Integers for counts (u32) and years (i32), with their extremes.
const INTEGERS: &[&str] = &[
    "0",
    "1",
    "3",
    "60",
    "100",
    "65535",
    "4294967295",
    "2147483647",
    "-2147483648",
    "-1",
];

/// Byte offsets of the number literals of `text` outside strings and comments.
fn numbers(text: &str) -> Vec<(usize, usize, bool)> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let code = line.find("//").map_or(line, |c| &line[..c]);
        let b = code.as_bytes();
        let (mut i, mut quoted) = (0, false);
        while i < b.len() {
            match b[i] {
                b'"' => quoted = !quoted,
                b'\\' if quoted => i += 1,
                c if !quoted
                    && (c.is_ascii_digit() || c == b'-')
                    && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_')) =>
                {
                    let start = i;
                    i += 1;
                    while i < b.len()
                        && (b[i].is_ascii_digit() || matches!(b[i], b'.' | b'e' | b'E' | b'-'))
                    {
                        i += 1;
                    }
                    let lit = &code[start..i];
                    if lit.bytes().any(|c| c.is_ascii_digit()) {
                        out.push((offset + start, offset + i, lit.contains(['.', 'e'])));
                    }
                    continue;
                }
                _ => {}
            }
            i += 1;
        }
        offset += line.len();
    }
    out
}

/// Mutations of a sample. Most replace numbers by stressful ones of the same
/// kind (the file still loads, so the evaluation is fuzzed); the others
/// damage the structure.
fn mutate(text: &str, rng: &mut Rng) -> Vec<u8> {
    if rng.below(10) < 7 {
        let spots = numbers(text);
        let mut out = text.to_string();
        let mut chosen: Vec<(usize, usize, bool)> =
            (0..=rng.below(3)).map(|_| rng.pick(&spots)).collect();
        chosen.sort_unstable();
        chosen.dedup_by_key(|c| c.0);
        // From the end, so the earlier offsets stay valid.
        for (start, end, float) in chosen.into_iter().rev() {
            let new = rng.pick(if float { FLOATS } else { INTEGERS });
            out.replace_range(start..end, new);
        }
        if rng.below(4) == 0 {
            // Answer an unanswered field with a tiny amount.
            out = out.replacen(": None", ": Some(1e-300)", 1 + rng.below(5));
        }
        return out.into_bytes();
    }
    let mut bytes = text.as_bytes().to_vec();
    match rng.below(4) {
        // Flip, insert or delete a few bytes.
        0 => {
            let i = rng.below(bytes.len());
            bytes[i] ^= 1 << rng.below(8);
        }
        1 => {
            let i = rng.below(bytes.len() + 1);
            let b = rng.pick(b"()[],:\"0123456789.-eNaSomeNone \n\\");
            bytes.insert(i, b);
        }
        2 => {
            let i = rng.below(bytes.len());
            let n = rng.below(64).min(bytes.len() - i);
            bytes.drain(i..i + n);
        }
        // Duplicate a slice (repeated list entries, nesting).
        _ => {
            let i = rng.below(bytes.len());
            let n = rng.below(400).min(bytes.len() - i);
            let piece: Vec<u8> = bytes[i..i + n].to_vec();
            let at = rng.below(bytes.len() + 1);
            bytes.splice(at..at, piece);
        }
    }
    bytes
}

/// Arbitrary bytes, sometimes after a valid envelope opening.
fn arbitrary(rng: &mut Rng) -> Vec<u8> {
    let len = rng.below(600);
    let mut v: Vec<u8> = (0..len).map(|_| (rng.next() >> 24) as u8).collect();
    if rng.below(2) == 0 {
        let head: &[u8] = rng.pick(&[
            &b"(format_version: 2, assessment: ("[..],
            &b"(format_version: 1, assessment: (company: (name: \"x\"), as_of: \"2024-01-01\", "[..],
            &b"\xEF\xBB\xBF(format_version: 2, app_version: \"\", assessment: (years: [(year: "[..],
        ]);
        v.splice(0..0, head.iter().copied());
    }
    v
}

/// A serde serializer that writes nothing: it visits every number of a value
/// and records the field path of each NaN or infinity.
#[derive(Default)]
struct Finder {
    path: Vec<String>,
    found: Vec<String>,
}

#[derive(Debug)]
struct Never;

impl std::fmt::Display for Never {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("never")
    }
}

impl std::error::Error for Never {}

impl serde::ser::Error for Never {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Never
    }
}

impl Finder {
    fn float(&mut self, v: f64) {
        if !v.is_finite() {
            self.found.push(format!("{} = {v}", self.path.join(".")));
        }
    }

    fn at<T: serde::Serialize + ?Sized>(&mut self, name: String, v: &T) -> Result<(), Never> {
        self.path.push(name);
        let r = v.serialize(&mut *self);
        self.path.pop();
        r
    }
}

/// Serialize methods of leaves that hold no float.
macro_rules! leaves {
    ($($m:ident($t:ty)),* $(,)?) => {
        $(fn $m(self, _: $t) -> Result<(), Never> { Ok(()) })*
    };
}

impl serde::Serializer for &mut Finder {
    type Ok = ();
    type Error = Never;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    leaves!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_char(char),
        serialize_str(&str),
        serialize_bytes(&[u8]),
        serialize_unit_struct(&'static str),
    );

    fn serialize_f32(self, v: f32) -> Result<(), Never> {
        self.float(f64::from(v));
        Ok(())
    }
    fn serialize_f64(self, v: f64) -> Result<(), Never> {
        self.float(v);
        Ok(())
    }
    fn serialize_none(self) -> Result<(), Never> {
        Ok(())
    }
    fn serialize_some<T: serde::Serialize + ?Sized>(self, v: &T) -> Result<(), Never> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Never> {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<(), Never> {
        Ok(())
    }
    fn serialize_newtype_struct<T: serde::Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), Never> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: serde::Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> Result<(), Never> {
        self.at(variant.to_string(), v)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self, Never> {
        self.path.push("0".into());
        Ok(self)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self, Never> {
        self.serialize_seq(None)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self, Never> {
        self.serialize_seq(None)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self, Never> {
        self.serialize_seq(None)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self, Never> {
        self.path.push("[key]".into());
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Never> {
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self, Never> {
        Ok(self)
    }
}

/// Sequences: the path's last part counts the elements.
macro_rules! seq {
    ($($tr:ident :: $m:ident),*) => {
        $(impl serde::ser::$tr for &mut Finder {
            type Ok = ();
            type Error = Never;
            fn $m<T: serde::Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Never> {
                v.serialize(&mut **self)?;
                if let Some(i) = self.path.last_mut().and_then(|p| p.parse::<usize>().ok()) {
                    *self.path.last_mut().expect("index") = (i + 1).to_string();
                }
                Ok(())
            }
            fn end(self) -> Result<(), Never> {
                self.path.pop();
                Ok(())
            }
        })*
    };
}
seq!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl serde::ser::SerializeMap for &mut Finder {
    type Ok = ();
    type Error = Never;
    fn serialize_key<T: serde::Serialize + ?Sized>(&mut self, k: &T) -> Result<(), Never> {
        k.serialize(&mut **self)
    }
    fn serialize_value<T: serde::Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Never> {
        v.serialize(&mut **self)
    }
    fn end(self) -> Result<(), Never> {
        self.path.pop();
        Ok(())
    }
}

/// Structs: the path names the field.
macro_rules! fields {
    ($($tr:ident),*) => {
        $(impl serde::ser::$tr for &mut Finder {
            type Ok = ();
            type Error = Never;
            fn serialize_field<T: serde::Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                v: &T,
            ) -> Result<(), Never> {
                self.at(key.to_string(), v)
            }
            fn end(self) -> Result<(), Never> {
                Ok(())
            }
        })*
    };
}
fields!(SerializeStruct, SerializeStructVariant);

/// The field paths of every NaN or infinity in `value`.
fn non_finite<T: serde::Serialize>(value: &T) -> Vec<String> {
    let mut f = Finder::default();
    let _ = value.serialize(&mut f);
    f.found
}

struct Fuzz {
    packs: Vec<Pack>,
    reg: Registry,
    today: NaiveDate,
}

impl Fuzz {
    fn new() -> Fuzz {
        let reg = Registry::bundled().expect("bundled packs");
        Fuzz {
            packs: reg.packs().to_vec(),
            reg,
            today: NaiveDate::from_ymd_opt(2025, 7, 1).expect("date"),
        }
    }

    /// One case; returns whether it reached the evaluation, and whether a
    /// non-finite number of the known kind (see [`KNOWN_TINY_DENOMINATORS`]) was tolerated.
    /// `n` picks the packs (all of them, or those in force) and the language.
    fn case(&self, bytes: &[u8], what: &str, n: usize) -> (bool, bool) {
        let Ok(loaded) = storage::load_bytes(bytes, "fuzz.ron") else {
            return (false, false);
        };
        let tiny = tiny_number_in(bytes);
        let mut tolerated = false;
        // The one exception to "no non-finite number", see KNOWN_TINY_DENOMINATORS.
        let mut check = |bad: Vec<String>, where_: &str| {
            if bad.is_empty() {
                return;
            }
            if KNOWN_TINY_DENOMINATORS && tiny {
                tolerated = true;
                return;
            }
            panic!(
                "{what}: non-finite number in the {where_}:\n{}",
                bad.join("\n---\n")
            );
        };
        let a: Assessment = loaded.assessment;
        let issues = validate(&a, self.today);
        let as_of = a.as_of_or(self.today);
        let packs: Vec<&Pack> = if n.is_multiple_of(2) {
            self.packs.iter().collect()
        } else {
            self.reg.in_force(as_of)
        };
        let lang = if n % 4 < 2 { Lang::Zh } else { Lang::En };
        let ev = evaluate(&a, &packs, as_of);
        check(non_finite(&ev), "evaluation");
        let data = report::data::build(bytes, &a, &ev, lang);
        check(non_finite(&data), "report data");
        let json = report::json::to_string("fuzz.ron", &a, &issues, &ev, lang);
        serde_json::from_str::<serde_json::Value>(&json).expect("valid JSON");
        let _ = report::text::render("fuzz.ron", &a, &issues, &ev, &[], lang);
        (true, tolerated)
    }
}

fn seed() -> u64 {
    std::env::var("INNOCHECK_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(7, |d| d.as_nanos() as u64)
        })
        | 1
}

fn fuzz(cases: usize) {
    let seed = seed();
    let mut rng = Rng(seed);
    let f = Fuzz::new();
    let samples: Vec<&str> = storage::SAMPLES.iter().map(|(_, t)| *t).collect();
    install_panic_hook();
    let (mut evaluated, mut mutated, mut tolerated, mut overflows) = (0, 0, 0, 0);
    for n in 0..cases {
        // Three in four cases mutate a sample; the rest are arbitrary bytes.
        let (bytes, kind) = if rng.below(4) == 0 {
            (arbitrary(&mut rng), "arbitrary bytes")
        } else {
            mutated += 1;
            (mutate(rng.pick(&samples), &mut rng), "mutated sample")
        };
        let what = format!("case {n} ({kind}) of seed {seed} (INNOCHECK_FUZZ_SEED={seed})");
        let outcome = std::panic::catch_unwind(|| f.case(&bytes, &what, n));
        match outcome {
            Ok((reached, known)) => {
                evaluated += usize::from(reached);
                tolerated += usize::from(known);
            }
            Err(e) => {
                let msg = payload_text(&*e);
                let at = PANIC_AT.with(|p| p.borrow_mut().take()).unwrap_or_default();
                if is_known_overflow(&at, &msg) {
                    overflows += 1;
                    continue;
                }
                let mut shown = String::new();
                let _ = write!(shown, "{}", String::from_utf8_lossy(&bytes));
                panic!(
                    "{what} failed at {at}: {msg}\ninput ({} bytes):\n{shown}",
                    bytes.len()
                );
            }
        }
    }
    // The mutations must mostly keep the files loadable, or the evaluation is not fuzzed.
    assert!(
        evaluated * 3 >= mutated,
        "only {evaluated} of {mutated} mutated samples loaded (seed {seed})"
    );
    eprintln!(
        "{cases} cases, {evaluated} evaluated; known metrics issues: {tolerated} non-finite ratios of a tiny denominator, {overflows} year overflows (seed {seed})"
    );
}

#[test]
fn the_scanner_finds_non_finite_numbers() {
    #[derive(serde::Serialize)]
    struct S {
        name: &'static str,
        a: f64,
        b: Vec<f64>,
        c: Option<f64>,
    }
    let ok = S {
        name: "NaN inf \"NaN\"",
        a: 1.0,
        b: vec![f64::MAX, f64::MIN_POSITIVE],
        c: None,
    };
    assert!(non_finite(&ok).is_empty(), "{:?}", non_finite(&ok));
    // The path names the field.
    let s = S {
        name: "x",
        a: 0.0,
        b: vec![1.0, 2.0, f64::NAN],
        c: None,
    };
    assert_eq!(non_finite(&s), vec!["b.2 = NaN".to_string()]);
    for (a, b, c) in [
        (f64::NAN, 0.0, None),
        (0.0, f64::INFINITY, None),
        (0.0, 0.0, Some(f64::NEG_INFINITY)),
    ] {
        let s = S {
            name: "x",
            a,
            b: vec![b],
            c,
        };
        assert_eq!(non_finite(&s).len(), 1, "{a} {b} {c:?}");
    }
}

#[test]
fn every_sample_passes_unmutated() {
    let f = Fuzz::new();
    for (name, text) in storage::SAMPLES {
        for n in 0..4 {
            assert_eq!(
                f.case(text.as_bytes(), name, n),
                (true, false),
                "{name} evaluates"
            );
        }
    }
}

#[test]
fn mutated_samples_and_arbitrary_bytes_never_panic_or_give_non_finite_numbers() {
    fuzz(2400);
}

#[test]
#[ignore = "long: 100,000 cases (run with --ignored)"]
fn a_hundred_thousand_fuzz_cases() {
    fuzz(100_000);
}
