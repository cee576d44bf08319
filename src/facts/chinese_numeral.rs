//! Numbers written in Chinese numerals: `三万`, `两周`, `第三方`, `二等奖`, `国二`.
//!
//! The characters of numerals also make ordinary words (`一起`, `一些`, `统一`,
//! `唯一`, `一般`, `一致`, `进一步`, `之一`, `一下`, `万一`, `千万` as "must",
//! `一直`, `百度`, `十分`). A run of numeral characters is therefore a number only
//! when it says so: it is an ordinal (`第X`, `X等奖`, `国X`/`省X` as a prize), it has
//! both a digit and a scale (`三万`, `一百`, `十五`), or a measure word or unit follows
//! (`两周`, `一个`, `三次`, `十分钟`). All of them are written in words, so they are
//! soft (see the number-mismatch rule): `一个` next to `a` is no finding.

use super::{is_han, lex, Decimal, FactKind, Number, Scan, Unit};

/// The characters of a Chinese numeral: `[零〇一二两三四五六七八九十百千万亿]+`.
fn is_numeral(ch: char) -> bool {
    // Asked of every character of every value: a match, not a search in a string.
    matches!(
        ch,
        '零' | '〇'
            | '一'
            | '二'
            | '两'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
            | '万'
            | '亿'
    )
}

/// Measure words and units after which a numeral run is a quantity.
const MEASURES: &[&str] = &[
    "个百分点",
    "个",
    "位",
    "名",
    "人",
    "项",
    "篇",
    "次",
    "倍",
    "周",
    "星期",
    "天",
    "日",
    "年",
    "月",
    "小时",
    "分钟",
    "秒",
    "种",
    "类",
    "家",
    "条",
    "款",
    "届",
    "轮",
    "期",
    "层",
    "门",
    "本",
    "件",
    "台",
    "场",
    "座",
    "所",
    "部",
    "份",
    "组",
    "批",
    "季",
    "块",
    "张",
    "套",
    "千克",
    "公里",
    "米",
    "元",
];

/// Runs that are words, not numbers, even where the rules above would take them.
const NOT_NUMBERS: &[&str] = &["万一", "一一"];

/// Whether a measure word or unit starts at this character.
pub(crate) fn is_measure_start(ch: char) -> bool {
    MEASURES.iter().any(|m| m.starts_with(ch))
}

pub(super) fn scan(scan: &mut Scan<'_>) {
    let text = scan.text;
    for m in lex::char_runs(text, is_numeral).map(lex::Found::in_text(text)) {
        let mut range = m.range();
        let run = m.as_str();
        if !scan.free(&range) || NOT_NUMBERS.contains(&run) || run.chars().count() > 24 {
            continue;
        }
        let before = text[..range.start].chars().next_back();
        let rest = &text[range.end..];
        let Some(value) = value_of(run) else { continue };
        let mut number = Number::new(value, 0, Unit::Plain);
        number.words = true;
        let single_digit = run.chars().count() == 1 && "一二三".contains(run);
        if text[..range.start].ends_with("百分之") {
            number.unit = Unit::Percent;
            range.start -= "百分之".len();
        } else if before == Some('第') {
            number.ordinal = true;
            range.start -= '第'.len_utf8();
        } else if rest.starts_with('等') {
            number.ordinal = true;
        } else if matches!(before, Some('国' | '省' | '市'))
            && single_digit
            && !rest.starts_with(is_han)
        {
            // `国二`, `省一`: a national or provincial prize of that rank.
            number.ordinal = true;
        } else if rest.starts_with("个百分点") {
            number.unit = Unit::Points;
            range.end += "个百分点".len();
        } else {
            let has_scale = run.contains(['十', '百', '千', '万', '亿']);
            let has_digit = run.contains(|c| digit(c).is_some());
            let measured = MEASURES.iter().any(|w| rest.starts_with(w));
            if !(has_scale && has_digit || measured) {
                continue;
            }
        }
        scan.claim(range, FactKind::Number(number));
    }
    half(scan);
}

/// `半小时`, `半个月`, `半年`: half of one unit of time, a soft 0.5 (`half an hour`).
fn half(scan: &mut Scan<'_>) {
    let text = scan.text;
    for (at, _) in text.match_indices('半') {
        let range = at..at + '半'.len_utf8();
        let rest = &text[range.end..];
        let unit = super::duration::unit_after(rest);
        if unit.is_some()
            && scan.free(&range)
            && !text[..at].ends_with(['一', '两', '兩', '个', '個'])
        {
            let mut number = Number::new(Decimal::parse("0.5").expect("a decimal"), 0, Unit::Plain);
            number.words = true;
            scan.claim(range, FactKind::Number(number));
        }
    }
}

fn digit(ch: char) -> Option<u128> {
    "零一二三四五六七八九"
        .chars()
        .position(|c| c == ch)
        .map(|d| d as u128)
        .or(match ch {
            '〇' => Some(0),
            '两' => Some(2),
            _ => None,
        })
}

/// The value of a numeral run: `三万五千` = 35000, `十五` = 15, `二〇二四` = 2024.
pub(crate) fn value_of(run: &str) -> Option<Decimal> {
    let scaled = run.contains(['十', '百', '千', '万', '亿']);
    if !scaled {
        let mut n: u128 = 0;
        for ch in run.chars() {
            n = n.checked_mul(10)?.checked_add(digit(ch)?)?;
        }
        return Some(Decimal::from_integer(n));
    }
    let (mut total, mut section, mut pending): (u128, u128, Option<u128>) = (0, 0, None);
    for ch in run.chars() {
        match ch {
            '十' | '百' | '千' => {
                let unit = match ch {
                    '十' => 10,
                    '百' => 100,
                    _ => 1000,
                };
                section = section.checked_add(pending.take().unwrap_or(1).checked_mul(unit)?)?;
            }
            '万' => {
                let part = section.checked_add(pending.take().unwrap_or(0))?;
                total = total.checked_add(part.max(1).checked_mul(10_000)?)?;
                section = 0;
            }
            '亿' => {
                let part = total
                    .checked_add(section)?
                    .checked_add(pending.take().unwrap_or(0))?;
                total = part.max(1).checked_mul(100_000_000)?;
                section = 0;
            }
            _ => pending = Some(digit(ch)?),
        }
    }
    Some(Decimal::from_integer(
        total
            .checked_add(section)?
            .checked_add(pending.unwrap_or(0))?,
    ))
}

#[cfg(test)]
mod tests {
    use super::value_of;
    use crate::facts::number::tests::values;
    use crate::facts::{extract, Decimal};
    use crate::source::Side;

    #[test]
    fn half_a_unit_of_time_is_a_soft_half() {
        let got: Vec<String> = extract("半小时前，半个月后", Side::Zh)
            .numbers()
            .map(|(_, n)| format!("{:?}", n.value()))
            .collect();
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(extract("一半的用户", Side::Zh).numbers().next().is_none());
    }

    #[test]
    fn values_of_numerals() {
        let table: [(&str, u128); 12] = [
            ("三万", 30_000),
            ("两", 2),
            ("二", 2),
            ("十五", 15),
            ("二十", 20),
            ("一百零五", 105),
            ("三万五千", 35_000),
            ("一亿二千万", 120_000_000),
            ("三亿五千万", 350_000_000),
            ("一万亿", 1_000_000_000_000),
            ("二〇二四", 2024),
            ("十万", 100_000),
        ];
        for (run, want) in table {
            assert_eq!(value_of(run), Some(Decimal::from_integer(want)), "{run}");
        }
    }

    #[test]
    fn equal_numbers() {
        let table = [
            ("三万", "30000"),
            ("三万", "3万"),
            ("两周", "2 weeks"),
            ("两周", "two weeks"),
            ("二等奖", "Second Prize"),
            ("二等奖", "2nd Prize"),
            ("第三方", "3rd party"),
            ("第三方", "third party"),
            ("深圳杯数模国二", "Second Prize"),
            ("百分之五十", "50%"),
            ("2.1个百分点", "2.1pt"),
            ("三个百分点", "3pt"),
        ];
        for (zh, en) in table {
            assert!(!values(zh).is_empty(), "{zh}");
            assert_eq!(values(zh), values(en), "{zh} | {en}");
        }
    }

    #[test]
    fn unequal_numbers() {
        let table = [
            ("一等奖", "Second Prize"),
            ("两周", "3 weeks"),
            ("三万", "300k"),
            ("第二", "3rd place"),
        ];
        for (zh, en) in table {
            assert_ne!(values(zh), values(en), "{zh} | {en}");
        }
    }

    #[test]
    fn numeral_characters_are_the_listed_ones() {
        let listed = "零〇一二两三四五六七八九十百千万亿";
        for ch in ('\0'..='\u{FFFF}').chain(['\u{20000}', '\u{10FFFF}']) {
            assert_eq!(super::is_numeral(ch), listed.contains(ch), "{ch:?}");
        }
    }

    #[test]
    fn words_made_of_numerals_are_not_numbers() {
        let words = [
            "一起",
            "一些",
            "统一",
            "唯一",
            "一般",
            "一致",
            "进一步",
            "之一",
            "一下",
            "万一",
            "千万不要",
            "一直",
            "百度",
            "十分重要",
            "中国一流",
            "周一见",
            "两者",
        ];
        for word in words {
            let facts = extract(word, Side::Zh);
            assert_eq!(facts.numbers().count(), 0, "{word}: {facts:?}");
        }
    }

    #[test]
    fn numerals_are_soft() {
        let facts = extract("一个模型", Side::Zh);
        let (_, n) = facts.numbers().next().unwrap();
        assert!(n.words);
    }
}
