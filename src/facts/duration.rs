//! Durations: a number followed by a unit of time, measured in seconds, so that
//! `60 天` = `2 months`, `30秒` = `half a minute`, `1 小时` = `60 minutes`. A month
//! counts 30 days and a year 365, the way interface texts round them.
//!
//! A bare `月` is not a unit (`3月` is March); `个月`/`個月` is.

/// Unit words and their length in seconds, longest spelling first where one is a
/// prefix of another.
const ZH_UNITS: &[(&str, f64)] = &[
    ("秒钟", 1.0),
    ("秒鐘", 1.0),
    ("秒", 1.0),
    ("分钟", 60.0),
    ("分鐘", 60.0),
    ("个小时", 3_600.0),
    ("個小時", 3_600.0),
    ("小时", 3_600.0),
    ("小時", 3_600.0),
    ("天", 86_400.0),
    ("日", 86_400.0),
    ("个星期", 604_800.0),
    ("個星期", 604_800.0),
    ("星期", 604_800.0),
    ("周", 604_800.0),
    ("週", 604_800.0),
    ("个月", 2_592_000.0),
    ("個月", 2_592_000.0),
    ("年", 31_536_000.0),
];

const EN_UNITS: &[(&str, f64)] = &[
    ("seconds", 1.0),
    ("second", 1.0),
    ("secs", 1.0),
    ("sec", 1.0),
    ("minutes", 60.0),
    ("minute", 60.0),
    ("mins", 60.0),
    ("min", 60.0),
    ("hours", 3_600.0),
    ("hour", 3_600.0),
    ("hrs", 3_600.0),
    ("days", 86_400.0),
    ("day", 86_400.0),
    ("weeks", 604_800.0),
    ("week", 604_800.0),
    ("months", 2_592_000.0),
    ("month", 2_592_000.0),
    ("years", 31_536_000.0),
    ("year", 31_536_000.0),
];

/// The length in seconds of the unit of time written right after a number (spaces
/// and a hyphen allowed between: `2 weeks`, `two-week`, `60 天`), if there is one.
pub fn unit_after(rest: &str) -> Option<f64> {
    let rest = rest.trim_start_matches([' ', '-', '\u{3000}']);
    if let Some(&(_, seconds)) = ZH_UNITS.iter().find(|(u, _)| rest.starts_with(u)) {
        return Some(seconds);
    }
    let word: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .to_ascii_lowercase();
    EN_UNITS
        .iter()
        .find(|(u, _)| *u == word)
        .map(|&(_, seconds)| seconds)
}

/// Whether two durations in seconds are the same length, allowing for the rounding
/// of months and years.
pub fn same(a: f64, b: f64) -> bool {
    a > 0.0 && b > 0.0 && (a - b).abs() <= a.max(b) * 0.02
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seconds(value: f64, rest: &str) -> Option<f64> {
        unit_after(rest).map(|s| s * value)
    }

    #[test]
    fn equal_durations() {
        let table = [
            ((60.0, " 天"), (2.0, " months")),
            ((30.0, "秒前"), (0.5, " minute ago")),
            ((1.0, " 小时"), (60.0, " minutes")),
            ((2.0, "周"), (2.0, "-week trial")),
            ((1.0, "个月"), (30.0, " days")),
            ((1.0, "年"), (12.0, " months")),
        ];
        for ((a, ra), (b, rb)) in table {
            let (x, y) = (seconds(a, ra).unwrap(), seconds(b, rb).unwrap());
            assert!(same(x, y), "{a}{ra} | {b}{rb}");
        }
    }

    #[test]
    fn unequal_durations_and_no_durations() {
        let table = [
            ((60.0, " 天"), (3.0, " months")),
            ((30.0, "秒"), (30.0, " minutes")),
        ];
        for ((a, ra), (b, rb)) in table {
            let (x, y) = (seconds(a, ra).unwrap(), seconds(b, rb).unwrap());
            assert!(!same(x, y), "{a}{ra} | {b}{rb}");
        }
        for rest in ["月", " items", " mind", "个"] {
            assert_eq!(unit_after(rest), None, "{rest}");
        }
    }
}
