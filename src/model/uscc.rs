//! 统一社会信用代码 (unified social credit code) per GB 32100-2015.
//!
//! 18 characters from the 31-character set `0-9 A-H J-N P-R T U W-Y`
//! (no I, O, S, V, Z). The last character is a check digit: with weights
//! `3^i mod 31` for positions 0..17, `check = (31 - sum mod 31) mod 31`.

/// The code alphabet, in value order.
const ALPHABET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/// Why a code is not valid.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UsccError {
    /// Not 18 characters long.
    #[error(
        "统一社会信用代码应为 18 位，现为 {0} 位 / the code must have 18 characters, it has {0}"
    )]
    Length(usize),
    /// A character outside the alphabet (I, O, S, V, Z and lower case are not used).
    #[error(
        "第 {pos} 位字符 “{ch}” 不允许 / character {pos} ‘{ch}’ is not allowed (I, O, S, V, Z are never used)"
    )]
    Char {
        /// 1-based position.
        pos: usize,
        /// The offending character.
        ch: char,
    },
    /// The check digit does not match.
    #[error(
        "代码未通过校验，前 17 位中可能有字符输错（按前 17 位计算，校验位应为 “{expected}”，实为 “{found}”） / the code does not check out: one of the first 17 characters is probably mistyped (from them the check digit should be ‘{expected}’, found ‘{found}’)"
    )]
    CheckDigit {
        /// The check digit computed from the first 17 characters.
        expected: char,
        /// The 18th character as entered.
        found: char,
    },
}

fn value(c: char) -> Option<u32> {
    ALPHABET.find(c).map(|i| i as u32)
}

/// The check character for the first 17 characters of a code.
#[must_use]
pub fn check_char(first17: &[u32; 17]) -> char {
    let mut weight = 1u32;
    let mut sum = 0u32;
    for v in first17 {
        sum += v * weight;
        weight = weight * 3 % 31;
    }
    let check = (31 - sum % 31) % 31;
    ALPHABET.chars().nth(check as usize).unwrap_or('0')
}

/// Validates a code, returning the reason it is wrong.
pub fn validate(code: &str) -> Result<(), UsccError> {
    let chars: Vec<char> = code.trim().chars().collect();
    if chars.len() != 18 {
        return Err(UsccError::Length(chars.len()));
    }
    let mut vals = [0u32; 17];
    for (i, &c) in chars.iter().enumerate() {
        let v = value(c).ok_or(UsccError::Char { pos: i + 1, ch: c })?;
        if i < 17 {
            vals[i] = v;
        }
    }
    let expected = check_char(&vals);
    if expected == chars[17] {
        Ok(())
    } else {
        Err(UsccError::CheckDigit {
            expected,
            found: chars[17],
        })
    }
}

/// Completes 17 characters with their check digit (for samples and tests).
#[must_use]
pub fn with_check_digit(first17: &str) -> Option<String> {
    let chars: Vec<char> = first17.chars().collect();
    if chars.len() != 17 {
        return None;
    }
    let mut vals = [0u32; 17];
    for (i, c) in chars.iter().enumerate() {
        vals[i] = value(*c)?;
    }
    Some(format!("{first17}{}", check_char(&vals)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_codes_validate() {
        // Codes printed on public business licences.
        for code in [
            "91350100M000100Y43",
            "91110108551385082Q",
            "9144030071526726XG",
        ] {
            assert_eq!(validate(code), Ok(()), "{code}");
        }
    }

    #[test]
    fn a_changed_check_digit_is_caught() {
        assert_eq!(
            validate("91350100M000100Y44"),
            Err(UsccError::CheckDigit {
                expected: '3',
                found: '4'
            })
        );
    }

    #[test]
    fn length_and_alphabet_are_checked() {
        assert_eq!(validate("9135"), Err(UsccError::Length(4)));
        assert_eq!(
            validate("91350100I000100Y43"),
            Err(UsccError::Char { pos: 9, ch: 'I' })
        );
    }

    #[test]
    fn completion_round_trips() {
        let full = with_check_digit("91360100MA35XXXX0").expect("valid prefix");
        assert_eq!(validate(&full), Ok(()));
    }
}
