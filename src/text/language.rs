//! Which language a document is in, as far as the engine reads it: the
//! word lists and models are English, but an article in German, French or
//! Spanish should not link to unrelated ones on its function words, and a
//! German one capitalises every noun, so there a capital is no evidence of
//! a name.

use super::wordlist::WordList;

/// A document's language, told by its function words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    /// English, and any language not told apart.
    English,
    German,
    French,
    Spanish,
}

/// Words read to tell the language: a paragraph's worth of evidence
/// (reading a thousand added 3% to comparing five articles).
const WORDS_READ: usize = 300;

/// The longest telling word, in bytes: longer words are not looked up.
const LONGEST_TELL: usize = 6;

/// Function words of each language that the others (English included)
/// hardly use, as written in lower case, separated by spaces. About a fifth
/// of a German, French or Spanish text's words are its language's; under a
/// fiftieth of an English text's are any language's.
static GERMAN_TELLS: WordList = WordList::new(
    "auch auf aus bei das dass dem den der die ein eine einem einen einer eines für ist mit nach nicht \
    sich sind und von wird wurde wurden zum zur",
);
static FRENCH_TELLS: WordList = WordList::new(
    "au aux avec ce ces cette dans des du elle est et il ils le les leur mais nous ont ou pas pour qui \
    sont sur une",
);
static SPANISH_TELLS: WordList =
    WordList::new("al como con del el ella es esta este fue ha las los para pero por se su sus una y");

/// Function words, reporting verbs and hedges of each language, as word
/// keys (accents folded: `für` → `fur`, `según` → `segun`): in a comparison
/// that holds an article in that language they carry as little of what a
/// sentence says as English ones do. Some are English words too (`war`,
/// `hat`, `con`), so only such comparisons use them.
const GERMAN_STOP_WORDS: &str =
    "ab aber als am an angaben auch auf aus bei bereits bis da dabei damit dann das dass dem den denen \
    der des die dies diese diesem diesen dieser dieses doch dort durch ein eine einem einen einer eines \
    er erklarte es etwa fur gegen hat hatte hatten ich ihr ihre ihrem ihren ihrer im in ist jedoch \
    jetzt kann konnte laut man mehr mit mitteilte muss nach noch nun nur oder ohne rund sagt sagte \
    sagten schon sei sein seine seinem seinen seiner seit sich sie sind so soll sollen sollte sowie \
    teilte uber um und unter vom von vor war waren was weil wenn werden wie wieder will wir wird worden \
    wurde wurden zu zufolge zum zur zwischen";
const FRENCH_STOP_WORDS: &str =
    "a affirme afin ainsi alors apres au aussi aux avait avant avec avoir c ce cela celle celui ces cet \
    cette comme d dans de declare depuis des dit donc du elle elles en encore entre est et etait ete \
    etre fait il ils indique j l la le les leur leurs lors lui m mais meme n ne nous on ont ou par plus \
    pour precise qu que qui s sa sans se selon ses si son sont sur t tous tout un une vers y";
const SPANISH_STOP_WORDS: &str =
    "a afirmo al algo ante antes aunque como con contra cual cuando de del desde dijo donde durante e el \
    ella ellos en entre era es esa ese eso esta estaba estan este esto estos explico fue fueron ha han \
    hasta hay indico la las le les lo los mas me mientras muy nos o otra otro para pero por porque que \
    quien se segun senalo ser si sin sobre su sus tambien tras un una uno unos y ya";

impl Language {
    /// The language of `text`: the one whose telling words make up more
    /// than one word in twelve of its first words, English otherwise.
    pub fn of(text: &str) -> Language {
        let mut counts = [(Language::German, 0usize), (Language::French, 0), (Language::Spanish, 0)];
        let mut words = 0usize;
        for word in text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).take(WORDS_READ) {
            words += 1;
            if word.len() > LONGEST_TELL {
                continue;
            }
            for (language, count) in &mut counts {
                *count += language.tells().is_some_and(|tells| tells.contains(word)) as usize;
            }
        }
        let (language, most) = counts.into_iter().max_by_key(|&(_, count)| count).expect("three languages");
        if words >= 20 && most * 12 >= words {
            language
        } else {
            Language::English
        }
    }

    /// Whether every noun has a capital, so that a capital inside a
    /// sentence is no evidence of a name.
    pub fn capitalises_nouns(self) -> bool {
        self == Language::German
    }

    /// True for a function word of this language (given as a word key),
    /// beyond the English ones every comparison knows.
    pub fn is_stop_word(self, key: &str) -> bool {
        self.stop_words().split(' ').any(|w| w == key)
    }

    fn tells(self) -> Option<&'static WordList> {
        match self {
            Language::English => None,
            Language::German => Some(&GERMAN_TELLS),
            Language::French => Some(&FRENCH_TELLS),
            Language::Spanish => Some(&SPANISH_TELLS),
        }
    }

    fn stop_words(self) -> &'static str {
        match self {
            Language::English => "",
            Language::German => GERMAN_STOP_WORDS,
            Language::French => FRENCH_STOP_WORDS,
            Language::Spanish => SPANISH_STOP_WORDS,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lexicon::is_negation;
    use crate::text::normalize::word_key;

    const LANGUAGES: [Language; 3] = [Language::German, Language::French, Language::Spanish];

    #[test]
    fn telling_words_weigh_little() {
        let mut key = String::new();
        for language in LANGUAGES {
            for word in language.tells().expect("a list").words() {
                word_key(word, &mut key);
                assert!(language.is_stop_word(&key) || is_negation(&key), "{language:?} {word}");
                // No word tells two languages.
                let told: Vec<Language> =
                    LANGUAGES.into_iter().filter(|l| l.tells().is_some_and(|t| t.contains(word))).collect();
                assert_eq!(told, [language], "{word}");
                assert!(word.len() <= LONGEST_TELL, "{word} is longer than LONGEST_TELL");
            }
        }
    }

    #[test]
    fn languages_are_told_by_their_function_words() {
        let cases = [
            (
                Language::German,
                "Bei einem Brand im Hafen sind am Sonntag 14 Arbeiter verletzt worden. Das Feuer brach in einer \
                 Lagerhalle aus, wie die Feuerwehr mitteilte. Die Ursache war nicht klar.",
            ),
            (
                Language::French,
                "Un incendie au port a blessé 14 ouvriers dimanche. Le feu a pris dans un entrepôt, selon les \
                 pompiers, et la cause reste inconnue pour le moment.",
            ),
            (
                Language::Spanish,
                "Un incendio en el puerto hirió a 14 trabajadores el domingo. El fuego comenzó en un almacén, \
                 según los bomberos, y la causa sigue sin conocerse por ahora.",
            ),
            (
                Language::English,
                "A fire at the port injured 14 workers on Sunday. It broke out in a warehouse in Los Angeles, the \
                 fire service said, and Ursula von der Leyen sent her sympathy. The cause was not clear.",
            ),
        ];
        for (language, text) in cases {
            assert_eq!(Language::of(text), language, "{text}");
        }
        assert_eq!(Language::of("Die Welt."), Language::English, "too few words to tell");
        assert!(Language::German.capitalises_nouns() && !Language::French.capitalises_nouns());
    }
}
