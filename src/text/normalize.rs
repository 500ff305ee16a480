//! The comparison key of a word: what two spellings of the same word have in
//! common. Case, accents, Unicode compatibility forms (NFKC/NFKD), apostrophe
//! and acronym styles, British/American spellings and common transliteration
//! variants of names all fold to one key, so `Zelenskyy’s`/`Zelenskiy's` and
//! `organisational`/`organizational` compare equal.

use super::unicode::{fold, is_combining_mark, Folded};

/// Writes the comparison key of the word `surface` into `out` (cleared
/// first). Numbers keep their digits and decimal point but lose thousands
/// separators, so `1,200` and `1200` share a key.
pub fn word_key(surface: &str, out: &mut String) {
    out.clear();
    if surface.starts_with(|c: char| c.is_ascii_digit()) {
        number_key(surface, out);
        return;
    }
    if surface.is_ascii() {
        out.extend(surface.chars().filter(|&c| c != '\'' && c != '.').map(|c| c.to_ascii_lowercase()));
    } else {
        for c in surface.chars() {
            if is_combining_mark(c) || matches!(c, '\'' | '’' | 'ʼ' | '.') {
                continue;
            }
            match fold(c) {
                Some(Folded::Char(f)) => {
                    out.push(f);
                    continue;
                }
                Some(Folded::Text(f)) => {
                    out.push_str(f);
                    continue;
                }
                None => {}
            }
            match c {
                'ß' => out.push_str("ss"),
                'æ' | 'Æ' => out.push_str("ae"),
                'œ' | 'Œ' => out.push_str("oe"),
                'ø' | 'Ø' => out.push('o'),
                'đ' | 'Đ' | 'ð' | 'Ð' => out.push('d'),
                'ł' | 'Ł' => out.push('l'),
                'ı' => out.push('i'),
                'þ' | 'Þ' => out.push_str("th"),
                _ => out.extend(c.to_lowercase()),
            }
        }
    }
    let capitalized = surface.starts_with(char::is_uppercase);
    canonical_spelling(out, capitalized);
}

fn number_key(surface: &str, out: &mut String) {
    let bytes = surface.as_bytes();
    for (i, c) in surface.char_indices() {
        // A comma followed by exactly three digits groups thousands; between
        // other digits it is a decimal comma (`3,5 Prozent`, `1,2 million`),
        // written as the point it stands for so that figures compare.
        if c == ',' {
            let group = &bytes[i + 1..];
            let digits = group.iter().take_while(|b| b.is_ascii_digit()).count();
            if digits == 3 {
                continue;
            }
            if digits > 0 && i > 0 && bytes[i - 1].is_ascii_digit() {
                out.push('.');
                continue;
            }
        }
        out.extend(c.to_lowercase());
    }
}

/// `text` lower-cased character by character: as `str::to_lowercase` but
/// for the Greek final sigma, which no caller compares, and 2.1 KB smaller
/// gzipped in the widget's wasm.
pub fn lowercase(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        // Runs of ASCII, most of any text, are copied and lower-cased in
        // place rather than character by character.
        let ascii = rest.bytes().position(|b| !b.is_ascii()).unwrap_or(rest.len());
        let start = out.len();
        out.push_str(&rest[..ascii]);
        out[start..].make_ascii_lowercase();
        let mut chars = rest[ascii..].chars();
        let Some(c) = chars.next() else { return out };
        out.extend(c.to_lowercase());
        rest = chars.as_str();
    }
}

/// Spellings that differ between varieties of English or between
/// transliterations, mapped to one of them; sorted, for bisection. Applied to both sides of every
/// comparison, a rule only needs to be consistent and to not merge two
/// different words.
const SPELLINGS: &[(&str, &str)] = &[
    ("afterwards", "afterward"),
    ("ageing", "aging"),
    ("aluminium", "aluminum"),
    ("amidst", "amid"),
    ("amongst", "among"),
    ("artemovsk", "bakhmut"),
    ("burnt", "burned"),
    ("cheque", "check"),
    ("cheques", "checks"),
    ("defence", "defense"),
    ("defences", "defenses"),
    ("dnipropetrovsk", "dnipro"),
    ("enrol", "enroll"),
    ("fulfil", "fulfill"),
    ("grey", "gray"),
    ("instalment", "installment"),
    ("jeweller", "jeweler"),
    ("jewellers", "jewelers"),
    ("jewellery", "jewelry"),
    ("judgement", "judgment"),
    ("kerb", "curb"),
    ("kharkov", "kharkiv"),
    ("kiev", "kyiv"),
    ("learnt", "learned"),
    ("licence", "license"),
    ("licences", "licenses"),
    ("lugansk", "luhansk"),
    ("lvov", "lviv"),
    ("manoeuvre", "maneuver"),
    ("manoeuvres", "maneuvers"),
    ("mould", "mold"),
    ("nikolaev", "mykolaiv"),
    ("odessa", "odesa"),
    ("offence", "offense"),
    ("offences", "offenses"),
    ("percent", "%"),
    ("plough", "plow"),
    ("pretence", "pretense"),
    ("programme", "program"),
    ("programmes", "programs"),
    ("sceptic", "skeptic"),
    ("sceptical", "skeptical"),
    ("scepticism", "skepticism"),
    ("skilful", "skillful"),
    ("spelt", "spelled"),
    ("towards", "toward"),
    ("tyre", "tire"),
    ("tyres", "tires"),
    ("whilst", "while"),
    ("wilful", "willful"),
    ("zaporizhzhia", "zaporizhia"),
    ("zaporizhzhya", "zaporizhia"),
    ("zaporozhye", "zaporizhia"),
];

/// Suffixes after which `-our` is the British form of `-or`.
const OUR_ENDINGS: &[&str] = &[
    "", "s", "ed", "ing", "ite", "ites", "able", "ably", "er", "ers", "hood", "hoods", "ful", "less", "ist", "ists",
    "ism",
];

fn canonical_spelling(word: &mut String, capitalized: bool) {
    if let Ok(i) = SPELLINGS.binary_search_by(|(from, _)| (*from).cmp(word.as_str())) {
        let to = SPELLINGS[i].1;
        word.clear();
        word.push_str(to);
        return;
    }
    if !word.is_ascii() || word.len() < 5 {
        return;
    }
    if let Some(replaced) = american_spelling(word) {
        *word = replaced;
    }
    if capitalized && word.len() >= 6 {
        fold_transliteration(word);
    }
}

/// `-ise` → `-ize`, `-our` → `-or`, `-tre` → `-ter`, `-ogue` → `-og`,
/// `-lled` → `-led`, `ae` → `e`.
fn american_spelling(w: &str) -> Option<String> {
    if let Some(pos) = find_part(w, "isat").filter(|&p| p >= 2) {
        return Some(format!("{}izat{}", &w[..pos], &w[pos + 4..]));
    }
    for (brit, amer) in
        [("ise", "ize"), ("ises", "izes"), ("ised", "ized"), ("ising", "izing"), ("iser", "izer"), ("isers", "izers")]
    {
        if let Some(stem) = w.strip_suffix(brit) {
            if stem.len() >= 2 {
                return Some(format!("{stem}{amer}"));
            }
        }
    }
    if let Some(pos) = rfind_part(w, "our") {
        let (stem, ending) = (&w[..pos], &w[pos + 3..]);
        if stem.len() >= 3 && OUR_ENDINGS.contains(&ending) {
            return Some(format!("{stem}or{ending}"));
        }
    }
    for (brit, amer) in [("tre", "ter"), ("tres", "ters"), ("tred", "tered"), ("bre", "ber"), ("bres", "bers")] {
        if let Some(stem) = w.strip_suffix(brit) {
            if stem.len() >= 2 {
                return Some(format!("{stem}{amer}"));
            }
        }
    }
    if w.len() >= 7 {
        for (brit, amer) in [("ogue", "og"), ("ogues", "ogs")] {
            if let Some(stem) = w.strip_suffix(brit) {
                return Some(format!("{stem}{amer}"));
            }
        }
    }
    for (brit, amer) in [("lled", "led"), ("lling", "ling"), ("ller", "ler"), ("llers", "lers")] {
        if let Some(stem) = w.strip_suffix(brit) {
            let vowel_before = stem.ends_with(|c: char| "aeiou".contains(c));
            if stem.len() >= 3 && vowel_before && !stem.ends_with("ee") {
                return Some(format!("{stem}{amer}"));
            }
        }
    }
    if w.len() >= 6 {
        if let Some(pos) = find_part(&w[1..], "ae").map(|p| p + 1) {
            return Some(format!("{}e{}", &w[..pos], &w[pos + 2..]));
        }
    }
    None
}

/// Where `part` first stands in `word`, by a scan of its bytes: a word is
/// short, and `str::find` with a string pattern sets up a two-way search
/// first (a tenth of reading a new word's key in the wasm).
fn find_part(word: &str, part: &str) -> Option<usize> {
    (0..=word.len().checked_sub(part.len())?).find(|&i| is_part_at(word, part, i))
}

/// Where `part` last stands in `word` (see [`find_part`]).
fn rfind_part(word: &str, part: &str) -> Option<usize> {
    (0..=word.len().checked_sub(part.len())?).rev().find(|&i| is_part_at(word, part, i))
}

fn is_part_at(word: &str, part: &str, at: usize) -> bool {
    word.as_bytes()[at..].iter().zip(part.as_bytes()).all(|(a, b)| a == b)
}

/// Folds transliteration variants of names: `zhzh` (Zaporizhzhia) and the
/// many spellings of a final `-iy`/`-yy`/`-ii`/`-yi` (Zelenskyy, Zelenskiy,
/// Zelensky; Oleksii, Oleksiy). Doubled letters in general are kept: folding
/// them would make `Finnish` the verb `finish`.
fn fold_transliteration(word: &mut String) {
    if find_part(word, "zhzh").is_some() {
        *word = word.replace("zhzh", "zh");
    }
    for ending in ["yy", "iy", "yi", "ii", "ij"] {
        if word.ends_with(ending) {
            word.truncate(word.len() - ending.len());
            word.push('y');
            break;
        }
    }
}

/// A rough phonetic skeleton of a name's key, on which transliterations of
/// one name agree: `hrytsenko`/`gritsenko`, `oleksiy`/`oleksii`,
/// `kharkiv`/`charkiv`, `muhammad`/`mohammed` do not (vowels differ) but
/// `phillips`/`philips` do. `None` for words too short or not in Latin
/// letters, where a guess would merge different names.
pub fn name_skeleton(key: &str) -> Option<String> {
    if key.len() < 5 || !key.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let mut s = key
        .replace("ph", "f")
        .replace("ck", "k")
        .replace("kh", "k")
        .replace('x', "ks")
        .replace('q', "k")
        .replace('w', "v");
    s = s.replace('y', "i");
    // Ukrainian/Belarusian `h` before a consonant is Russian `g`.
    if s.starts_with('h') && s[1..].starts_with(|c: char| !"aeiou".contains(c)) {
        s.replace_range(0..1, "g");
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_found_where_str_finds_them() {
        for word in ["organisation", "colourful", "ourour", "aeae", "zhzhzh", "our", "ou", ""] {
            for part in ["isat", "our", "ae", "zhzh", "o", ""] {
                assert_eq!(find_part(word, part), word.find(part), "{word} {part}");
                assert_eq!(rfind_part(word, part), word.rfind(part), "{word} {part}");
            }
        }
    }

    fn key(s: &str) -> String {
        let mut out = String::new();
        word_key(s, &mut out);
        out
    }

    #[test]
    fn lowercase_is_character_by_character_across_ascii_runs() {
        for text in ["", "ABC", "ÉTÉ à PARIS", "İstanbul Straße ΣΑΣ", "mixed Ünïcödé and ASCII TAIL", "ÅÅ"]
        {
            let expected: String = text.chars().flat_map(char::to_lowercase).collect();
            assert_eq!(lowercase(text), expected, "{text:?}");
        }
    }

    #[test]
    fn spellings_are_sorted_for_bisection() {
        assert!(SPELLINGS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn case_accents_apostrophes_and_compatibility_forms() {
        assert_eq!(key("Ukraine’s"), key("ukraine's"));
        assert_eq!(key("Türkiye"), "turkiye");
        assert_eq!(key("ＰＯＷ"), "pow");
        assert_eq!(key("ﬁnal"), "final");
        assert_eq!(key("U.S."), key("US"));
        assert_eq!(key("Straße"), key("STRASSE"));
    }

    #[test]
    fn british_and_american_spellings_share_a_key() {
        for (gb, us) in [
            ("organisational", "organizational"),
            ("finalise", "finalize"),
            ("neutralised", "neutralized"),
            ("Defence", "defense"),
            ("behaviour", "behavior"),
            ("neighbouring", "neighboring"),
            ("centre", "center"),
            ("travelled", "traveled"),
            ("catalogue", "catalog"),
            ("paediatric", "pediatric"),
            ("programme", "program"),
        ] {
            assert_eq!(key(gb), key(us), "{gb} / {us}");
        }
    }

    #[test]
    fn transliterations_of_names_share_a_key() {
        assert_eq!(key("Zelenskyy"), key("Zelenskiy"));
        assert_eq!(key("Zelenskyy"), key("Zelensky"));
        assert_eq!(key("Zaporizhzhia"), key("Zaporizhia"));
        assert_eq!(key("Kiev"), key("Kyiv"));
    }

    #[test]
    fn different_words_stay_different() {
        for (a, b) in [
            ("four", "for"),
            ("hour", "hor"),
            ("filled", "filed"),
            ("called", "caled"),
            ("metre", "meet"),
            ("Finnish", "finish"),
        ] {
            assert_ne!(key(a), key(b), "{a} / {b}");
        }
        assert_ne!(key("Austria"), key("Australia"));
    }

    #[test]
    fn transliterated_names_share_a_skeleton() {
        let sk = |s: &str| name_skeleton(&key(s));
        assert_eq!(sk("Hrytsenko"), sk("Gritsenko"));
        assert_eq!(sk("Oleksiy"), sk("Oleksii"));
        assert_eq!(sk("Phillips"), sk("Philips"));
        assert_ne!(sk("Austria"), sk("Australia"));
        assert!(sk("Hamburg").is_some_and(|s| s.starts_with('h')), "h before a vowel stays");
        assert_eq!(sk("Kyiv"), None, "too short to guess");
    }

    #[test]
    fn numbers_lose_thousands_separators_and_decimal_commas_become_points() {
        assert_eq!(key("1,200"), "1200");
        assert_eq!(key("1200"), "1200");
        assert_eq!(key("3.5"), "3.5");
        assert_ne!(key("3.5"), key("35"));
        assert_eq!(key("1,25"), "1.25");
        assert_eq!(key("3,5"), key("3.5"));
        assert_eq!(key("1,"), "1,");
        assert_eq!(key("10KM"), "10km");
    }
}
