//! Globs over item paths, for `[[ignore]] path = "..."`.
//!
//! `*` matches any run of characters inside one segment (no `.`, `[` or `]`), `**`
//! matches anything. A pattern matches a path when it matches the whole path or a
//! prefix of it that ends at a segment boundary, so `publications[*]` also covers
//! `publications[0].title`.

pub fn matches(pattern: &str, path: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let s: Vec<char> = path.chars().collect();
    // ends[k]: the pattern matches s[..k].
    let ends = match_prefixes(&p, &s);
    (0..=s.len()).any(|k| ends[k] && (k == s.len() || matches!(s[k], '.' | '[')))
}

/// For every k, whether `p` matches exactly `s[..k]` (dynamic programming, O(|p|·|s|)).
fn match_prefixes(p: &[char], s: &[char]) -> Vec<bool> {
    // row[k]: p[..i] matches s[..k]
    let mut row = vec![false; s.len() + 1];
    row[0] = true;
    let mut i = 0;
    while i < p.len() {
        let mut next = vec![false; s.len() + 1];
        if p[i] == '*' && p.get(i + 1) == Some(&'*') {
            let mut reach = false;
            for k in 0..=s.len() {
                reach |= row[k];
                next[k] = reach;
            }
            i += 2;
        } else if p[i] == '*' {
            for k in 0..=s.len() {
                let extend = k > 0 && next[k - 1] && !matches!(s[k - 1], '.' | '[' | ']');
                next[k] = row[k] || extend;
            }
            i += 1;
        } else {
            for k in 1..=s.len() {
                next[k] = row[k - 1] && s[k - 1] == p[i];
            }
            i += 1;
        }
        row = next;
    }
    row
}

#[cfg(test)]
mod tests {
    use super::matches;

    #[test]
    fn table() {
        let table = [
            ("publications[*]", "publications[0]", true),
            ("publications[*]", "publications[12].title", true),
            ("publications[*]", "publications", false),
            ("publications", "publications[3]", true),
            ("work[*].highlights[2]", "work[0].highlights[2]", true),
            ("work[*].highlights[2]", "work[0].highlights[21]", false),
            ("work", "workshop", false),
            ("*.title", "projects.title", true),
            ("*.title", "a.b.title", false),
            ("**.title", "a.b.title", true),
            ("**", "anything[1].at.all", true),
            ("zh-CN.*.name", "zh-CN.users.name", true),
            ("", "", true),
        ];
        for (pattern, path, want) in table {
            assert_eq!(matches(pattern, path), want, "{pattern} ~ {path}");
        }
    }
}
