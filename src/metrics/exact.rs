//! Exact decimal arithmetic for derived figures (criteria.md §1 "Exact
//! decimal comparison").
//!
//! Officials compute a ratio such as 8250 / 15000 on the printed decimals and
//! read exactly 55 %; binary floating point gives 55.00000000000001, which a
//! "≤ 55 %" band would then refuse. Every ratio, growth rate, sum and mean of
//! [`crate::metrics`] is therefore computed here on exact rationals built from
//! the decimal form of each input, and rounded **once** to the nearest `f64`.
//!
//! Why that is enough: a threshold in a rule pack is a short decimal, stored as
//! the nearest `f64` to it; a figure whose exact value equals that decimal is
//! rounded to the very same `f64` (one correctly rounded division of two small
//! integers), so `>=`/`<=` against the threshold decide as decimal arithmetic
//! does. A figure that is off the threshold stays on its side, because rounding
//! is monotone and two distinct values built from inputs of at most four
//! decimals (万元) and at most [`crate::model::validate::MAX_MONEY`] differ by far
//! more than one unit in the last place of a percentage.
//!
//! Arithmetic is on `i128` with overflow checks; an input that has no short
//! decimal form (more than [`MAX_DIGITS`] significant digits, e.g. 5e-324) or an
//! overflowing product returns `None`, and the caller falls back to plain
//! floating point, whose result is then range-checked like any other.

use std::cmp::Ordering;

/// Most significant digits of an input taken as an exact decimal.
pub const MAX_DIGITS: usize = 30;

/// An exact rational number `n / d` in lowest terms, `d > 0`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Q {
    n: i128,
    d: i128,
}

/// Stein's binary GCD of two non-zero unsigned variables of one width
/// (`u64` or `u128`); both are overwritten.
macro_rules! stein {
    ($a:ident, $b:ident) => {{
        let shift = ($a | $b).trailing_zeros();
        $a >>= $a.trailing_zeros();
        loop {
            $b >>= $b.trailing_zeros();
            if $a > $b {
                std::mem::swap(&mut $a, &mut $b);
            }
            $b -= $a;
            if $b == 0 {
                break $a << shift;
            }
        }
    }};
}

/// Greatest common divisor of `|a|` and `|b|` (0 when both are 0), by
/// Stein's binary algorithm: shifts and subtractions, no 128-bit division
/// (which the evaluation's many small fractions would pay for in software).
fn gcd(a: i128, b: i128) -> i128 {
    let (mut a, mut b) = (a.unsigned_abs(), b.unsigned_abs());
    if a == 0 || b == 0 {
        return i128::try_from(a | b).unwrap_or(1);
    }
    // Most figures fit in 64 bits, where each step is one machine instruction.
    if let (Ok(x), Ok(y)) = (u64::try_from(a), u64::try_from(b)) {
        return i128::from(gcd64(x, y));
    }
    // 2¹²⁷ (both i128::MIN) does not fit: 1 leaves the fraction unreduced,
    // which is still its value.
    i128::try_from(stein!(a, b)).unwrap_or(1)
}

/// Stein's algorithm on two non-zero 64-bit numbers.
fn gcd64(mut a: u64, mut b: u64) -> u64 {
    stein!(a, b)
}

/// `a / b` for a `b` that divides `a`, in 64 bits when both fit.
fn div_exact(a: i128, b: i128) -> i128 {
    match (i64::try_from(a), i64::try_from(b)) {
        (Ok(x), Ok(y)) => i128::from(x / y),
        _ => a / b,
    }
}

/// A reading of a long decimal: the f64's bits and the decimal.
type Reading = Option<(u64, Option<Q>)>;

thread_local! {
    /// The last long decimals read ([`Q::from_f64`]), by a hash of their bits.
    static LONG: std::cell::RefCell<[Reading; 64]> = const { std::cell::RefCell::new([None; 64]) };
}

/// A decimal written on the stack by [`Q::from_f64`] (an f64 prints in at
/// most a few hundred characters).
struct Digits {
    buf: [u8; 400],
    len: usize,
}

impl std::fmt::Write for Digits {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let end = self.len + s.len();
        let slot = self.buf.get_mut(self.len..end).ok_or(std::fmt::Error)?;
        slot.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

impl Q {
    /// Zero.
    pub const ZERO: Q = Q { n: 0, d: 1 };
    /// One.
    pub const ONE: Q = Q { n: 1, d: 1 };

    /// `n / d`, reduced; `None` when `d` is zero.
    #[must_use]
    pub fn new(n: i128, d: i128) -> Option<Q> {
        if d == 0 {
            return None;
        }
        // Whole numbers and zero need no reduction.
        if d == 1 {
            return Some(Q { n, d: 1 });
        }
        if n == 0 {
            return Some(Q::ZERO);
        }
        let g = gcd(n, d).max(1);
        let (n, d) = (div_exact(n, g), div_exact(d, g));
        Some(if d < 0 {
            Q {
                n: n.checked_neg()?,
                d: d.checked_neg()?,
            }
        } else {
            Q { n, d }
        })
    }

    /// A whole number.
    #[must_use]
    pub fn int(n: i64) -> Q {
        Q {
            n: i128::from(n),
            d: 1,
        }
    }

    /// The decimal a user typed, recovered from its `f64`: the shortest decimal
    /// that reads back as the same `f64` (what `Display` prints). `None` for
    /// non-finite values and for decimals longer than [`MAX_DIGITS`] digits.
    #[must_use]
    pub fn from_f64(v: f64) -> Option<Q> {
        if !v.is_finite() {
            return None;
        }
        // Fast path: the fewest decimals (up to six, as forms hold) that read
        // back as the same f64 — no text formatting on the evaluation's hot path.
        let mut scale = 1.0_f64;
        for k in 0..=6u32 {
            let m = (v * scale).round();
            if m.abs() < 9.0e15 && m / scale == v {
                return Q::new(m as i128, 10i128.pow(k));
            }
            scale *= 10.0;
        }
        // A computed ratio is read again for each criterion that compares it:
        // the last readings are kept per thread.
        let slot = (v.to_bits().wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58) as usize;
        if let Some(q) = LONG.with(|c| c.borrow()[slot].filter(|(bits, _)| *bits == v.to_bits())) {
            return q.1;
        }
        let q = Q::from_long(v);
        LONG.with(|c| c.borrow_mut()[slot] = Some((v.to_bits(), q)));
        q
    }

    /// [`Q::from_f64`] of a value with more than six decimals.
    fn from_long(v: f64) -> Option<Q> {
        // The shortest decimal, written on the stack (`Display` never uses an
        // exponent for f64), then read digit by digit.
        let mut buf = Digits {
            buf: [0; 400],
            len: 0,
        };
        std::fmt::Write::write_fmt(&mut buf, format_args!("{v}")).ok()?;
        let text = buf.buf.get(..buf.len)?;
        let (neg, digits) = match text.split_first() {
            Some((b'-', rest)) => (true, rest),
            _ => (false, text),
        };
        let mut mantissa: i128 = 0;
        let (mut significant, mut decimals, mut after_point) = (0usize, 0u32, false);
        for &c in digits {
            match c {
                b'.' => after_point = true,
                b'0'..=b'9' => {
                    if mantissa != 0 || c != b'0' {
                        significant += 1;
                        if significant > MAX_DIGITS {
                            return None;
                        }
                    }
                    mantissa = mantissa * 10 + i128::from(c - b'0');
                    if after_point {
                        decimals += 1;
                    }
                }
                _ => return None,
            }
        }
        let scale = 10i128.checked_pow(decimals)?;
        Q::new(if neg { -mantissa } else { mantissa }, scale)
    }

    /// `self + o`.
    #[must_use]
    pub fn plus(self, o: Q) -> Option<Q> {
        let n = self
            .n
            .checked_mul(o.d)?
            .checked_add(o.n.checked_mul(self.d)?)?;
        Q::new(n, self.d.checked_mul(o.d)?)
    }

    /// `self − o`.
    #[must_use]
    pub fn minus(self, o: Q) -> Option<Q> {
        self.plus(Q {
            n: o.n.checked_neg()?,
            d: o.d,
        })
    }

    /// `self × o`.
    #[must_use]
    pub fn times(self, o: Q) -> Option<Q> {
        // Cross-reduce first to keep the numbers small.
        let g1 = gcd(self.n, o.d).max(1);
        let g2 = gcd(o.n, self.d).max(1);
        Q::new(
            div_exact(self.n, g1).checked_mul(div_exact(o.n, g2))?,
            div_exact(self.d, g2).checked_mul(div_exact(o.d, g1))?,
        )
    }

    /// `self ÷ o`; `None` when `o` is zero.
    #[must_use]
    pub fn over(self, o: Q) -> Option<Q> {
        if o.n == 0 {
            return None;
        }
        self.times(Q::new(o.d, o.n)?)
    }

    /// The nearest `f64` (one correctly rounded division when both terms fit
    /// in 53 bits, which every value equal to a short decimal does).
    #[must_use]
    pub fn to_f64(self) -> f64 {
        self.n as f64 / self.d as f64
    }

    /// The least whole number not below the value; `None` beyond `i64`.
    #[must_use]
    pub fn ceil(self) -> Option<i64> {
        let q = self.n.div_euclid(self.d);
        let c = if self.n.rem_euclid(self.d) == 0 {
            q
        } else {
            q + 1
        };
        i64::try_from(c).ok()
    }

    /// Whether the value is negative, zero or positive.
    #[must_use]
    pub fn signum(self) -> Ordering {
        self.n.cmp(&0)
    }
}

impl PartialOrd for Q {
    fn partial_cmp(&self, o: &Q) -> Option<Ordering> {
        // n1/d1 vs n2/d2 with positive denominators; overflow → compare as f64.
        match (self.n.checked_mul(o.d), o.n.checked_mul(self.d)) {
            (Some(a), Some(b)) => Some(a.cmp(&b)),
            _ => self.to_f64().partial_cmp(&o.to_f64()),
        }
    }
}

/// `num / den`, exactly when possible; `None` when `den` is zero.
#[must_use]
pub fn quotient(num: f64, den: f64) -> Option<f64> {
    if den == 0.0 {
        return None;
    }
    let exact = || Q::from_f64(num)?.over(Q::from_f64(den)?).map(Q::to_f64);
    Some(exact().unwrap_or(num / den))
}

/// `num / den × 100`, exactly when possible; `None` when `den` is zero.
#[must_use]
pub fn percent(num: f64, den: f64) -> Option<f64> {
    let exact = || {
        Q::from_f64(num)?
            .over(Q::from_f64(den)?)?
            .times(Q::int(100))
            .map(Q::to_f64)
    };
    if den == 0.0 {
        return None;
    }
    Some(exact().unwrap_or(num / den * 100.0))
}

/// `(num / den − 1) × 100` (a growth rate in percent), exactly when possible.
#[must_use]
pub fn growth(num: f64, den: f64) -> Option<f64> {
    let exact = || {
        Q::from_f64(num)?
            .over(Q::from_f64(den)?)?
            .minus(Q::ONE)?
            .times(Q::int(100))
            .map(Q::to_f64)
    };
    if den == 0.0 {
        return None;
    }
    Some(exact().unwrap_or((num / den - 1.0) * 100.0))
}

/// The sum of decimal figures, exactly when possible.
#[must_use]
pub fn sum(parts: &[f64]) -> f64 {
    let exact = || {
        parts
            .iter()
            .try_fold(Q::ZERO, |acc, &p| acc.plus(Q::from_f64(p)?))
            .map(Q::to_f64)
    };
    exact().unwrap_or_else(|| parts.iter().sum())
}

/// `(a + b) / 2`, exactly when possible.
#[must_use]
pub fn mean2(a: f64, b: f64) -> f64 {
    let exact = || {
        Q::from_f64(a)?
            .plus(Q::from_f64(b)?)?
            .over(Q::int(2))
            .map(Q::to_f64)
    };
    exact().unwrap_or_else(|| f64::midpoint(a, b))
}

/// `a − b`, exactly when possible.
#[must_use]
pub fn diff(a: f64, b: f64) -> f64 {
    // Whole numbers below 2⁵² apart by less than 2⁵³: the floating-point
    // difference is exact (`+ 0.0` writes a zero as the exact path does, unsigned).
    const WHOLE: f64 = 4_503_599_627_370_496.0;
    if a.fract() == 0.0 && b.fract() == 0.0 && a.abs() < WHOLE && b.abs() < WHOLE {
        return a - b + 0.0;
    }
    let exact = || Q::from_f64(a)?.minus(Q::from_f64(b)?).map(Q::to_f64);
    exact().unwrap_or(a - b)
}

/// Compound annual growth over `years` years in percent,
/// `((last / first)^(1/years) − 1) × 100`. When the exact root is a decimal of
/// at most eight places (11025 / 10000 over two years is exactly 5 %), that
/// decimal is returned, so a rate exactly on a threshold is on it.
#[must_use]
pub fn cagr(last: f64, first: f64, years: u32) -> Option<f64> {
    if first <= 0.0 || last < 0.0 || years == 0 {
        return None;
    }
    let approx = ((last / first).powf(1.0 / f64::from(years)) - 1.0) * 100.0;
    let snapped = || {
        let ratio = Q::from_f64(last)?.over(Q::from_f64(first)?)?;
        // Candidate: the approximation rounded to 8 decimals, as a decimal.
        let scale = 100_000_000i128;
        let cand_pct = Q::new((approx * scale as f64).round() as i128, scale)?;
        let growth = cand_pct.over(Q::int(100))?.plus(Q::ONE)?;
        let mut power = Q::ONE;
        for _ in 0..years {
            power = power.times(growth)?;
        }
        (power == ratio).then(|| cand_pct.to_f64())
    };
    Some(snapped().unwrap_or(approx))
}

#[cfg(test)]
mod tests {

    /// Euclid's algorithm, the reference for the binary one.
    fn euclid(a: i128, b: i128) -> i128 {
        let (mut a, mut b) = (a.abs(), b.abs());
        while b != 0 {
            (a, b) = (b, a % b);
        }
        a
    }

    #[test]
    fn differences_agree_with_the_rational_path() {
        let values = [
            0.0,
            -0.0,
            1.0,
            -1.0,
            7.0,
            250.0,
            -3_000.0,
            123_456_789.0,
            4_503_599_627_370_495.0,
            -4_503_599_627_370_495.0,
            0.1,
            0.2,
            0.3,
            -2.5,
            1_234.56,
            3.0001,
            8_250.0 / 15_000.0 * 100.0,
            999_999.999_999,
            12_345_678.123_456,
            1e-6,
            2.000_001,
        ];
        for a in values {
            for b in values {
                let exact = super::Q::from_f64(a)
                    .and_then(|qa| qa.minus(super::Q::from_f64(b)?))
                    .map(super::Q::to_f64)
                    .expect("these decimals are exact");
                let fast = super::diff(a, b);
                assert_eq!(fast.to_bits(), exact.to_bits(), "{a} − {b}");
            }
        }
    }

    #[test]
    fn binary_gcd_agrees_with_euclid() {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for i in 0..20_000 {
            // Small, large, negative and zero operands, with common factors.
            let k = i128::from(next() % 1000 + 1);
            let a = i128::from(next().cast_signed() >> (next() % 60)) * k;
            let b = i128::from(next().cast_signed() >> (next() % 60))
                * k
                * if i % 3 == 0 { -1 } else { 1 };
            let b = if i % 97 == 0 { 0 } else { b };
            assert_eq!(gcd(a, b), euclid(a, b), "{a} {b}");
        }
        assert_eq!(gcd(0, 0), 0);
        assert_eq!(gcd(i128::MAX, i128::MAX), i128::MAX);
        assert_eq!(gcd(1 << 100, 3 << 90), 1 << 90);
        assert_eq!(
            gcd(i128::MIN, i128::MIN),
            1,
            "2^127 does not fit: unreduced"
        );
    }

    use super::*;

    #[test]
    fn decimals_round_trip() {
        assert_eq!(Q::from_f64(178.2), Q::new(1782, 10));
        assert_eq!(Q::from_f64(-0.05), Q::new(-5, 100));
        assert_eq!(Q::from_f64(0.0), Some(Q::ZERO));
        assert_eq!(Q::from_f64(f64::NAN), None);
        assert_eq!(Q::from_f64(5e-324), None);
    }

    /// The decimal read from the shortest text of `v`, as `Display` prints it
    /// (the reference for the digit-by-digit reading of `from_f64`).
    fn from_text(v: f64) -> Option<Q> {
        let text = format!("{v}");
        let (neg, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.as_str()),
        };
        let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
        let all = format!("{int}{frac}");
        let all = all.trim_start_matches('0');
        if all.len() > MAX_DIGITS {
            return None;
        }
        let mantissa: i128 = if all.is_empty() { 0 } else { all.parse().ok()? };
        let scale = 10i128.checked_pow(u32::try_from(frac.len()).ok()?)?;
        Q::new(if neg { -mantissa } else { mantissa }, scale)
    }

    #[test]
    fn long_decimals_read_as_their_shortest_text() {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut values = vec![
            2.913_456_789_123,
            -2.913_456_789_123,
            1e20,
            1.5e-7,
            0.1 + 0.2,
            100.0 / 3.0,
            9.48e-5,
            123_456_789.123_456_78,
            f64::MAX,
            f64::MIN_POSITIVE,
        ];
        for _ in 0..2000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let v = f64::from_bits(x);
            if v.is_finite() {
                values.push(v);
            }
            values.push((x % 1_000_000_007) as f64 / 997.0);
        }
        for v in values {
            assert_eq!(Q::from_f64(v), from_text(v), "{v}");
        }
    }

    #[test]
    fn ratios_on_a_boundary_are_on_it() {
        assert_eq!(percent(8250.0, 15000.0), Some(55.0));
        assert_eq!(percent(178.2, 198.0), Some(90.0));
        assert_eq!(percent(3772.2, 5029.6), Some(75.0));
        let float = std::hint::black_box(8250.0_f64) / 15000.0 * 100.0;
        assert!(float > 55.0, "the float path is the bug");
        assert_eq!(growth(11500.0, 10000.0), Some(15.0));
        assert_eq!(growth(100.1, 100.0).map(|g| g == 0.1), Some(true));
        assert_eq!(sum(&[600.1, 599.9]), 1200.0);
        assert_eq!(mean2(0.1, 0.2), 0.15);
        assert_eq!(cagr(11025.0, 10000.0, 2), Some(5.0));
        assert_eq!(percent(1.0, 0.0), None);
    }

    #[test]
    fn ordering_is_exact() {
        let a = Q::new(1, 3).unwrap();
        let b = Q::new(333_333_333, 1_000_000_000).unwrap();
        assert!(a > b);
    }
}
